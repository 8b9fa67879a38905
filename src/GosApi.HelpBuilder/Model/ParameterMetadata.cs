using System;
using System.Collections.Generic;
using System.Linq;

namespace GosApi.HelpBuilder;

/// <summary>
/// One ```yaml block under a parameter. PlatyPS writes several when the parameter is, say,
/// mandatory in one parameter set and optional in another.
/// </summary>
public sealed record ParameterMetadata
{
    public const string AllSets = "(All)";

    public required string Type { get; init; }
    public IReadOnlyList<string> ParameterSets { get; init; } = [AllSets];
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public IReadOnlyList<string> AcceptedValues { get; init; } = [];
    public bool Required { get; init; }

    /// <summary>"Named" or a 0-based position such as "0".</summary>
    public string Position { get; init; } = "Named";
    public string DefaultValue { get; init; } = "None";

    /// <summary>As written, e.g. "False" or "True (ByPropertyName)".</summary>
    public string AcceptPipelineInput { get; init; } = "False";
    public bool AcceptWildcardCharacters { get; init; }

    public bool IsNamed => Position.Equals("Named", StringComparison.OrdinalIgnoreCase);

    public bool AppliesTo(string parameterSet) => ParameterSets.Any(set =>
        set == AllSets || set.Equals(parameterSet, StringComparison.OrdinalIgnoreCase));
}
