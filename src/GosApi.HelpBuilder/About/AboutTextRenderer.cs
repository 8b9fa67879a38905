using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Markdig.Syntax;

namespace GosApi.HelpBuilder;

/// <summary>
/// Renders an about_ page in the layout Get-Help expects of about_*.help.txt: "TOPIC", then
/// upper-case section names at column 0 ("SHORT DESCRIPTION" gives Get-Help its synopsis),
/// text indented by four and wrapped at 80 columns.
/// </summary>
internal sealed class AboutTextRenderer(MarkdownPage page, int sectionLevel)
{
    public const int Width = 80;
    private const string Indent = "    ";

    private readonly StringBuilder output = new();
    private bool inShortDescription;

    public void Topic(string topicName) => Line("TOPIC").Line(Indent + topicName).Line();

    public void Block(Block block, string indent = Indent)
    {
        switch (block)
        {
            case HeadingBlock heading when heading.Level <= sectionLevel:
                var title = page.HeadingText(heading).ToUpperInvariant();
                inShortDescription = title == AboutTopicWriter.ShortDescription;
                Line(title);
                break;
            case HeadingBlock heading:
                Line(indent + page.HeadingText(heading)).Line();
                break;
            case ParagraphBlock paragraph when inShortDescription:
                // Get-Help about_* lists only the first line after SHORT DESCRIPTION: keep it whole.
                Line(indent + InlineText.Flatten(paragraph.Inline).Replace('\n', ' ')).Line();
                break;
            case ParagraphBlock paragraph:
                Wrapped(InlineText.Flatten(paragraph.Inline), indent, indent).Line();
                break;
            case CodeBlock code:
                Lines(HelpText.CodeOf(code).Split('\n').Select(line => (indent + Indent + line).TrimEnd())).Line();
                break;
            case ListBlock list:
                List(list, indent);
                Line();
                break;
            case QuoteBlock quote:
                foreach (var child in quote)
                {
                    Block(child, indent + Indent);
                }

                break;
            case ThematicBreakBlock or LinkReferenceDefinitionGroup:
                break;
            default: // tables and HTML: their source is the most readable plain text
                Lines(page.SourceOf(block).Split('\n').Select(line => indent + line.TrimEnd())).Line();
                break;
        }
    }

    public override string ToString() => output.ToString().TrimEnd() + "\n";

    private void List(ListBlock list, string indent)
    {
        var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var bullet = list.IsOrdered ? $"{number++}. " : "- ";
            var first = true;
            foreach (var child in item)
            {
                if (child is ParagraphBlock paragraph)
                {
                    var hanging = indent + new string(' ', bullet.Length);
                    Wrapped(InlineText.Flatten(paragraph.Inline), first ? indent + bullet : hanging, hanging);
                    first = false;
                }
                else if (child is ListBlock nested)
                {
                    List(nested, indent + new string(' ', bullet.Length));
                }
                else
                {
                    Block(child, indent + new string(' ', bullet.Length));
                }
            }
        }
    }

    private AboutTextRenderer Wrapped(string text, string firstIndent, string restIndent) =>
        Lines(TextWrapper.Wrap(text, Width, firstIndent, restIndent));

    private AboutTextRenderer Lines(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            Line(line);
        }

        return this;
    }

    private AboutTextRenderer Line(string text = "")
    {
        output.Append(text).Append('\n');
        return this;
    }
}
