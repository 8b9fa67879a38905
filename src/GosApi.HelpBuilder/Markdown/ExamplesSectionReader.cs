using System.Collections.Generic;
using System.Linq;
using Markdig.Syntax;

namespace GosApi.HelpBuilder;

/// <summary>Reads "## EXAMPLES": one "### Title" per example, with at least one code block.</summary>
internal static class ExamplesSectionReader
{
    public static IReadOnlyList<ExampleHelp> Read(Section section, MarkdownPage page, ProblemList problems)
    {
        var entries = Section.Split(section.Blocks, 3, page).Sections;
        if (entries.Count == 0)
        {
            problems.Add(section.Line, "## EXAMPLES has no example ('### Example 1: ...' followed by a code block)");
        }

        var examples = new List<ExampleHelp>();
        foreach (var entry in entries)
        {
            var codeBlocks = entry.Blocks.OfType<CodeBlock>().ToList();
            if (codeBlocks.Count == 0)
            {
                problems.Add(entry.Line, $"example '{entry.Title}' has no code block");
                continue;
            }

            var code = string.Join(HelpText.ParagraphSeparator, codeBlocks.Select(block => ExamplePrompt.Strip(HelpText.CodeOf(block))));
            var remarks = HelpText.From(entry.Blocks.Where(block => block is not CodeBlock), page);
            Placeholders.Check(code + "\n" + remarks, entry.Line, $"example '{entry.Title}'", problems);
            examples.Add(new ExampleHelp(entry.Title, code, remarks, entry.Line));
        }

        return examples;
    }
}
