using System;
using System.Collections.Generic;
using System.Linq;

namespace GosApi.HelpBuilder;

/// <summary>
/// A documented parameter. The flat properties come from its first ```yaml block, which is
/// what Get-Help shows in PARAMETERS; <see cref="MetadataFor"/> picks the block of a given set.
/// </summary>
public sealed class ParameterHelp
{
    private static readonly string[] SwitchTypeNames =
        ["SwitchParameter", "System.Management.Automation.SwitchParameter", "switch"];

    public required string Name { get; init; }
    public required string Description { get; init; }
    public required IReadOnlyList<ParameterMetadata> Metadata { get; init; }

    private ParameterMetadata First => Metadata[0];

    public string Type => First.Type;
    public IReadOnlyList<string> ParameterSets =>
        Metadata.SelectMany(m => m.ParameterSets).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    public IReadOnlyList<string> Aliases => First.Aliases;
    public IReadOnlyList<string> AcceptedValues => First.AcceptedValues;
    public bool Required => First.Required;
    public string Position => First.Position;
    public string DefaultValue => First.DefaultValue;
    public string AcceptPipelineInput => First.AcceptPipelineInput;
    public bool AcceptWildcardCharacters => First.AcceptWildcardCharacters;

    public bool IsSwitch => SwitchTypeNames.Contains(Type, StringComparer.OrdinalIgnoreCase);

    public bool AppliesTo(string parameterSet) => Metadata.Any(m => m.AppliesTo(parameterSet));

    public ParameterMetadata MetadataFor(string parameterSet) =>
        Metadata.FirstOrDefault(m => m.AppliesTo(parameterSet)) ?? First;
}
