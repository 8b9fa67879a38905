using System.Collections.Generic;
using System.Linq;
using Markdig.Syntax;

namespace GosApi.HelpBuilder;

/// <summary>Renders markdown blocks as help text: one paragraph per block, separated by a blank line.</summary>
internal static class HelpText
{
    public const string ParagraphSeparator = "\n\n";

    public static string From(IEnumerable<Block> blocks, MarkdownPage page) =>
        string.Join(ParagraphSeparator, blocks.Select(block => Render(block, page)).Where(text => text.Length > 0));

    /// <summary>The text of a code block, lines joined by "\n".</summary>
    public static string CodeOf(LeafBlock code) =>
        string.Join('\n', code.Lines.Lines.Take(code.Lines.Count).Select(line => line.ToString())).Trim('\n');

    private static string Render(Block block, MarkdownPage page) => block switch
    {
        HeadingBlock heading => page.HeadingText(heading),
        ParagraphBlock paragraph => InlineText.Flatten(paragraph.Inline),
        CodeBlock code => CodeOf(code),
        ListBlock list => RenderList(list, page, indent: ""),
        QuoteBlock quote => From(quote, page),
        ThematicBreakBlock or LinkReferenceDefinitionGroup => "",
        _ => page.SourceOf(block),
    };

    private static string RenderList(ListBlock list, MarkdownPage page, string indent)
    {
        var lines = new List<string>();
        var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var bullet = list.IsOrdered ? $"{number++}. " : "- ";
            foreach (var child in item)
            {
                if (child is ListBlock nested)
                {
                    lines.Add(RenderList(nested, page, indent + "  "));
                    continue;
                }

                lines.Add(indent + bullet + Render(child, page));
                bullet = new string(' ', bullet.Length); // later paragraphs of the item align with its text
            }
        }

        return string.Join('\n', lines);
    }
}
