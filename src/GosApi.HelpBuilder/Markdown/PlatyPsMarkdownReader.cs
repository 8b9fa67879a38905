using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Markdig.Syntax;

namespace GosApi.HelpBuilder;

/// <summary>
/// Reads a cmdlet page in PlatyPS's markdown schema 2.0.0 (what New-MarkdownHelp writes).
/// Throws <see cref="MarkdownHelpException"/> listing every problem when the page is malformed.
/// </summary>
public static class PlatyPsMarkdownReader
{
    private static readonly string[] RequiredSections = ["SYNOPSIS", "DESCRIPTION", "EXAMPLES", "PARAMETERS"];

    private static readonly string[] KnownSections =
        [.. RequiredSections, "SYNTAX", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS", "ALIASES"];

    public static CommandHelp Read(string path) => Parse(File.ReadAllText(path), path);

    public static CommandHelp Parse(string markdown, string sourcePath)
    {
        var problems = new ProblemList(sourcePath);
        var page = MarkdownPage.Parse(markdown, sourcePath);
        var frontMatter = ReadFrontMatter(page, problems);
        var (name, titleLine, sections) = ReadTitleAndSections(page, problems);

        var byName = IndexSections(sections, problems);
        foreach (var missing in RequiredSections.Where(required => !byName.ContainsKey(required)))
        {
            problems.Add(titleLine, $"missing section '## {missing}'");
        }

        Section? Find(string title) => byName.GetValueOrDefault(title);
        var parameters = Find("PARAMETERS") is { } parametersSection
            ? ParametersSectionReader.Read(parametersSection, page, problems)
            : [];

        var help = new CommandHelp
        {
            Name = name,
            SourcePath = sourcePath,
            ExternalHelpFile = NonEmpty(frontMatter?.ExternalHelpFile) ?? CommandHelp.DefaultExternalHelpFile,
            ModuleName = frontMatter?.ModuleName ?? "",
            OnlineVersion = frontMatter?.OnlineVersion ?? "",
            Synopsis = RequiredText(Find("SYNOPSIS"), page, problems),
            Description = RequiredText(Find("DESCRIPTION"), page, problems),
            Syntax = SyntaxSectionReader.Read(Find("SYNTAX"), parameters, page, problems),
            Examples = Find("EXAMPLES") is { } examples ? ExamplesSectionReader.Read(examples, page, problems) : [],
            Parameters = parameters,
            Inputs = TypeSectionReader.Read(Find("INPUTS"), page),
            Outputs = TypeSectionReader.Read(Find("OUTPUTS"), page),
            Notes = Find("NOTES") is { } notes ? HelpText.From(notes.Blocks, page) : "",
            RelatedLinks = RelatedLinksReader.Read(Find("RELATED LINKS")),
        };

        problems.ThrowIfAny();
        return help;
    }

    private static FrontMatter? ReadFrontMatter(MarkdownPage page, ProblemList problems)
    {
        var frontMatter = FrontMatter.Of(page);
        if (frontMatter is null)
        {
            problems.Add(1, $"missing front matter: a cmdlet page starts with '---', 'external help file: {CommandHelp.DefaultExternalHelpFile}', 'schema: {FrontMatter.SupportedSchema}', '---'");
        }
        else if (frontMatter.Has("schema") && frontMatter.Schema != FrontMatter.SupportedSchema)
        {
            problems.Add(1, $"unsupported 'schema: {frontMatter.Schema}' (this builder reads PlatyPS schema {FrontMatter.SupportedSchema})");
        }

        return frontMatter;
    }

    private static (string Name, int Line, IReadOnlyList<Section> Sections) ReadTitleAndSections(MarkdownPage page, ProblemList problems)
    {
        var expectedName = Path.GetFileNameWithoutExtension(page.Path);
        if (page.Body.FirstOrDefault() is not HeadingBlock { Level: 1 } title)
        {
            var line = page.Body.Count > 0 ? MarkdownPage.LineOf(page.Body[0]) : 1;
            problems.Add(line, $"the page must start with the command name as its title: '# {expectedName}'");
            return (expectedName, line, Section.Split(page.Body, 2, page).Sections);
        }

        var name = page.HeadingText(title);
        var titleLine = MarkdownPage.LineOf(title);
        if (!name.Contains('-') || name.Contains(' '))
        {
            problems.Add(titleLine, $"title '# {name}' is not a Verb-Noun command name");
        }
        else if (!name.Equals(expectedName, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(titleLine, $"title '# {name}' does not match the file name '{expectedName}.md'");
        }

        return (name, titleLine, Section.Split(page.Body.Skip(1), 2, page).Sections);
    }

    private static Dictionary<string, Section> IndexSections(IReadOnlyList<Section> sections, ProblemList problems)
    {
        var byName = new Dictionary<string, Section>(StringComparer.OrdinalIgnoreCase);
        foreach (var section in sections)
        {
            if (section.Level == 1)
            {
                problems.Add(section.Line, $"a second title '# {section.Title}': sections are '## ' headings");
            }
            else if (!KnownSections.Contains(section.Title, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add(section.Line, $"unknown section '## {section.Title}' (expected {string.Join(", ", KnownSections)})");
            }
            else if (!byName.TryAdd(section.Title, section))
            {
                problems.Add(section.Line, $"section '## {section.Title}' appears twice");
            }
        }

        return byName;
    }

    private static string RequiredText(Section? section, MarkdownPage page, ProblemList problems)
    {
        if (section is null)
        {
            return ""; // reported as a missing section
        }

        var text = HelpText.From(section.Blocks, page);
        if (text.Length == 0)
        {
            problems.Add(section.Line, $"section '## {section.Title}' is empty");
        }

        Placeholders.Check(text, section.Line, $"section '## {section.Title}'", problems);
        return text;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
