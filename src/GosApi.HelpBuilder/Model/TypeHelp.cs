namespace GosApi.HelpBuilder;

/// <summary>An INPUTS or OUTPUTS entry.</summary>
public sealed record TypeHelp(string TypeName, string Description);
