using System;
using System.Collections.Generic;
using System.Linq;

namespace GosApi.HelpBuilder;

/// <summary>A page could not be turned into help; carries every problem found in it.</summary>
public sealed class MarkdownHelpException : Exception
{
    public MarkdownHelpException(IReadOnlyList<HelpProblem> problems)
        : base(string.Join(Environment.NewLine, problems.Select(p => p.ToString())))
    {
        Problems = problems;
    }

    public IReadOnlyList<HelpProblem> Problems { get; }
}
