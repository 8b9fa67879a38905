using System.Text;
using System.Xml.Linq;

namespace GosApi.HelpBuilder.Tests;

public sealed class HelpBuildTests : IDisposable
{
    private const string MamlFile = "GosApi.PowerShell.dll-Help.xml";
    private const string AboutFile = "about_GosApi.help.txt";

    private readonly TempDirectory temp = new();
    private readonly string docs;
    private readonly string output;

    public HelpBuildTests()
    {
        docs = temp.Combine("docs");
        output = temp.Combine("out", "en-US");
        temp.Write("docs/" + Fixture.CommandPage, Fixture.Text(Fixture.CommandPage));
        temp.Write("docs/" + Fixture.AboutPage, Fixture.Text(Fixture.AboutPage));
    }

    public void Dispose() => temp.Dispose();

    private string Output(string fileName) => Path.Combine(output, fileName);

    [Fact]
    public void Writes_the_maml_file_and_the_about_topic()
    {
        var result = HelpBuild.Run(docs, output);

        Assert.True(result.Succeeded);
        Assert.Equal(1, result.CommandCount);
        Assert.Equal(1, result.AboutTopicCount);
        Assert.Equal([Output(AboutFile), Output(MamlFile)], result.WrittenFiles.Order());
        Assert.Equal("New-EpguOrder", XDocument.Load(Output(MamlFile)).Descendants(MamlNamespaces.Command + "name").Single().Value);
        Assert.Equal(AboutTopicWriter.RenderFile(Fixture.PathOf(Fixture.AboutPage)), File.ReadAllText(Output(AboutFile)));
    }

    [Fact]
    public void Writes_about_topics_with_a_utf8_byte_order_mark()
    {
        HelpBuild.Run(docs, output);

        Assert.Equal(Encoding.UTF8.GetPreamble(), File.ReadAllBytes(Output(AboutFile))[..3]);
    }

    [Fact]
    public void Does_not_rewrite_unchanged_output()
    {
        HelpBuild.Run(docs, output);
        var old = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(Output(MamlFile), old);
        File.SetLastWriteTimeUtc(Output(AboutFile), old);

        var result = HelpBuild.Run(docs, output);

        Assert.Empty(result.WrittenFiles);
        Assert.Equal(2, result.UnchangedFiles.Count);
        Assert.Equal(old, File.GetLastWriteTimeUtc(Output(MamlFile)));
        Assert.Equal(old, File.GetLastWriteTimeUtc(Output(AboutFile)));
    }

    [Fact]
    public void Rewrites_only_the_output_whose_content_changed()
    {
        HelpBuild.Run(docs, output);
        temp.Write("docs/" + Fixture.CommandPage, Fixture.Replace(Fixture.Text(Fixture.CommandPage), "legal entities.", "legal entities (changed)."));

        var result = HelpBuild.Run(docs, output);

        Assert.Equal([Output(MamlFile)], result.WrittenFiles);
        Assert.Equal([Output(AboutFile)], result.UnchangedFiles);
        Assert.Contains("legal entities (changed).", File.ReadAllText(Output(MamlFile)));
    }

    [Fact]
    public void A_malformed_page_fails_the_build_and_writes_nothing()
    {
        HelpBuild.Run(docs, output);
        var before = File.ReadAllBytes(Output(MamlFile));
        var broken = Fixture.Replace(Fixture.Text(Fixture.CommandPage), "The code of the service target.\n", "");
        var brokenPath = temp.Write("docs/" + Fixture.CommandPage, broken.Replace("legal entities.", "legal entities, edited."));
        temp.Write("docs/about_Broken.md", "No title here.\n");

        var result = HelpBuild.Run(docs, output);

        Assert.False(result.Succeeded);
        Assert.Contains(new HelpProblem(brokenPath, Fixture.LineOf(broken, "### -TargetCode"), "parameter -TargetCode has no description"), result.Problems);
        Assert.Contains(result.Problems, p => p.File.EndsWith("about_Broken.md") && p.Line == 1);
        Assert.Empty(result.WrittenFiles);
        Assert.Equal(before, File.ReadAllBytes(Output(MamlFile)));
        Assert.False(File.Exists(Output("about_Broken.help.txt")));
    }

    [Fact]
    public void Skips_the_module_page_and_reports_other_markdown_as_skipped()
    {
        temp.Write("docs/GosApi.md", "---\nModule Name: GosApi\nModule Guid: 00000000-0000-0000-0000-000000000000\n---\n\n# GosApi Module\n");
        var readme = temp.Write("docs/README.md", "# Notes for writers\n");

        var result = HelpBuild.Run(docs, output);

        Assert.True(result.Succeeded);
        Assert.Equal([readme], result.SkippedPages);
        Assert.Equal(1, result.CommandCount);
    }

    [Fact]
    public void A_verb_noun_page_without_front_matter_is_an_error_not_a_skip()
    {
        var path = temp.Write("docs/Get-EpguStatus.md", "# Get-EpguStatus\n\n## SYNOPSIS\nX.\n");

        var result = HelpBuild.Run(docs, output);

        Assert.Contains(result.Problems, p => p.File == path && p.Line == 1 && p.Message.StartsWith("missing front matter"));
    }

    [Fact]
    public void Groups_commands_by_their_external_help_file()
    {
        var other = PlatyPsMarkdownReaderTests.SingleSetPage(syntax: "")
            .Replace("external help file: GosApi.PowerShell.dll-Help.xml", "external help file: Other.dll-Help.xml");
        temp.Write("docs/Get-EpguStatus.md", other);

        var result = HelpBuild.Run(docs, output);

        Assert.Equal(2, result.CommandCount);
        Assert.Equal(["New-EpguOrder"], XDocument.Load(Output(MamlFile)).Descendants(MamlNamespaces.Command + "name").Select(e => e.Value));
        Assert.Equal(["Get-EpguStatus"], XDocument.Load(Output("Other.dll-Help.xml")).Descendants(MamlNamespaces.Command + "name").Select(e => e.Value));
    }

    [Fact]
    public void Two_pages_for_one_command_are_reported()
    {
        var copy = temp.Write("docs/new-epguorder.md", Fixture.Text(Fixture.CommandPage));

        var result = HelpBuild.Run(docs, output);

        Assert.Contains(result.Problems, p => p.Message.StartsWith("command New-EpguOrder is documented twice")
            && (p.File == copy || p.File.EndsWith("/" + Fixture.CommandPage)));
    }

    [Fact]
    public void An_empty_folder_writes_nothing()
    {
        var empty = temp.Combine("empty");
        Directory.CreateDirectory(empty);

        var result = HelpBuild.Run(empty, output);

        Assert.True(result.Succeeded);
        Assert.Equal(0, result.CommandCount);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void A_missing_markdown_folder_throws_with_its_path()
    {
        var missing = temp.Combine("nope");

        var exception = Assert.Throws<DirectoryNotFoundException>(() => HelpBuild.Run(missing, output));

        Assert.Contains(missing, exception.Message);
    }
}
