using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using static GosApi.HelpBuilder.MamlNamespaces;

namespace GosApi.HelpBuilder;

/// <summary>Writes commands as a MAML help file (the *.dll-Help.xml that Get-Help reads for cmdlets).</summary>
public static class MamlWriter
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Replace,
    };

    /// <summary>Writes the commands sorted by name, so the output does not depend on file order.</summary>
    public static void Write(IEnumerable<CommandHelp> commands, Stream output)
    {
        var document = new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(Msh + "helpItems",
                new XAttribute("schema", "maml"),
                commands.OrderBy(command => command.Name, StringComparer.OrdinalIgnoreCase).Select(Command)));

        using var writer = XmlWriter.Create(output, Settings);
        document.Save(writer);
    }

    private static XElement Command(CommandHelp help) =>
        new(MamlNamespaces.Command + "command",
            new XAttribute(XNamespace.Xmlns + "maml", Maml),
            new XAttribute(XNamespace.Xmlns + "command", MamlNamespaces.Command),
            new XAttribute(XNamespace.Xmlns + "dev", Dev),
            new XAttribute(XNamespace.Xmlns + "MSHelp", MSHelp),
            new XElement(MamlNamespaces.Command + "details",
                new XElement(MamlNamespaces.Command + "name", help.Name),
                new XElement(MamlNamespaces.Command + "verb", help.Verb),
                new XElement(MamlNamespaces.Command + "noun", help.Noun),
                MamlText.Description(help.Synopsis)),
            MamlText.Description(help.Description),
            new XElement(MamlNamespaces.Command + "syntax", help.Syntax.Select(set => SyntaxItem(help, set))),
            new XElement(MamlNamespaces.Command + "parameters", help.Parameters.Select(MamlParameter.ForParameters)),
            TypeList("inputTypes", "inputType", help.Inputs),
            TypeList("returnValues", "returnValue", help.Outputs),
            Notes(help.Notes),
            new XElement(MamlNamespaces.Command + "examples", help.Examples.Select(Example)),
            RelatedLinks(help));

    private static XElement SyntaxItem(CommandHelp help, SyntaxSet set) =>
        new(MamlNamespaces.Command + "syntaxItem",
            new XElement(Maml + "name", help.Name),
            set.Parameters.Select(parameter => MamlParameter.ForSyntax(parameter, set.Name)));

    private static XElement? TypeList(string listName, string itemName, IReadOnlyList<TypeHelp> types) =>
        types.Count == 0
            ? null
            : new XElement(MamlNamespaces.Command + listName, types.Select(type =>
                new XElement(MamlNamespaces.Command + itemName,
                    new XElement(Dev + "type", new XElement(Maml + "name", type.TypeName)),
                    MamlText.Description(type.Description))));

    private static XElement? Notes(string notes) =>
        notes.Length == 0 ? null : new XElement(Maml + "alertSet", new XElement(Maml + "alert", MamlText.Paragraphs(notes)));

    private static XElement Example(ExampleHelp example) =>
        new(MamlNamespaces.Command + "example",
            new XElement(Maml + "title", ExampleTitle.Frame(example.Title)),
            new XElement(Dev + "code", example.Code),
            new XElement(Dev + "remarks", MamlText.Paragraphs(example.Remarks), ExampleSeparator()));

    // An empty last paragraph puts a blank line between one example's remarks and the next title.
    private static XElement ExampleSeparator() => new(Maml + "para");

    /// <summary>
    /// The online version comes first: Get-Help -Online opens the first absolute URI.
    /// Relative links (about_GosApi.md) keep their text only, as PowerShell cannot open them.
    /// </summary>
    private static XElement? RelatedLinks(CommandHelp help)
    {
        var links = help.RelatedLinks.ToList();
        if (!string.IsNullOrWhiteSpace(help.OnlineVersion))
        {
            links.Insert(0, new RelatedLink("Online Version:", help.OnlineVersion));
        }

        return links.Count == 0
            ? null
            : new XElement(MamlNamespaces.Command + "relatedLinks", links.Select(link =>
                new XElement(Maml + "navigationLink",
                    new XElement(Maml + "linkText", link.Text),
                    new XElement(Maml + "uri", link.IsAbsolute ? link.Uri : ""))));
    }
}
