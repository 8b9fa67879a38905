namespace GosApi.HelpBuilder.Tests;

/// <summary>The sample pages under Fixtures/, and helpers to derive malformed variants from them.</summary>
internal static class Fixture
{
    public const string CommandPage = "New-EpguOrder.md";
    public const string AboutPage = "about_GosApi.md";

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static string Text(string name) => File.ReadAllText(PathOf(name)).ReplaceLineEndings("\n");

    /// <summary>Replaces text that must occur in the page, so a stale test fails loudly.</summary>
    public static string Replace(string page, string oldText, string newText)
    {
        Assert.Contains(oldText, page);
        return page.Replace(oldText, newText);
    }

    /// <summary>1-based number of the first line that starts with <paramref name="start"/>.</summary>
    public static int LineOf(string page, string start)
    {
        var lines = page.Split('\n');
        var index = Array.FindIndex(lines, line => line.StartsWith(start, StringComparison.Ordinal));
        Assert.True(index >= 0, $"no line starts with '{start}'");
        return index + 1;
    }
}
