using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace GosApi.HelpBuilder;

/// <summary>
/// Compiles a folder of PlatyPS markdown into help files: cmdlet pages into MAML (one file per
/// "external help file"), about_*.md into about_*.help.txt. Writes nothing if any page is malformed.
/// </summary>
public static class HelpBuild
{
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    public static HelpBuildResult Run(string markdownDirectory, string outputDirectory)
    {
        if (!Directory.Exists(markdownDirectory))
        {
            throw new DirectoryNotFoundException($"markdown folder '{markdownDirectory}' does not exist");
        }

        var problems = new List<HelpProblem>();
        var skipped = new List<string>();
        var commands = new List<CommandHelp>();
        var outputs = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase);

        foreach (var path in Directory.GetFiles(markdownDirectory, "*.md").Order(StringComparer.Ordinal))
        {
            var markdown = File.ReadAllText(path);
            try
            {
                switch (PageClassifier.Classify(path, markdown))
                {
                    case PageKind.Command:
                        commands.Add(PlatyPsMarkdownReader.Parse(markdown, path));
                        break;
                    case PageKind.AboutTopic:
                        outputs[AboutTopicWriter.OutputFileName(path)] = AboutTopicBytes(markdown, path);
                        break;
                    case PageKind.ModulePage:
                        break;
                    default:
                        skipped.Add(path);
                        break;
                }
            }
            catch (MarkdownHelpException exception)
            {
                problems.AddRange(exception.Problems);
            }
        }

        problems.AddRange(DuplicateCommands(commands));
        if (problems.Count > 0)
        {
            return new HelpBuildResult { Problems = problems, SkippedPages = skipped };
        }

        foreach (var group in commands.GroupBy(command => command.ExternalHelpFile, StringComparer.OrdinalIgnoreCase))
        {
            outputs[group.Key] = MamlBytes(group);
        }

        var written = new List<string>();
        var unchanged = new List<string>();
        foreach (var (fileName, content) in outputs)
        {
            var path = Path.Combine(outputDirectory, fileName);
            (OutputFile.WriteIfChanged(path, content) ? written : unchanged).Add(path);
        }

        return new HelpBuildResult
        {
            SkippedPages = skipped,
            CommandCount = commands.Count,
            AboutTopicCount = outputs.Keys.Count(name => name.EndsWith(".help.txt", StringComparison.OrdinalIgnoreCase)),
            WrittenFiles = written,
            UnchangedFiles = unchanged,
        };
    }

    private static byte[] MamlBytes(IEnumerable<CommandHelp> commands)
    {
        using var stream = new MemoryStream();
        MamlWriter.Write(commands, stream);
        return stream.ToArray();
    }

    // With a BOM, Windows PowerShell 5.1 reads non-ASCII (Cyrillic) about text correctly.
    private static byte[] AboutTopicBytes(string markdown, string path) =>
        [.. Utf8WithBom.GetPreamble(), .. Utf8WithBom.GetBytes(AboutTopicWriter.Render(markdown, path))];

    private static IEnumerable<HelpProblem> DuplicateCommands(IEnumerable<CommandHelp> commands) =>
        commands.GroupBy(command => command.Name, StringComparer.OrdinalIgnoreCase)
            .Where(group => group.Count() > 1)
            .SelectMany(group => group.Skip(1).Select(duplicate => new HelpProblem(
                duplicate.SourcePath, 1, $"command {duplicate.Name} is documented twice (also in {group.First().SourcePath})")));
}
