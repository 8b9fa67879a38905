using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using static GosApi.HelpBuilder.MamlNamespaces;

namespace GosApi.HelpBuilder;

/// <summary>Help text as MAML: one maml:para per paragraph.</summary>
internal static class MamlText
{
    public static IEnumerable<XElement> Paragraphs(string text) =>
        text.Split(HelpText.ParagraphSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(paragraph => new XElement(Maml + "para", paragraph));

    public static XElement Description(string text, string elementName = "description") =>
        new(Maml + elementName, Paragraphs(text));
}
