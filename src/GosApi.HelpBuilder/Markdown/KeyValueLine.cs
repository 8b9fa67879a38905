using System.Collections.Generic;
using System.Linq;
using Markdig.Syntax;

namespace GosApi.HelpBuilder;

/// <summary>
/// A "Key: value" line. PlatyPS front matter and parameter metadata are flat maps of these,
/// so a YAML library would add a dependency without adding anything.
/// </summary>
internal sealed record KeyValueLine(string Key, string Value, int Line)
{
    /// <summary>Reads every line of a block; lines without a colon come back with an empty key.</summary>
    public static IReadOnlyList<KeyValueLine> ReadAll(LeafBlock block) =>
        block.Lines.Lines.Take(block.Lines.Count)
            .Select(line => Read(line.ToString(), line.Line + 1))
            .Where(entry => entry is not null)
            .Select(entry => entry!)
            .ToList();

    /// <summary>Keys compare without case and spaces: "Parameter Sets" and "parameter sets" are the same key.</summary>
    public bool Is(string key) => Normalize(Key) == Normalize(key);

    private static KeyValueLine? Read(string text, int line)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0 || trimmed == "---" || trimmed.StartsWith('#'))
        {
            return null;
        }

        var colon = trimmed.IndexOf(':');
        return colon < 0
            ? new KeyValueLine("", trimmed, line)
            : new KeyValueLine(trimmed[..colon].Trim(), Unquote(trimmed[(colon + 1)..].Trim()), line);
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '\'' || value[0] == '"') && value[^1] == value[0]
            ? value[1..^1]
            : value;

    private static string Normalize(string key) => key.Replace(" ", "").ToLowerInvariant();
}
