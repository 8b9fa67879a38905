using System.Collections.Generic;
using System.Linq;

namespace GosApi.HelpBuilder;

/// <summary>The "key: value" header of a PlatyPS page.</summary>
internal sealed class FrontMatter(IReadOnlyList<KeyValueLine> entries)
{
    public const string SupportedSchema = "2.0.0";

    public static FrontMatter? Of(MarkdownPage page) =>
        page.FrontMatter is null ? null : new FrontMatter(KeyValueLine.ReadAll(page.FrontMatter));

    public string? this[string key] => entries.FirstOrDefault(entry => entry.Is(key))?.Value;

    public bool Has(string key) => entries.Any(entry => entry.Is(key));

    public string Schema => this["schema"] ?? "";
    public string ExternalHelpFile => this["external help file"] ?? "";
    public string ModuleName => this["Module Name"] ?? "";
    public string OnlineVersion => this["online version"] ?? "";

    /// <summary>A cmdlet page, as New-MarkdownHelp writes it.</summary>
    public bool IsCommandPage => Has("external help file") || (Has("schema") && !IsModulePage);

    /// <summary>The module page (New-MarkdownHelp -WithModulePage): it lists commands, it documents none.</summary>
    public bool IsModulePage => Has("Module Guid");
}
