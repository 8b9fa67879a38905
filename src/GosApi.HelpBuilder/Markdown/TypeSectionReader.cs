using System.Collections.Generic;
using System.Linq;

namespace GosApi.HelpBuilder;

/// <summary>Reads "## INPUTS" or "## OUTPUTS": one "### Type.Name" per type, with optional text.</summary>
internal static class TypeSectionReader
{
    public static IReadOnlyList<TypeHelp> Read(Section? section, MarkdownPage page)
    {
        if (section is null)
        {
            return [];
        }

        var (preamble, entries) = Section.Split(section.Blocks, 3, page);
        var types = entries.Select(entry => new TypeHelp(entry.Title, HelpText.From(entry.Blocks, page))).ToList();

        // Some pages write the type as plain text ("None.") instead of a heading.
        var loose = HelpText.From(preamble, page);
        if (types.Count == 0 && loose.Length > 0)
        {
            types.Add(new TypeHelp(loose, ""));
        }

        return types;
    }
}
