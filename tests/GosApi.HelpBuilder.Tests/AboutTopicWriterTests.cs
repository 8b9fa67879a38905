namespace GosApi.HelpBuilder.Tests;

public sealed class AboutTopicWriterTests
{
    [Fact]
    public void Renders_the_sample_topic_in_about_help_text_layout()
    {
        var text = AboutTopicWriter.RenderFile(Fixture.PathOf(Fixture.AboutPage));

        Assert.Equal("""
            TOPIC
                about_GosApi

            SHORT DESCRIPTION
                Drives the EPGU, Electronic Certificate, FNS Mobile Signature and UC Osnovanie APIs from PowerShell.

            LONG DESCRIPTION
                GosApi is a PowerShell module for system administrators of Russian
                organisations. Every service has a `Connect-*` cmdlet that returns a session
                and keeps it as the module default.

                Sessions

                Secrets arrive as PSCredential or SecureString, never as plain text.

                - `Connect-Epgu` for EPGU
                - `Connect-UcService` for UC Osnovanie, with a long item text that needs to
                  be wrapped because it is longer than eighty characters

                    Connect-Epgu -Environment Sandbox
                    New-EpguOrder -ServiceCode 10000092161

            SEE ALSO
                New-EpguOrder

            """, text);
    }

    [Fact]
    public void Wraps_everything_but_the_short_description_at_80_columns()
    {
        var longWords = string.Join(' ', Enumerable.Repeat("word", 60));
        var page = $"# about_Wrap\n\n## Short description\n{longWords}\n\n## Long description\n{longWords}\n";

        var lines = AboutTopicWriter.Render(page, "about_Wrap.md").Split('\n');

        Assert.Equal("    " + longWords, lines[4]); // kept whole: Get-Help about_* lists only this line
        Assert.All(lines.Skip(5), line => Assert.True(line.Length <= 80, $"line longer than 80: '{line}'"));
        Assert.True(lines.Count(line => line.StartsWith("    word")) > 3);
    }

    [Fact]
    public void Reads_PlatyPS_template_style_with_top_level_sections_and_a_lookup_heading()
    {
        var page = """
            # About the GosApi sessions

            ## about_GosApiSessions

            # SHORT DESCRIPTION
            Sessions.

            # LONG DESCRIPTION
            Text.

            ## Optional Subtopic
            More.
            """;

        Assert.Equal("""
            TOPIC
                about_GosApiSessions

            SHORT DESCRIPTION
                Sessions.

            LONG DESCRIPTION
                Text.

                Optional Subtopic

                More.

            """, AboutTopicWriter.Render(page, "docs/about_GosApiSessions.md"));
    }

    [Fact]
    public void Skips_front_matter_and_upper_cases_non_latin_headings()
    {
        var page = "---\ndocument type: about\n---\n# about_Gos\n\n## Short description\nКратко.\n\n## Подробно\nТекст.\n";

        var text = AboutTopicWriter.Render(page, "about_Gos.md");

        Assert.Contains("\nПОДРОБНО\n    Текст.\n", text);
        Assert.DoesNotContain("document type", text);
    }

    [Fact]
    public void A_topic_without_a_short_description_is_reported()
    {
        var problem = Assert.Single(Assert.Throws<MarkdownHelpException>(() =>
            AboutTopicWriter.Render("# about_X\n\n## Long description\nText.\n", "about_X.md")).Problems);

        Assert.Equal(new HelpProblem("about_X.md", 1, "missing section '## Short description' (Get-Help shows it as the topic's synopsis)"), problem);
    }

    [Fact]
    public void An_empty_short_description_is_reported_at_its_heading()
    {
        var problem = Assert.Single(Assert.Throws<MarkdownHelpException>(() =>
            AboutTopicWriter.Render("# about_X\n\n## Short description\n\n## Long description\nText.\n", "about_X.md")).Problems);

        Assert.Equal(new HelpProblem("about_X.md", 3, "section 'Short description' is empty"), problem);
    }

    [Fact]
    public void A_topic_without_a_title_is_reported()
    {
        var problem = Assert.Single(Assert.Throws<MarkdownHelpException>(() =>
            AboutTopicWriter.Render("Some text.\n\n## Short description\nX.\n", "about_X.md")).Problems);

        Assert.Equal(new HelpProblem("about_X.md", 1, "an about topic starts with its title: '# about_X'"), problem);
    }

    [Theory]
    [InlineData("docs/about_GosApi.md", true, "about_GosApi.help.txt")]
    [InlineData("About_Other.MD", true, "About_Other.help.txt")]
    [InlineData("docs/New-EpguOrder.md", false, "New-EpguOrder.help.txt")]
    public void Recognises_about_pages_and_names_their_output(string path, bool isAbout, string outputName)
    {
        Assert.Equal(isAbout, AboutTopicWriter.IsAboutTopic(path));
        Assert.Equal(outputName, AboutTopicWriter.OutputFileName(path));
    }
}
