namespace GosApi.HelpBuilder.Tests;

public sealed class ExamplePromptTests
{
    [Theory]
    [InlineData(@"PS C:\> Get-EpguOrder", "Get-EpguOrder")]
    [InlineData("PS> Get-EpguOrder", "Get-EpguOrder")]
    [InlineData("PS /home/admin> Get-EpguOrder", "Get-EpguOrder")]
    [InlineData(@"C:\PS>Get-EpguOrder", "Get-EpguOrder")]
    [InlineData("Get-EpguOrder", "Get-EpguOrder")]
    [InlineData("PSReadLine> stays", "PSReadLine> stays")]
    [InlineData("$x = 'PS C:\\> inside a string'", "$x = 'PS C:\\> inside a string'")]
    public void Strips_a_prompt_only_at_the_start_of_a_line(string code, string expected) =>
        Assert.Equal(expected, ExamplePrompt.Strip(code));

    [Fact]
    public void Strips_every_prompted_line_and_keeps_output_lines()
    {
        var code = "PS C:\\> $o = Get-EpguOrder 1\nPS C:\\> $o.Status\nSent";

        Assert.Equal("$o = Get-EpguOrder 1\n$o.Status\nSent", ExamplePrompt.Strip(code));
    }
}
