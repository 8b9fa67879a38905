namespace GosApi.HelpBuilder;

/// <param name="Title">The example heading, e.g. "Example 1: Create an order".</param>
/// <param name="Code">The code blocks without the "PS C:\>" prompt, joined by a blank line.</param>
/// <param name="Remarks">The example's text paragraphs, separated by a blank line.</param>
/// <param name="Line">1-based line of the example heading in the source page.</param>
public sealed record ExampleHelp(string Title, string Code, string Remarks, int Line);
