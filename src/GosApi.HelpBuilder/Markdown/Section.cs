using System;
using System.Collections.Generic;
using Markdig.Syntax;

namespace GosApi.HelpBuilder;

/// <summary>A heading and the blocks under it, up to the next heading of the same or a higher level.</summary>
internal sealed record Section(string Title, int Line, int Level, IReadOnlyList<Block> Blocks)
{
    /// <summary>Splits blocks at headings of <paramref name="level"/>; blocks before the first one form the preamble.</summary>
    public static (IReadOnlyList<Block> Preamble, IReadOnlyList<Section> Sections) Split(
        IEnumerable<Block> blocks, int level, MarkdownPage page)
    {
        var preamble = new List<Block>();
        var sections = new List<Section>();
        List<Block>? current = null;

        foreach (var block in blocks)
        {
            if (block is HeadingBlock heading && heading.Level <= level)
            {
                current = [];
                sections.Add(new Section(page.HeadingText(heading), MarkdownPage.LineOf(heading), heading.Level, current));
                continue;
            }

            (current ?? preamble).Add(block);
        }

        return (preamble, sections);
    }

    public bool Is(string title) => Title.Equals(title, StringComparison.OrdinalIgnoreCase);
}
