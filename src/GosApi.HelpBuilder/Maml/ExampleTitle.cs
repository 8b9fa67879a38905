using System;

namespace GosApi.HelpBuilder;

/// <summary>Frames an example title with dashes, the way PowerShell's help shows example headings.</summary>
internal static class ExampleTitle
{
    private const int Width = 64;
    private const int MinimumDashes = 2;

    public static string Frame(string title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return title;
        }

        var dashes = new string('-', Math.Max(MinimumDashes, (Width - title.Length - 2) / 2));
        return $"{dashes} {title} {dashes}";
    }
}
