using System.Collections.Generic;

namespace GosApi.HelpBuilder;

/// <summary>What one run of the help build did, or why it wrote nothing.</summary>
public sealed record HelpBuildResult
{
    public IReadOnlyList<HelpProblem> Problems { get; init; } = [];

    /// <summary>Markdown files that are neither cmdlet pages nor about_ topics.</summary>
    public IReadOnlyList<string> SkippedPages { get; init; } = [];

    public int CommandCount { get; init; }
    public int AboutTopicCount { get; init; }
    public IReadOnlyList<string> WrittenFiles { get; init; } = [];
    public IReadOnlyList<string> UnchangedFiles { get; init; } = [];

    public bool Succeeded => Problems.Count == 0;
}
