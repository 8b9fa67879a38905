using System.Text.RegularExpressions;

namespace GosApi.HelpBuilder;

/// <summary>Finds the "{{ Fill in the Synopsis }}" text New-MarkdownHelp leaves for authors.</summary>
internal static partial class Placeholders
{
    public static void Check(string text, int line, string where, ProblemList problems)
    {
        var match = Placeholder().Match(text);
        if (match.Success)
        {
            problems.Add(line, $"{where} still has the PlatyPS placeholder '{match.Value}'");
        }
    }

    [GeneratedRegex(@"\{\{\s*(?:Fill|Add)\b[^}]*\}\}")]
    private static partial Regex Placeholder();
}
