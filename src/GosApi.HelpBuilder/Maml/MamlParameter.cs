using System.Linq;
using System.Xml.Linq;
using static GosApi.HelpBuilder.MamlNamespaces;

namespace GosApi.HelpBuilder;

/// <summary>Builds a command:parameter element, for a syntax item or for the PARAMETERS list.</summary>
internal static class MamlParameter
{
    public static XElement ForParameters(ParameterHelp parameter) =>
        Build(parameter, parameter.Metadata[0], inSyntax: false);

    public static XElement ForSyntax(ParameterHelp parameter, string parameterSet) =>
        Build(parameter, parameter.MetadataFor(parameterSet), inSyntax: true);

    private static XElement Build(ParameterHelp parameter, ParameterMetadata metadata, bool inSyntax)
    {
        var element = new XElement(Command + "parameter",
            new XAttribute("required", Lower(metadata.Required)),
            new XAttribute("variableLength", "true"),
            new XAttribute("globbing", Lower(metadata.AcceptWildcardCharacters)),
            new XAttribute("pipelineInput", metadata.AcceptPipelineInput),
            new XAttribute("position", metadata.IsNamed ? "named" : metadata.Position),
            new XAttribute("aliases", metadata.Aliases.Count > 0 ? string.Join(", ", metadata.Aliases) : "none"),
            new XElement(Maml + "name", parameter.Name),
            MamlText.Description(parameter.Description, "Description"));

        if (inSyntax && metadata.AcceptedValues.Count > 0)
        {
            element.Add(new XElement(Command + "parameterValueGroup",
                metadata.AcceptedValues.Select(value => new XElement(Command + "parameterValue",
                    new XAttribute("required", "false"), new XAttribute("variableLength", "false"), value))));
        }

        // In a syntax line a switch shows as "[-Force]", not "[-Force <SwitchParameter>]".
        if (!(inSyntax && parameter.IsSwitch))
        {
            element.Add(new XElement(Command + "parameterValue",
                new XAttribute("required", Lower(!parameter.IsSwitch)),
                new XAttribute("variableLength", "false"),
                metadata.Type));
        }

        element.Add(
            new XElement(Dev + "type", new XElement(Maml + "name", metadata.Type), new XElement(Maml + "uri")),
            new XElement(Dev + "defaultValue", DefaultValue(parameter, metadata)));
        return element;
    }

    private static string DefaultValue(ParameterHelp parameter, ParameterMetadata metadata) =>
        parameter.IsSwitch && metadata.DefaultValue == "None" ? "False" : metadata.DefaultValue;

    private static string Lower(bool value) => value ? "true" : "false";
}
