using System;
using System.Collections.Generic;
using System.Linq;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace GosApi.HelpBuilder;

/// <summary>A markdown file parsed by Markdig, with its source lines kept for line-exact messages.</summary>
internal sealed class MarkdownPage
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .Build();

    private readonly string text;
    private readonly string[] lines;

    private MarkdownPage(string path, string text)
    {
        Path = path;
        this.text = text;
        lines = text.Split('\n').Select(line => line.TrimEnd('\r')).ToArray();
        Document = Markdown.Parse(text, Pipeline);
        FrontMatter = Document.OfType<YamlFrontMatterBlock>().FirstOrDefault();
        Body = Document.Where(block => block is not YamlFrontMatterBlock).ToList();
    }

    public string Path { get; }
    public MarkdownDocument Document { get; }
    public YamlFrontMatterBlock? FrontMatter { get; }

    /// <summary>The top-level blocks after the front matter.</summary>
    public IReadOnlyList<Block> Body { get; }

    public static MarkdownPage Parse(string text, string path) => new(path, text);

    public static int LineOf(Block block) => block.Line + 1;

    /// <summary>The heading as written: Markdig's inline tree would turn "String[]" or "&lt;T&gt;" into other things.</summary>
    public string HeadingText(HeadingBlock heading)
    {
        var line = lines[heading.Line].Trim();
        if (!line.StartsWith('#'))
        {
            return line; // setext heading: the text line itself
        }

        var content = line.TrimStart('#').Trim();
        var closing = content.TrimEnd('#');
        return closing.Length < content.Length && (closing.Length == 0 || closing.EndsWith(' '))
            ? closing.Trim()
            : content;
    }

    public string SourceOf(Block block)
    {
        var start = Math.Clamp(block.Span.Start, 0, text.Length);
        var end = Math.Clamp(block.Span.End + 1, start, text.Length);
        return text[start..end].TrimEnd();
    }
}
