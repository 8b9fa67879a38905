using System.Management.Automation;
using System.Management.Automation.Language;
using GosApi.HelpBuilder;
using GosApi.PowerShell.Tests.Infrastructure;

namespace GosApi.PowerShell.Tests.Help;

/// <summary>
/// Every exported cmdlet has a PlatyPS page with a synopsis, a description, every parameter described and
/// examples that parse — and Get-Help shows them from the staged module.
/// </summary>
public sealed class HelpTests : IDisposable
{
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable", "WarningVariable",
        "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable",
    };

    private readonly ModuleHost engine = new();

    public void Dispose() => engine.Dispose();

    public static TheoryData<string> ExportedCmdlets()
    {
        using var engine = new ModuleHost();
        var data = new TheoryData<string>();
        foreach (var name in engine.Invoke("(Get-Module GosApi).ExportedCmdlets.Keys | Sort-Object").Output.Select(o => o.ToString())) data.Add(name);
        return data;
    }

    [Fact]
    public void The_manifest_exports_exactly_the_cmdlets_the_assembly_defines()
    {
        var exported = engine.Invoke("(Get-Module GosApi).ExportedCmdlets.Keys").Output.Select(o => o.ToString()).OrderBy(n => n).ToList();
        var defined = engine.Invoke("""
            (Get-Module GosApi).ImplementingAssembly.GetExportedTypes() |
                ForEach-Object { $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) } |
                ForEach-Object { "$($_.VerbName)-$($_.NounName)" }
            """)
            .Output.Select(o => o.ToString()).OrderBy(n => n).ToList();
        Assert.NotEmpty(exported);
        Assert.Equal(defined, exported);
    }

    [Theory]
    [MemberData(nameof(ExportedCmdlets))]
    public void Markdown_page_documents_every_parameter_with_examples_that_parse(string cmdlet)
    {
        var page = Path.Combine(RepoPaths.Docs, cmdlet + ".md");
        Assert.True(File.Exists(page), $"{cmdlet} has no page {page}");
        var help = PlatyPsMarkdownReader.Read(page);

        Assert.False(string.IsNullOrWhiteSpace(help.Synopsis));
        Assert.False(string.IsNullOrWhiteSpace(help.Description));
        var parameters = engine.Invoke($"(Get-Command {cmdlet}).Parameters.Keys").Output.Select(o => o.ToString()).Where(p => !Common.Contains(p)).ToList();
        foreach (var parameter in parameters)
        {
            var documented = help.Parameters.SingleOrDefault(p => string.Equals(p.Name, parameter, StringComparison.OrdinalIgnoreCase));
            Assert.True(documented != null, $"{cmdlet}: -{parameter} is not documented");
            Assert.False(string.IsNullOrWhiteSpace(documented!.Description), $"{cmdlet}: -{parameter} has no description");
        }
        foreach (var documented in help.Parameters.Where(p => !p.Name.Equals("CommonParameters", StringComparison.OrdinalIgnoreCase)))
            Assert.True(parameters.Contains(documented.Name, StringComparer.OrdinalIgnoreCase), $"{cmdlet}: the page documents -{documented.Name}, which the cmdlet does not have");

        Assert.NotEmpty(help.Examples);
        foreach (var example in help.Examples)
        {
            Parser.ParseInput(example.Code, out _, out var errors);
            Assert.True(errors.Length == 0, $"{cmdlet} example '{example.Title}' (line {example.Line}) does not parse: {string.Join("; ", errors.Select(e => e.Message))}");
            Assert.Contains(cmdlet, example.Code, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [MemberData(nameof(ExportedCmdlets))]
    public void Get_Help_shows_synopsis_description_parameters_and_examples_from_the_staged_module(string cmdlet)
    {
        var help = PlatyPsMarkdownReader.Read(Path.Combine(RepoPaths.Docs, cmdlet + ".md"));
        var result = engine.Invoke($"Get-Help {cmdlet} -Full | Out-String -Width 400").AssertSuccess();
        var text = string.Join("\n", result.Output.Select(o => o.ToString()));

        Assert.Contains(Normalize(help.Synopsis), Normalize(text));
        Assert.Contains(Normalize(FirstSentence(help.Description)), Normalize(text));
        foreach (var parameter in help.Parameters.Where(p => !p.Name.Equals("CommonParameters", StringComparison.OrdinalIgnoreCase)))
        {
            Assert.Contains("-" + parameter.Name, text);
            Assert.Contains(Normalize(FirstSentence(parameter.Description)), Normalize(text));
        }
        foreach (var example in help.Examples) Assert.Contains(Normalize(example.Code.Split('\n')[0]), Normalize(text));
    }

    [Fact]
    public void About_topic_is_installed_and_readable()
    {
        var text = string.Join("\n", engine.Invoke("Get-Help about_GosApi | Out-String -Width 200").AssertSuccess().Output.Select(o => o.ToString()));
        Assert.Contains("about_GosApi", text);
        Assert.Contains("Connect-Epgu", text);
    }

    private static string FirstSentence(string text)
    {
        var first = text.Split("\n\n")[0];
        var dot = first.IndexOf(". ", StringComparison.Ordinal);
        var sentence = dot > 0 ? first[..dot] : first;
        return sentence.Length > 60 ? sentence[..60] : sentence;
    }

    private static string Normalize(string text) => string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
