using System.Collections.Generic;

namespace GosApi.HelpBuilder;

/// <summary>Help for one cmdlet, as read from a PlatyPS (schema 2.0.0) markdown page.</summary>
public sealed class CommandHelp
{
    public const string DefaultExternalHelpFile = "GosApi.PowerShell.dll-Help.xml";

    public required string Name { get; init; }
    public string SourcePath { get; init; } = "";
    public string ExternalHelpFile { get; init; } = DefaultExternalHelpFile;
    public string ModuleName { get; init; } = "";
    public string OnlineVersion { get; init; } = "";

    public string Synopsis { get; init; } = "";

    /// <summary>Paragraphs separated by a blank line ("\n\n").</summary>
    public string Description { get; init; } = "";

    public IReadOnlyList<SyntaxSet> Syntax { get; init; } = [];
    public IReadOnlyList<ExampleHelp> Examples { get; init; } = [];
    public IReadOnlyList<ParameterHelp> Parameters { get; init; } = [];
    public IReadOnlyList<TypeHelp> Inputs { get; init; } = [];
    public IReadOnlyList<TypeHelp> Outputs { get; init; } = [];
    public string Notes { get; init; } = "";
    public IReadOnlyList<RelatedLink> RelatedLinks { get; init; } = [];

    public string Verb => Name.Split('-', 2)[0];
    public string Noun => Name.Contains('-') ? Name.Split('-', 2)[1] : "";
}
