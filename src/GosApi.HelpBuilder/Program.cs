using System;
using System.IO;
using GosApi.HelpBuilder;

// Usage: dotnet GosApi.HelpBuilder.dll <markdownDir> <outputDir>
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: GosApi.HelpBuilder <markdownDir> <outputDir>");
    return 2;
}

HelpBuildResult result;
try
{
    result = HelpBuild.Run(args[0], args[1]);
}
catch (DirectoryNotFoundException exception)
{
    Console.Error.WriteLine($"GosApi.HelpBuilder: error GOSHELP: {exception.Message}");
    return 2;
}

foreach (var skipped in result.SkippedPages)
{
    Console.Error.WriteLine($"{skipped}(1): warning GOSHELP: skipped: neither a cmdlet page (front matter with 'external help file:') nor an about_ topic");
}

if (!result.Succeeded)
{
    foreach (var problem in result.Problems)
    {
        Console.Error.WriteLine(problem);
    }

    Console.Error.WriteLine($"GosApi.HelpBuilder: {result.Problems.Count} problem(s); no help file was written");
    return 1;
}

Console.WriteLine($"GosApi.HelpBuilder: {result.CommandCount} command(s), {result.AboutTopicCount} about topic(s) -> {args[1]} " +
    $"({result.WrittenFiles.Count} written, {result.UnchangedFiles.Count} unchanged)");
return 0;
