using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Markdig.Syntax;

namespace GosApi.HelpBuilder;

/// <summary>
/// Turns an about_*.md page into the plain text of about_*.help.txt. The page starts with
/// "# about_Name" and has a "Short description" section (at "##", or "#" as in PlatyPS's template).
/// </summary>
public static class AboutTopicWriter
{
    internal const string ShortDescription = "SHORT DESCRIPTION";

    public static bool IsAboutTopic(string path) =>
        Path.GetFileName(path).StartsWith("about_", StringComparison.OrdinalIgnoreCase)
        && Path.GetExtension(path).Equals(".md", StringComparison.OrdinalIgnoreCase);

    /// <summary>"docs/about_GosApi.md" gives "about_GosApi.help.txt".</summary>
    public static string OutputFileName(string markdownPath) =>
        Path.GetFileNameWithoutExtension(markdownPath) + ".help.txt";

    public static string RenderFile(string path) => Render(File.ReadAllText(path), path);

    public static string Render(string markdown, string sourcePath)
    {
        var problems = new ProblemList(sourcePath);
        var page = MarkdownPage.Parse(markdown, sourcePath);
        var topicName = Path.GetFileNameWithoutExtension(sourcePath);

        if (page.Body.FirstOrDefault() is not HeadingBlock { Level: 1 })
        {
            problems.Add(page.Body.Count > 0 ? MarkdownPage.LineOf(page.Body[0]) : 1, $"an about topic starts with its title: '# {topicName}'");
            problems.ThrowIfAny();
        }

        var content = page.Body.Skip(1).ToList();
        if (content.FirstOrDefault() is HeadingBlock lookupName
            && page.HeadingText(lookupName).Equals(topicName, StringComparison.OrdinalIgnoreCase))
        {
            content.RemoveAt(0); // PlatyPS's template repeats the file name as a second heading
        }

        var sectionLevel = content.OfType<HeadingBlock>().FirstOrDefault()?.Level ?? 2;
        CheckShortDescription(content, sectionLevel, page, problems);
        problems.ThrowIfAny();

        var renderer = new AboutTextRenderer(page, sectionLevel);
        renderer.Topic(topicName);
        foreach (var block in content)
        {
            renderer.Block(block);
        }

        return renderer.ToString();
    }

    private static void CheckShortDescription(
        IReadOnlyList<Block> content, int sectionLevel, MarkdownPage page, ProblemList problems)
    {
        var sections = Section.Split(content, sectionLevel, page).Sections;
        var shortDescription = sections.FirstOrDefault(section => section.Is(ShortDescription));
        if (shortDescription is null)
        {
            problems.Add(1, $"missing section '{new string('#', sectionLevel)} Short description' (Get-Help shows it as the topic's synopsis)");
        }
        else if (HelpText.From(shortDescription.Blocks, page).Length == 0)
        {
            problems.Add(shortDescription.Line, "section 'Short description' is empty");
        }
    }
}
