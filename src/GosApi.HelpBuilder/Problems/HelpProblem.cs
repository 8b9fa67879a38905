namespace GosApi.HelpBuilder;

/// <summary>Something wrong with a markdown page, at a 1-based line.</summary>
public sealed record HelpProblem(string File, int Line, string Message)
{
    /// <summary>MSBuild's canonical error format, so a build shows it as a clickable error.</summary>
    public override string ToString() => $"{File}({Line}): error GOSHELP: {Message}";
}
