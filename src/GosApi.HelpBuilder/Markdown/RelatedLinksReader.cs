using System.Collections.Generic;
using System.Linq;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace GosApi.HelpBuilder;

/// <summary>Reads "## RELATED LINKS": every [text](uri) or &lt;uri&gt; in the section.</summary>
internal static class RelatedLinksReader
{
    public static IReadOnlyList<RelatedLink> Read(Section? section) =>
        section is null
            ? []
            : section.Blocks.SelectMany(LeafBlocks)
                .SelectMany(leaf => Inlines(leaf.Inline))
                .Select(ToLink)
                .OfType<RelatedLink>()
                .ToList();

    private static IEnumerable<LeafBlock> LeafBlocks(Block block) => block switch
    {
        LeafBlock leaf => [leaf],
        ContainerBlock container => container.SelectMany(LeafBlocks),
        _ => [],
    };

    private static IEnumerable<Inline> Inlines(ContainerInline? container) =>
        container is null
            ? []
            : container.SelectMany(inline => inline is ContainerInline child and not LinkInline
                ? Inlines(child)
                : [inline]);

    private static RelatedLink? ToLink(Inline inline) => inline switch
    {
        LinkInline { IsImage: false } link => new RelatedLink(InlineText.Flatten(link), link.Url ?? ""),
        AutolinkInline autolink => new RelatedLink(autolink.Url, autolink.Url),
        _ => null,
    };
}
