using System.Text;
using Markdig.Syntax.Inlines;

namespace GosApi.HelpBuilder;

/// <summary>
/// Turns Markdig inlines into the plain text Get-Help prints. Code spans keep their backticks,
/// as in PowerShell's own help; emphasis marks go; a link keeps its text (and an absolute URL).
/// </summary>
internal static class InlineText
{
    /// <summary>The text of the container's children (for a link: its label).</summary>
    public static string Flatten(ContainerInline? container)
    {
        var builder = new StringBuilder();
        if (container is not null)
        {
            AppendChildren(container, builder);
        }

        return builder.ToString().Trim();
    }

    private static void Append(Inline? inline, StringBuilder builder)
    {
        switch (inline)
        {
            case null:
                return;
            case LiteralInline literal:
                builder.Append(literal.Content.ToString());
                return;
            case CodeInline code:
                builder.Append('`').Append(code.Content).Append('`');
                return;
            case LineBreakInline lineBreak:
                builder.Append(lineBreak.IsHard ? '\n' : ' ');
                return;
            case AutolinkInline autolink:
                builder.Append(autolink.Url);
                return;
            case HtmlInline html:
                builder.Append(html.Tag);
                return;
            case HtmlEntityInline entity:
                builder.Append(entity.Transcoded.ToString());
                return;
            case LinkInline link:
                AppendLink(link, builder);
                return;
            case DelimiterInline delimiter:
                builder.Append(delimiter.ToLiteral());
                AppendChildren(delimiter, builder);
                return;
            case ContainerInline container:
                AppendChildren(container, builder);
                return;
            default:
                builder.Append(inline.ToString());
                return;
        }
    }

    private static void AppendChildren(ContainerInline container, StringBuilder builder)
    {
        foreach (var child in container)
        {
            Append(child, builder);
        }
    }

    private static void AppendLink(LinkInline link, StringBuilder builder)
    {
        var start = builder.Length;
        AppendChildren(link, builder);
        var label = builder.ToString(start, builder.Length - start);
        var url = link.Url ?? "";
        if (new RelatedLink(label, url).IsAbsolute && label != url)
        {
            builder.Append(" (").Append(url).Append(')');
        }
    }
}
