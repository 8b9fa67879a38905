using System;
using System.Collections.Generic;
using System.Linq;
using Markdig.Syntax;

namespace GosApi.HelpBuilder;

/// <summary>Reads "## PARAMETERS": one "### -Name" per parameter, its description, then its ```yaml block(s).</summary>
internal static class ParametersSectionReader
{
    public static IReadOnlyList<ParameterHelp> Read(Section section, MarkdownPage page, ProblemList problems)
    {
        var parameters = new List<ParameterHelp>();
        foreach (var entry in Section.Split(section.Blocks, 3, page).Sections)
        {
            if (IsCommonParameters(entry.Title))
            {
                continue; // Get-Help adds the common parameters itself
            }

            var parameter = ReadParameter(entry, page, problems);
            if (parameter is null)
            {
                continue;
            }

            if (parameters.Any(p => p.Name.Equals(parameter.Name, StringComparison.OrdinalIgnoreCase)))
            {
                problems.Add(entry.Line, $"parameter -{parameter.Name} is documented twice");
                continue;
            }

            parameters.Add(parameter);
        }

        return parameters;
    }

    private static ParameterHelp? ReadParameter(Section entry, MarkdownPage page, ProblemList problems)
    {
        if (!entry.Title.StartsWith('-') || entry.Title.Length == 1)
        {
            problems.Add(entry.Line, $"'### {entry.Title}' in PARAMETERS: a parameter heading must be '### -Name'");
            return null;
        }

        var name = entry.Title[1..].Trim();
        var yamlBlocks = entry.Blocks.OfType<FencedCodeBlock>().Where(IsYaml).ToList();
        var description = HelpText.From(entry.Blocks.Where(block => !(block is FencedCodeBlock fenced && IsYaml(fenced))), page);

        if (description.Length == 0)
        {
            problems.Add(entry.Line, $"parameter -{name} has no description");
        }

        Placeholders.Check(description, entry.Line, $"the description of -{name}", problems);

        if (yamlBlocks.Count == 0)
        {
            problems.Add(entry.Line, $"parameter -{name} has no ```yaml block (Type, Parameter Sets, Required, Position, ...)");
            return null;
        }

        var metadata = yamlBlocks
            .Select(yaml => ParameterMetadataReader.Read(yaml, name, problems))
            .OfType<ParameterMetadata>()
            .ToList();

        return metadata.Count == 0 ? null : new ParameterHelp { Name = name, Description = description, Metadata = metadata };
    }

    private static bool IsCommonParameters(string title) =>
        title.Trim('<', '>') is var name
        && (name.Equals("CommonParameters", StringComparison.OrdinalIgnoreCase)
            || name.Equals("WorkflowCommonParameters", StringComparison.OrdinalIgnoreCase));

    private static bool IsYaml(FencedCodeBlock block) =>
        string.Equals(block.Info, "yaml", StringComparison.OrdinalIgnoreCase)
        || string.Equals(block.Info, "yml", StringComparison.OrdinalIgnoreCase);
}
