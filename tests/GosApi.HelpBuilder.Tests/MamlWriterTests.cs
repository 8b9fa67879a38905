using System.Text;
using System.Xml;
using System.Xml.Linq;
using System.Xml.XPath;

namespace GosApi.HelpBuilder.Tests;

public sealed class MamlWriterTests
{
    private static readonly XmlNamespaceManager Namespaces = CreateNamespaces();
    private static readonly CommandHelp Sample = PlatyPsMarkdownReader.Read(Fixture.PathOf(Fixture.CommandPage));
    private readonly XDocument maml = Write(Sample);

    private static XmlNamespaceManager CreateNamespaces()
    {
        var namespaces = new XmlNamespaceManager(new NameTable());
        namespaces.AddNamespace("msh", "http://msh");
        namespaces.AddNamespace("maml", "http://schemas.microsoft.com/maml/2004/10");
        namespaces.AddNamespace("command", "http://schemas.microsoft.com/maml/dev/command/2004/10");
        namespaces.AddNamespace("dev", "http://schemas.microsoft.com/maml/dev/2004/10");
        return namespaces;
    }

    private static XDocument Write(params CommandHelp[] commands)
    {
        using var stream = new MemoryStream();
        MamlWriter.Write(commands, stream);
        stream.Position = 0;
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        return XDocument.Load(reader); // throws unless well-formed
    }

    private string Value(string xpath) => Element(xpath).Value;

    private XElement Element(string xpath) =>
        maml.XPathSelectElement(xpath, Namespaces) ?? throw new Xunit.Sdk.XunitException($"no element at {xpath}");

    private IEnumerable<string> Values(string xpath) => maml.XPathSelectElements(xpath, Namespaces).Select(e => e.Value);

    private const string Command = "/msh:helpItems/command:command";

    private static string ParameterPath(string name) => $"{Command}/command:parameters/command:parameter[maml:name='{name}']";

    [Fact]
    public void Writes_utf8_xml_with_the_maml_root_and_namespace_declarations()
    {
        using var stream = new MemoryStream();
        MamlWriter.Write([Sample], stream);
        var text = Encoding.UTF8.GetString(stream.ToArray());

        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<helpItems schema=\"maml\" xmlns=\"http://msh\">", text);
        Assert.Contains("<command:command xmlns:maml=\"http://schemas.microsoft.com/maml/2004/10\" xmlns:command=\"http://schemas.microsoft.com/maml/dev/command/2004/10\" xmlns:dev=\"http://schemas.microsoft.com/maml/dev/2004/10\" xmlns:MSHelp=\"http://msdn.microsoft.com/mshelp\">", text);
        Assert.NotEqual(0xEF, stream.ToArray()[0]); // no BOM: the declaration names the encoding
        Assert.Equal("maml", maml.Root!.Attribute("schema")!.Value);
    }

    [Fact]
    public void Writes_name_verb_noun_and_synopsis_in_details()
    {
        Assert.Equal("New-EpguOrder", Value($"{Command}/command:details/command:name"));
        Assert.Equal("New", Value($"{Command}/command:details/command:verb"));
        Assert.Equal("EpguOrder", Value($"{Command}/command:details/command:noun"));
        Assert.Equal("Creates an order in the EPGU (Gosuslugi) API for legal entities.", Value($"{Command}/command:details/maml:description/maml:para"));
    }

    [Fact]
    public void Writes_one_para_per_description_paragraph()
    {
        Assert.Equal(
            [
                "The New-EpguOrder cmdlet creates an order and writes an `EpguOrder` object whose `OrderId` binds to `Send-EpguPackage`.",
                "The cmdlet never retries a create call; see about_GosApi for the details.",
            ],
            Values($"{Command}/maml:description/maml:para"));
    }

    [Fact]
    public void Writes_one_syntax_item_per_parameter_set_in_syntax_order()
    {
        var items = maml.XPathSelectElements($"{Command}/command:syntax/command:syntaxItem", Namespaces).ToList();

        Assert.Equal(2, items.Count);
        Assert.All(items, item => Assert.Equal("New-EpguOrder", item.XPathSelectElement("maml:name", Namespaces)!.Value));
        Assert.Equal(["ServiceCode", "TargetCode", "Region", "Session", "WhatIf", "Confirm"],
            items[0].XPathSelectElements("command:parameter/maml:name", Namespaces).Select(e => e.Value));
        Assert.Equal(["Template", "Session", "WhatIf", "Confirm"],
            items[1].XPathSelectElements("command:parameter/maml:name", Namespaces).Select(e => e.Value));
    }

    [Fact]
    public void Syntax_items_show_switches_without_a_value_and_accepted_values_as_a_group()
    {
        var syntax = $"{Command}/command:syntax/command:syntaxItem[1]";

        Assert.Empty(maml.XPathSelectElements($"{syntax}/command:parameter[maml:name='WhatIf']/command:parameterValue", Namespaces));
        Assert.Equal("String", Value($"{syntax}/command:parameter[maml:name='ServiceCode']/command:parameterValue"));
        Assert.Equal(["45000000000", "40000000000"],
            Values($"{syntax}/command:parameter[maml:name='Region']/command:parameterValueGroup/command:parameterValue"));
        Assert.Equal("0", Element($"{Command}/command:syntax/command:syntaxItem[2]/command:parameter[maml:name='Template']").Attribute("position")!.Value);
    }

    [Fact]
    public void Writes_every_documented_parameter_with_its_description()
    {
        Assert.Equal(["ServiceCode", "TargetCode", "Region", "Template", "Session", "Confirm", "WhatIf"],
            Values($"{Command}/command:parameters/command:parameter/maml:name"));
        foreach (var parameter in Sample.Parameters)
        {
            Assert.Equal(parameter.Description, Value($"{ParameterPath(parameter.Name)}/maml:Description/maml:para"));
        }
    }

    [Theory]
    [InlineData("ServiceCode", "true", "named", "True (ByPropertyName)", "false", "Service")]
    [InlineData("Region", "false", "named", "False", "true", "Okato, RegionCode")]
    [InlineData("Template", "true", "0", "True (ByValue)", "false", "none")]
    [InlineData("WhatIf", "false", "named", "False", "false", "wi")]
    public void Writes_parameter_attributes(string name, string required, string position, string pipelineInput, string globbing, string aliases)
    {
        var parameter = Element(ParameterPath(name));

        Assert.Equal(required, parameter.Attribute("required")!.Value);
        Assert.Equal(position, parameter.Attribute("position")!.Value);
        Assert.Equal(pipelineInput, parameter.Attribute("pipelineInput")!.Value);
        Assert.Equal(globbing, parameter.Attribute("globbing")!.Value);
        Assert.Equal(aliases, parameter.Attribute("aliases")!.Value);
        Assert.Equal("true", parameter.Attribute("variableLength")!.Value);
    }

    [Theory]
    [InlineData("ServiceCode", "String", "true", "None")]
    [InlineData("Region", "String", "true", "45000000000")]
    [InlineData("Session", "EpguSession", "true", "None")]
    [InlineData("Confirm", "SwitchParameter", "false", "False")]
    public void Writes_parameter_type_value_and_default(string name, string type, string valueRequired, string defaultValue)
    {
        var path = ParameterPath(name);

        Assert.Equal(type, Value($"{path}/command:parameterValue"));
        Assert.Equal(valueRequired, Element($"{path}/command:parameterValue").Attribute("required")!.Value);
        Assert.Equal(type, Value($"{path}/dev:type/maml:name"));
        Assert.Equal(defaultValue, Value($"{path}/dev:defaultValue"));
    }

    [Fact]
    public void Writes_examples_with_framed_titles_code_without_prompt_and_remarks()
    {
        var example = $"{Command}/command:examples/command:example";

        Assert.Equal(
            ["------------------ Example 1: Create an order ------------------", "-- Example 2: Create an order from a template and send a package --"],
            Values($"{example}/maml:title"));
        Assert.Equal("New-EpguOrder -ServiceCode 10000092161 -TargetCode -1959599598 -Region 45000000000", Value($"{example}[1]/dev:code"));
        Assert.DoesNotContain(Values($"{example}/dev:code"), code => code.Contains("PS C:\\>"));
        Assert.Equal(["The order is created in the Moscow region.", "The new order's id is written to the pipeline.", ""],
            Values($"{example}[1]/dev:remarks/maml:para"));
    }

    [Fact]
    public void Writes_inputs_outputs_and_notes()
    {
        Assert.Equal("System.String", Value($"{Command}/command:inputTypes/command:inputType/dev:type/maml:name"));
        Assert.Equal("The service and target codes, by property name.", Value($"{Command}/command:inputTypes/command:inputType/maml:description/maml:para"));
        Assert.Equal("GosApi.Epgu.EpguOrder", Value($"{Command}/command:returnValues/command:returnValue/dev:type/maml:name"));
        Assert.Equal(
            ["Orders are never created twice: a failed create is reconciled, not retried.", "- Rate limits apply.\n- Secrets never reach the output."],
            Values($"{Command}/maml:alertSet/maml:alert/maml:para"));
    }

    [Fact]
    public void Writes_the_online_version_first_and_keeps_only_absolute_uris()
    {
        var links = $"{Command}/command:relatedLinks/maml:navigationLink";

        Assert.Equal(["Online Version:", "about_GosApi", "Send-EpguPackage", "EPGU API"], Values($"{links}/maml:linkText"));
        Assert.Equal(["https://example.org/gosapi/New-EpguOrder", "", "", "https://partners.gosuslugi.ru/catalog/api_for_gu"], Values($"{links}/maml:uri"));
    }

    [Fact]
    public void Leaves_out_empty_optional_sections()
    {
        var bare = PlatyPsMarkdownReader.Parse(PlatyPsMarkdownReaderTests.SingleSetPage(syntax: ""), "Get-EpguStatus.md");
        var document = Write(bare);

        foreach (var optional in new[] { "command:inputTypes", "command:returnValues", "maml:alertSet", "command:relatedLinks" })
        {
            Assert.Null(document.XPathSelectElement($"{Command}/{optional}", Namespaces));
        }
    }

    [Fact]
    public void Each_syntax_item_uses_the_metadata_of_its_own_parameter_set()
    {
        var session = new ParameterHelp
        {
            Name = "Session",
            Description = "The session.",
            Metadata =
            [
                new ParameterMetadata { Type = "EpguSession", ParameterSets = ["A"], Required = false },
                new ParameterMetadata { Type = "EpguSession", ParameterSets = ["B"], Required = true, Position = "1" },
            ],
        };
        var help = new CommandHelp
        {
            Name = "Get-Thing",
            Parameters = [session],
            Syntax = [new SyntaxSet("A", true, [session]), new SyntaxSet("B", false, [session])],
        };

        var document = Write(help);
        var syntaxParameters = document.XPathSelectElements($"{Command}/command:syntax/command:syntaxItem/command:parameter", Namespaces).ToList();

        Assert.Equal(["false", "true"], syntaxParameters.Select(p => p.Attribute("required")!.Value));
        Assert.Equal(["named", "1"], syntaxParameters.Select(p => p.Attribute("position")!.Value));
    }

    [Fact]
    public void Writes_commands_sorted_by_name_and_escapes_markup()
    {
        var zeta = new CommandHelp { Name = "Get-Zeta", Synopsis = "Uses <angle> & \"quotes\"." };
        var alpha = new CommandHelp { Name = "Get-Alpha", Synopsis = "First." };

        var document = Write(zeta, alpha);

        Assert.Equal(["Get-Alpha", "Get-Zeta"],
            document.XPathSelectElements($"{Command}/command:details/command:name", Namespaces).Select(e => e.Value));
        Assert.Equal("Uses <angle> & \"quotes\".",
            document.XPathSelectElement($"{Command}[2]/command:details/maml:description/maml:para", Namespaces)!.Value);
    }
}
