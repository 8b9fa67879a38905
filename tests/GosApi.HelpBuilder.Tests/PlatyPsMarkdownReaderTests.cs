namespace GosApi.HelpBuilder.Tests;

public sealed class PlatyPsMarkdownReaderTests
{
    private static readonly CommandHelp Help = PlatyPsMarkdownReader.Read(Fixture.PathOf(Fixture.CommandPage));

    private static ParameterHelp Parameter(string name) => Help.Parameters.Single(p => p.Name == name);

    [Fact]
    public void Reads_the_front_matter_and_title()
    {
        Assert.Equal("New-EpguOrder", Help.Name);
        Assert.Equal("New", Help.Verb);
        Assert.Equal("EpguOrder", Help.Noun);
        Assert.Equal("GosApi.PowerShell.dll-Help.xml", Help.ExternalHelpFile);
        Assert.Equal("GosApi", Help.ModuleName);
        Assert.Equal("https://example.org/gosapi/New-EpguOrder", Help.OnlineVersion);
        Assert.Equal(Fixture.PathOf(Fixture.CommandPage), Help.SourcePath);
    }

    [Fact]
    public void Reads_synopsis_and_description_as_plain_text_paragraphs()
    {
        Assert.Equal("Creates an order in the EPGU (Gosuslugi) API for legal entities.", Help.Synopsis);
        Assert.Equal(
            "The New-EpguOrder cmdlet creates an order and writes an `EpguOrder` object whose `OrderId` binds to `Send-EpguPackage`."
            + "\n\nThe cmdlet never retries a create call; see about_GosApi for the details.",
            Help.Description);
    }

    [Fact]
    public void Reads_each_parameter_set_with_its_parameters_in_syntax_order()
    {
        Assert.Collection(Help.Syntax,
            set =>
            {
                Assert.Equal("Default", set.Name);
                Assert.True(set.IsDefault);
                Assert.Equal(["ServiceCode", "TargetCode", "Region", "Session", "WhatIf", "Confirm"], set.Parameters.Select(p => p.Name));
            },
            set =>
            {
                Assert.Equal("FromTemplate", set.Name);
                Assert.False(set.IsDefault);
                Assert.Equal(["Template", "Session", "WhatIf", "Confirm"], set.Parameters.Select(p => p.Name));
            });
    }

    [Fact]
    public void Reads_examples_with_code_stripped_of_the_prompt_and_remarks()
    {
        Assert.Collection(Help.Examples,
            example =>
            {
                Assert.Equal("Example 1: Create an order", example.Title);
                Assert.Equal("New-EpguOrder -ServiceCode 10000092161 -TargetCode -1959599598 -Region 45000000000", example.Code);
                Assert.Equal("The order is created in the Moscow region.\n\nThe new order's id is written to the pipeline.", example.Remarks);
                Assert.Equal(Fixture.LineOf(Fixture.Text(Fixture.CommandPage), "### Example 1"), example.Line);
            },
            example =>
            {
                Assert.Equal("Example 2: Create an order from a template and send a package", example.Title);
                Assert.Equal("$order = New-EpguOrder -Template ./order.json\n$order | Send-EpguPackage -Path ./a.zip -Chunked", example.Code);
                Assert.Equal("Reads the order fields from a template file.", example.Remarks);
            });
    }

    [Fact]
    public void Reads_parameters_in_page_order_without_the_common_parameters()
    {
        Assert.Equal(["ServiceCode", "TargetCode", "Region", "Template", "Session", "Confirm", "WhatIf"], Help.Parameters.Select(p => p.Name));
    }

    [Fact]
    public void Reads_every_metadata_field_of_a_mandatory_pipeline_parameter()
    {
        var serviceCode = Parameter("ServiceCode");
        Assert.Equal("The code of the EPGU service, e.g. 10000092161.", serviceCode.Description);
        Assert.Equal("String", serviceCode.Type);
        Assert.Equal(["Default"], serviceCode.ParameterSets);
        Assert.Equal(["Service"], serviceCode.Aliases);
        Assert.Empty(serviceCode.AcceptedValues);
        Assert.True(serviceCode.Required);
        Assert.Equal("Named", serviceCode.Position);
        Assert.Equal("None", serviceCode.DefaultValue);
        Assert.Equal("True (ByPropertyName)", serviceCode.AcceptPipelineInput);
        Assert.False(serviceCode.AcceptWildcardCharacters);
        Assert.False(serviceCode.IsSwitch);
    }

    [Fact]
    public void Reads_aliases_accepted_values_default_and_wildcards()
    {
        var region = Parameter("Region");
        Assert.Equal("The OKATO code of the region. Eleven digits.", region.Description);
        Assert.Equal(["Okato", "RegionCode"], region.Aliases);
        Assert.Equal(["45000000000", "40000000000"], region.AcceptedValues);
        Assert.False(region.Required);
        Assert.Equal("45000000000", region.DefaultValue);
        Assert.Equal("False", region.AcceptPipelineInput);
        Assert.True(region.AcceptWildcardCharacters);
    }

    [Fact]
    public void Reads_a_positional_parameter_and_parameters_of_all_sets()
    {
        var template = Parameter("Template");
        Assert.Equal("0", template.Position);
        Assert.Equal("True (ByValue)", template.AcceptPipelineInput);
        Assert.Empty(template.Aliases);
        Assert.True(template.AppliesTo("FromTemplate"));
        Assert.False(template.AppliesTo("Default"));

        var session = Parameter("Session");
        Assert.Equal("EpguSession", session.Type);
        Assert.Equal([ParameterMetadata.AllSets], session.ParameterSets);
        Assert.True(session.AppliesTo("Default"));
        Assert.True(session.AppliesTo("FromTemplate"));
    }

    [Fact]
    public void Recognises_switch_parameters()
    {
        var whatIf = Parameter("WhatIf");
        Assert.True(whatIf.IsSwitch);
        Assert.Equal("SwitchParameter", whatIf.Type);
        Assert.Equal(["wi"], whatIf.Aliases);
        Assert.Equal("Shows what would happen if the cmdlet runs. The cmdlet is not run.", whatIf.Description);
    }

    [Fact]
    public void Reads_inputs_outputs_notes_and_related_links()
    {
        Assert.Equal([new TypeHelp("System.String", "The service and target codes, by property name.")], Help.Inputs);
        Assert.Equal([new TypeHelp("GosApi.Epgu.EpguOrder", "")], Help.Outputs);
        Assert.Equal(
            "Orders are never created twice: a failed create is reconciled, not retried.\n\n- Rate limits apply.\n- Secrets never reach the output.",
            Help.Notes);
        Assert.Equal(
            [
                new RelatedLink("about_GosApi", "about_GosApi.md"),
                new RelatedLink("Send-EpguPackage", "Send-EpguPackage.md"),
                new RelatedLink("EPGU API", "https://partners.gosuslugi.ru/catalog/api_for_gu"),
            ],
            Help.RelatedLinks);
        Assert.Equal([false, false, true], Help.RelatedLinks.Select(link => link.IsAbsolute));
    }

    [Fact]
    public void Type_headings_keep_brackets_and_backticks_as_written()
    {
        var page = Fixture.Replace(Fixture.Text(Fixture.CommandPage), "### System.String\n", "### System.String[]\n\n### System.Collections.Generic.List`1[System.Int64]\n");

        var inputs = PlatyPsMarkdownReader.Parse(page, "New-EpguOrder.md").Inputs;

        Assert.Equal(["System.String[]", "System.Collections.Generic.List`1[System.Int64]"], inputs.Select(i => i.TypeName));
    }

    [Fact]
    public void Windows_line_endings_read_the_same()
    {
        var crlf = Fixture.Text(Fixture.CommandPage).ReplaceLineEndings("\r\n");
        var help = PlatyPsMarkdownReader.Parse(crlf, "New-EpguOrder.md");

        Assert.Equal(Help.Description, help.Description);
        Assert.Equal(Help.Examples.Select(e => (e.Code, e.Remarks, e.Line)), help.Examples.Select(e => (e.Code, e.Remarks, e.Line)));
        Assert.Equal(Help.Parameters.Select(p => p.Description), help.Parameters.Select(p => p.Description));
    }

    [Fact]
    public void A_parameter_with_one_yaml_block_per_set_gives_each_set_its_own_metadata()
    {
        var page = Fixture.Replace(Fixture.Text(Fixture.CommandPage), """
            Type: EpguSession
            Parameter Sets: (All)
            Aliases:

            Required: False
            """, """
            Type: EpguSession
            Parameter Sets: Default
            Aliases:

            Required: False
            Position: Named
            ```

            ```yaml
            Type: EpguSession
            Parameter Sets: FromTemplate
            Aliases:

            Required: True
            """);

        var session = PlatyPsMarkdownReader.Parse(page, "New-EpguOrder.md").Parameters.Single(p => p.Name == "Session");

        Assert.Equal(2, session.Metadata.Count);
        Assert.Equal(["Default", "FromTemplate"], session.ParameterSets);
        Assert.False(session.MetadataFor("Default").Required);
        Assert.True(session.MetadataFor("FromTemplate").Required);
        Assert.False(session.Required); // the flat view is the first block's
    }

    [Fact]
    public void A_syntax_block_without_a_set_heading_is_the_single_parameter_set()
    {
        var help = PlatyPsMarkdownReader.Parse(SingleSetPage(syntax: """
            ## SYNTAX

            ```
            Get-EpguStatus [-OrderId] <Int64> [<CommonParameters>]
            ```

            """), "Get-EpguStatus.md");

        var set = Assert.Single(help.Syntax);
        Assert.Equal(SyntaxSet.AllParameterSets, set.Name);
        Assert.Equal(["OrderId"], set.Parameters.Select(p => p.Name));
    }

    [Fact]
    public void Without_a_syntax_section_the_sets_come_from_the_parameters()
    {
        var help = PlatyPsMarkdownReader.Parse(SingleSetPage(syntax: ""), "Get-EpguStatus.md");

        var set = Assert.Single(help.Syntax);
        Assert.Equal(SyntaxSet.AllParameterSets, set.Name);
        Assert.Equal(["OrderId"], set.Parameters.Select(p => p.Name));
    }

    [Fact]
    public void Skips_workflow_common_parameters_and_accepts_an_ALIASES_section()
    {
        var page = SingleSetPage(syntax: "") + """

            ### WorkflowCommonParameters
            Ignored.

            ## ALIASES
            None.
            """;

        Assert.Equal(["OrderId"], PlatyPsMarkdownReader.Parse(page, "Get-EpguStatus.md").Parameters.Select(p => p.Name));
    }

    internal static string SingleSetPage(string syntax) => $$"""
        ---
        external help file: GosApi.PowerShell.dll-Help.xml
        schema: 2.0.0
        ---

        # Get-EpguStatus

        ## SYNOPSIS
        Gets the status of an order.

        {{syntax}}
        ## DESCRIPTION
        Reads the order's current status.

        ## EXAMPLES

        ### Example 1
        ```powershell
        PS C:\> Get-EpguStatus 42
        ```

        ## PARAMETERS

        ### -OrderId
        The order id.

        ```yaml
        Type: Int64
        Parameter Sets: (All)
        Aliases:

        Required: True
        Position: 0
        Default value: None
        Accept pipeline input: True (ByPropertyName)
        Accept wildcard characters: False
        ```

        """;
}
