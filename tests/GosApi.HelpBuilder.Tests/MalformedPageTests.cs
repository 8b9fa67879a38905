namespace GosApi.HelpBuilder.Tests;

/// <summary>Each test breaks the valid sample page in one way and expects one precise problem.</summary>
public sealed class MalformedPageTests
{
    private const string PagePath = "docs/GosApi/New-EpguOrder.md";
    private static readonly string Valid = Fixture.Text(Fixture.CommandPage);

    private static IReadOnlyList<HelpProblem> ProblemsOf(string page, string path = PagePath) =>
        Assert.Throws<MarkdownHelpException>(() => PlatyPsMarkdownReader.Parse(page, path)).Problems;

    private static void AssertProblem(string page, int line, string message)
    {
        var problems = ProblemsOf(page);
        Assert.Contains(new HelpProblem(PagePath, line, message), problems);
    }

    private static string Without(string text) => Fixture.Replace(Valid, text, "");

    [Fact]
    public void The_valid_sample_has_no_problem() => PlatyPsMarkdownReader.Parse(Valid, PagePath);

    [Theory]
    [InlineData("SYNOPSIS", "## SYNOPSIS\nCreates an order in the EPGU (Gosuslugi) API for legal entities.\n")]
    [InlineData("DESCRIPTION", "## DESCRIPTION\n")]
    [InlineData("EXAMPLES", "## EXAMPLES\n")]
    [InlineData("PARAMETERS", "## PARAMETERS\n")]
    public void A_missing_required_section_is_reported_at_the_title(string section, string removed)
    {
        var page = Without(removed);
        AssertProblem(page, Fixture.LineOf(page, "# New-EpguOrder"), $"missing section '## {section}'");
    }

    [Fact]
    public void An_empty_synopsis_is_reported()
    {
        var page = Without("Creates an order in the EPGU (Gosuslugi) API for legal entities.\n");
        AssertProblem(page, Fixture.LineOf(page, "## SYNOPSIS"), "section '## SYNOPSIS' is empty");
    }

    [Fact]
    public void An_example_without_a_code_block_is_reported_at_its_heading()
    {
        var page = Without("```powershell\nPS C:\\> New-EpguOrder -ServiceCode 10000092161 -TargetCode -1959599598 -Region 45000000000\n```\n");
        AssertProblem(page, Fixture.LineOf(page, "### Example 1"), "example 'Example 1: Create an order' has no code block");
    }

    [Fact]
    public void An_examples_section_without_examples_is_reported()
    {
        var start = Valid.IndexOf("### Example 1", StringComparison.Ordinal);
        var end = Valid.IndexOf("## PARAMETERS", StringComparison.Ordinal);
        var page = Valid.Remove(start, end - start);
        AssertProblem(page, Fixture.LineOf(page, "## EXAMPLES"), "## EXAMPLES has no example ('### Example 1: ...' followed by a code block)");
    }

    [Fact]
    public void A_parameter_without_a_description_is_reported_at_its_heading()
    {
        var page = Without("The code of the service target.\n");
        AssertProblem(page, Fixture.LineOf(page, "### -TargetCode"), "parameter -TargetCode has no description");
    }

    [Fact]
    public void A_parameter_without_a_yaml_block_is_reported_at_its_heading()
    {
        var page = Fixture.Replace(Valid, "The code of the service target.\n\n```yaml", "The code of the service target.\n\n```text");
        AssertProblem(page, Fixture.LineOf(page, "### -TargetCode"),
            "parameter -TargetCode has no ```yaml block (Type, Parameter Sets, Required, Position, ...)");
    }

    [Fact]
    public void A_yaml_block_without_a_type_is_reported_at_the_block()
    {
        var page = Fixture.Replace(Valid, "Type: EpguSession\n", "");
        var yamlLine = Fixture.LineOf(page, "### -Session") + 3;
        AssertProblem(page, yamlLine, "parameter -Session: the ```yaml block has no 'Type:'");
    }

    [Theory]
    [InlineData("Required: True\nPosition: 0", "Required: Yes\nPosition: 0", "parameter -Template: 'Required: Yes' must be True or False")]
    [InlineData("Position: 0", "Position: first", "parameter -Template: 'Position: first' must be Named or a number")]
    [InlineData("Accept pipeline input: True (ByValue)", "Accept pipeline input: Sometimes", "parameter -Template: 'Accept pipeline input: Sometimes' must be False or True (ByValue, ByPropertyName)")]
    public void Bad_metadata_values_are_reported(string oldText, string newText, string message)
    {
        var page = Fixture.Replace(Valid, oldText, newText);
        AssertProblem(page, Fixture.LineOf(page, "### -Template") + 3, message);
    }

    [Fact]
    public void A_metadata_line_without_a_colon_is_reported_at_that_line()
    {
        var page = Fixture.Replace(Valid, "Aliases: cf\n", "Aliases cf\n");
        AssertProblem(page, Fixture.LineOf(page, "Aliases cf"), "parameter -Confirm: cannot read metadata line 'Aliases cf' (expected 'Key: value')");
    }

    [Fact]
    public void A_parameter_heading_without_a_dash_is_reported()
    {
        var page = Fixture.Replace(Valid, "### -Region", "### Region");
        AssertProblem(page, Fixture.LineOf(page, "### Region"), "'### Region' in PARAMETERS: a parameter heading must be '### -Name'");
    }

    [Fact]
    public void A_parameter_documented_twice_is_reported()
    {
        var page = Fixture.Replace(Valid, "### -TargetCode", "### -ServiceCode");
        var secondHeading = page.Split('\n').Select((line, index) => (line, index)).Where(x => x.line == "### -ServiceCode").Last().index + 1;
        AssertProblem(page, secondHeading, "parameter -ServiceCode is documented twice");
    }

    [Fact]
    public void Syntax_showing_an_undocumented_parameter_is_reported()
    {
        var page = Fixture.Replace(Valid, "[-Template] <String> [-Session", "[-Template] <String> [-Force] [-Session");
        AssertProblem(page, Fixture.LineOf(page, "### FromTemplate"),
            "SYNTAX of parameter set 'FromTemplate' shows -Force, which PARAMETERS does not document");
    }

    [Fact]
    public void Syntax_showing_a_parameter_of_another_set_is_reported()
    {
        var page = Fixture.Replace(Valid, "[-Template] <String> [-Session", "[-Template] <String> [-Region <String>] [-Session");
        AssertProblem(page, Fixture.LineOf(page, "### FromTemplate"),
            "SYNTAX of parameter set 'FromTemplate' shows -Region, whose Parameter Sets (Default) do not include it");
    }

    [Fact]
    public void A_parameter_set_that_syntax_does_not_list_is_reported()
    {
        var page = Fixture.Replace(Valid, "Parameter Sets: FromTemplate", "Parameter Sets: FromFile");
        AssertProblem(page, Fixture.LineOf(page, "## SYNTAX"), "parameter -Template names parameter set 'FromFile', which SYNTAX does not list");
    }

    [Fact]
    public void Missing_front_matter_is_reported_at_line_1()
    {
        var page = Valid[(Valid.IndexOf("# New-EpguOrder", StringComparison.Ordinal))..];
        AssertProblem(page, 1,
            "missing front matter: a cmdlet page starts with '---', 'external help file: GosApi.PowerShell.dll-Help.xml', 'schema: 2.0.0', '---'");
    }

    [Fact]
    public void Another_schema_version_is_reported()
    {
        AssertProblem(Fixture.Replace(Valid, "schema: 2.0.0", "schema: 3.0.0"), 1,
            "unsupported 'schema: 3.0.0' (this builder reads PlatyPS schema 2.0.0)");
    }

    [Fact]
    public void A_title_that_does_not_match_the_file_name_is_reported()
    {
        var page = Fixture.Replace(Valid, "# New-EpguOrder\n", "# New-EpguOrders\n");
        AssertProblem(page, Fixture.LineOf(page, "# New-EpguOrders"), "title '# New-EpguOrders' does not match the file name 'New-EpguOrder.md'");
    }

    [Fact]
    public void A_page_without_a_title_is_reported()
    {
        var page = Fixture.Replace(Valid, "# New-EpguOrder\n", "");
        AssertProblem(page, Fixture.LineOf(page, "## SYNOPSIS"), "the page must start with the command name as its title: '# New-EpguOrder'");
    }

    [Fact]
    public void An_unknown_or_repeated_section_is_reported()
    {
        var page = Fixture.Replace(Valid, "## NOTES", "## NOTE");
        AssertProblem(page, Fixture.LineOf(page, "## NOTE"),
            "unknown section '## NOTE' (expected SYNOPSIS, DESCRIPTION, EXAMPLES, PARAMETERS, SYNTAX, INPUTS, OUTPUTS, NOTES, RELATED LINKS, ALIASES)");

        page = Valid + "\n## NOTES\nAgain.\n";
        AssertProblem(page, page.Split('\n').Length - 2, "section '## NOTES' appears twice");
    }

    [Fact]
    public void A_second_title_is_reported_once()
    {
        var page = Fixture.Replace(Valid, "## NOTES", "# NOTES");

        var problem = Assert.Single(ProblemsOf(page));

        Assert.Equal(new HelpProblem(PagePath, Fixture.LineOf(page, "# NOTES"), "a second title '# NOTES': sections are '## ' headings"), problem);
    }

    [Fact]
    public void PlatyPS_placeholders_left_in_the_page_are_reported()
    {
        var page = Fixture.Replace(Valid, "Creates an order in the EPGU (Gosuslugi) API for legal entities.", "{{ Fill in the Synopsis }}");
        AssertProblem(page, Fixture.LineOf(page, "## SYNOPSIS"), "section '## SYNOPSIS' still has the PlatyPS placeholder '{{ Fill in the Synopsis }}'");

        page = Fixture.Replace(Valid, "The code of the service target.", "{{ Fill TargetCode Description }}");
        AssertProblem(page, Fixture.LineOf(page, "### -TargetCode"), "the description of -TargetCode still has the PlatyPS placeholder '{{ Fill TargetCode Description }}'");
    }

    [Fact]
    public void Every_problem_of_a_page_is_reported_at_once()
    {
        var page = Fixture.Replace(Without("The code of the service target.\n"), "## SYNOPSIS\nCreates an order in the EPGU (Gosuslugi) API for legal entities.\n", "");

        var problems = ProblemsOf(page);

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Message == "missing section '## SYNOPSIS'");
        Assert.Contains(problems, p => p.Message == "parameter -TargetCode has no description");
    }

    [Fact]
    public void A_problem_prints_in_msbuild_error_format()
    {
        var exception = Assert.Throws<MarkdownHelpException>(() => PlatyPsMarkdownReader.Parse(Without("The code of the service target.\n"), PagePath));
        var line = Fixture.LineOf(Without("The code of the service target.\n"), "### -TargetCode");

        Assert.Equal($"docs/GosApi/New-EpguOrder.md({line}): error GOSHELP: parameter -TargetCode has no description", exception.Problems[0].ToString());
        Assert.Equal(exception.Problems[0].ToString(), exception.Message);
    }
}
