using System.Collections.Generic;

namespace GosApi.HelpBuilder;

/// <summary>Collects the problems of one page so that an author sees all of them at once.</summary>
internal sealed class ProblemList(string file)
{
    private readonly List<HelpProblem> problems = [];

    public void Add(int line, string message) => problems.Add(new HelpProblem(file, line, message));

    public void ThrowIfAny()
    {
        if (problems.Count > 0)
        {
            throw new MarkdownHelpException(problems);
        }
    }
}
