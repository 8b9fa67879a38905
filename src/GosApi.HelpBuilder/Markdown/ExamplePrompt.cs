using System.Text.RegularExpressions;

namespace GosApi.HelpBuilder;

/// <summary>Removes "PS C:\>" style prompts: Get-Help shows the code, and the code must parse.</summary>
internal static partial class ExamplePrompt
{
    public static string Strip(string code) => Prompt().Replace(code, "");

    // "PS C:\> ", "PS> ", "PS /home/user> " and the old "C:\PS> ", at the start of a line only.
    [GeneratedRegex(@"^(?:PS(?: [^>\n]*)?|[A-Za-z]:\\PS)>[ \t]?", RegexOptions.Multiline)]
    private static partial Regex Prompt();
}
