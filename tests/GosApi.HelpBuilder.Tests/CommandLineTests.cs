using System.Diagnostics;

namespace GosApi.HelpBuilder.Tests;

/// <summary>Runs the real console app the way the build does: dotnet GosApi.HelpBuilder.dll &lt;markdownDir&gt; &lt;outputDir&gt;.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private static (int ExitCode, string Output, string Error) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(typeof(HelpBuild).Assembly.Location);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "the help builder did not exit");
        return (process.ExitCode, output.Result, error.Result);
    }

    [Fact]
    public void Builds_help_and_exits_zero()
    {
        temp.Write("docs/" + Fixture.CommandPage, Fixture.Text(Fixture.CommandPage));
        temp.Write("docs/" + Fixture.AboutPage, Fixture.Text(Fixture.AboutPage));

        var (exitCode, output, error) = Run(temp.Combine("docs"), temp.Combine("out"));

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.Contains("1 command(s), 1 about topic(s)", output);
        Assert.Contains("(2 written, 0 unchanged)", output);
        Assert.True(File.Exists(temp.Combine("out", "GosApi.PowerShell.dll-Help.xml")));
        Assert.True(File.Exists(temp.Combine("out", "about_GosApi.help.txt")));
    }

    [Fact]
    public void A_malformed_page_exits_one_with_file_line_and_problem()
    {
        var page = Fixture.Replace(Fixture.Text(Fixture.CommandPage), "The code of the service target.\n", "");
        var path = temp.Write("docs/" + Fixture.CommandPage, page);

        var (exitCode, _, error) = Run(temp.Combine("docs"), temp.Combine("out"));

        Assert.Equal(1, exitCode);
        Assert.Contains($"{path}({Fixture.LineOf(page, "### -TargetCode")}): error GOSHELP: parameter -TargetCode has no description", error);
        Assert.Contains("1 problem(s); no help file was written", error);
        Assert.False(Directory.Exists(temp.Combine("out")));
    }

    [Fact]
    public void Wrong_arguments_or_a_missing_folder_exit_two()
    {
        var usage = Run("only-one-argument");
        Assert.Equal(2, usage.ExitCode);
        Assert.Contains("usage: GosApi.HelpBuilder <markdownDir> <outputDir>", usage.Error);

        var missing = Run(temp.Combine("missing"), temp.Combine("out"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains($"markdown folder '{temp.Combine("missing")}' does not exist", missing.Error);
    }
}
