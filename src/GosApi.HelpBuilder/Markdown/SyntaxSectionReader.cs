using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Markdig.Syntax;

namespace GosApi.HelpBuilder;

/// <summary>
/// Reads "## SYNTAX": one "### SetName (Default)" heading and code line per parameter set.
/// The code line gives the order of the parameters; their metadata comes from PARAMETERS.
/// </summary>
internal static partial class SyntaxSectionReader
{
    private const string DefaultMarker = "(Default)";

    public static IReadOnlyList<SyntaxSet> Read(
        Section? section, IReadOnlyList<ParameterHelp> parameters, MarkdownPage page, ProblemList problems)
    {
        var declared = section is null ? [] : Declared(section, page);
        if (declared.Count == 0)
        {
            return Derived(parameters);
        }

        CheckSetNamesExist(declared, parameters, section!.Line, problems);
        return declared.Select(set => Build(set, parameters, problems)).ToList();
    }

    private sealed record DeclaredSet(string Name, bool IsDefault, int Line, string Code);

    private static List<DeclaredSet> Declared(Section section, MarkdownPage page)
    {
        var (preamble, entries) = Section.Split(section.Blocks, 3, page);
        var sets = entries.Select(entry => Declare(entry.Title, entry.Line, entry.Blocks)).ToList();
        if (sets.Count == 0 && preamble.OfType<CodeBlock>().Any())
        {
            sets.Add(new DeclaredSet(SyntaxSet.AllParameterSets, true, section.Line, CodeOf(preamble)));
        }

        return sets;
    }

    private static DeclaredSet Declare(string title, int line, IReadOnlyList<Block> blocks)
    {
        var isDefault = title.EndsWith(DefaultMarker, StringComparison.OrdinalIgnoreCase);
        var name = isDefault ? title[..^DefaultMarker.Length].Trim() : title.Trim();
        return new DeclaredSet(name, isDefault, line, CodeOf(blocks));
    }

    private static string CodeOf(IEnumerable<Block> blocks) =>
        string.Join('\n', blocks.OfType<CodeBlock>().Select(HelpText.CodeOf));

    /// <summary>Without a SYNTAX section the sets come from the parameters' "Parameter Sets".</summary>
    private static IReadOnlyList<SyntaxSet> Derived(IReadOnlyList<ParameterHelp> parameters)
    {
        var names = parameters.SelectMany(p => p.ParameterSets)
            .Where(set => set != ParameterMetadata.AllSets)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .DefaultIfEmpty(SyntaxSet.AllParameterSets)
            .ToList();
        return names.Select((name, index) =>
            new SyntaxSet(name, index == 0, parameters.Where(p => p.AppliesTo(name)).ToList())).ToList();
    }

    private static void CheckSetNamesExist(
        IReadOnlyList<DeclaredSet> declared, IReadOnlyList<ParameterHelp> parameters, int line, ProblemList problems)
    {
        foreach (var parameter in parameters)
        {
            var unknown = parameter.ParameterSets.Where(set => set != ParameterMetadata.AllSets
                && !declared.Any(d => d.Name.Equals(set, StringComparison.OrdinalIgnoreCase)));
            foreach (var set in unknown)
            {
                problems.Add(line, $"parameter -{parameter.Name} names parameter set '{set}', which SYNTAX does not list");
            }
        }
    }

    private static SyntaxSet Build(DeclaredSet set, IReadOnlyList<ParameterHelp> parameters, ProblemList problems)
    {
        var ordered = new List<ParameterHelp>();
        foreach (var name in ParameterNamesIn(set.Code))
        {
            var parameter = parameters.FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (parameter is null)
            {
                problems.Add(set.Line, $"SYNTAX of parameter set '{set.Name}' shows -{name}, which PARAMETERS does not document");
            }
            else if (!parameter.AppliesTo(set.Name))
            {
                problems.Add(set.Line, $"SYNTAX of parameter set '{set.Name}' shows -{name}, whose Parameter Sets ({string.Join(", ", parameter.ParameterSets)}) do not include it");
            }
            else if (!ordered.Contains(parameter))
            {
                ordered.Add(parameter);
            }
        }

        ordered.AddRange(parameters.Where(p => p.AppliesTo(set.Name) && !ordered.Contains(p)));
        return new SyntaxSet(set.Name, set.IsDefault, ordered);
    }

    private static IEnumerable<string> ParameterNamesIn(string syntax) =>
        ParameterName().Matches(syntax).Select(match => match.Groups[1].Value);

    // "-Name" after a space or "[": not the dash inside "New-EpguOrder".
    [GeneratedRegex(@"(?<=[\s\[])-([A-Za-z_]\w*)")]
    private static partial Regex ParameterName();
}
