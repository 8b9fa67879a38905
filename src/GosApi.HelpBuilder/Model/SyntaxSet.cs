using System.Collections.Generic;

namespace GosApi.HelpBuilder;

/// <summary>One parameter set: its parameters in the order the SYNTAX line shows them.</summary>
public sealed record SyntaxSet(string Name, bool IsDefault, IReadOnlyList<ParameterHelp> Parameters)
{
    /// <summary>Name used for a command whose SYNTAX has a single unnamed block.</summary>
    public const string AllParameterSets = "__AllParameterSets";
}
