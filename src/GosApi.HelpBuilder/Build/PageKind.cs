using System.IO;
using System.Text.RegularExpressions;

namespace GosApi.HelpBuilder;

internal enum PageKind
{
    Command,
    AboutTopic,
    ModulePage,
    Unknown,
}

/// <summary>Tells cmdlet pages, about_ topics and PlatyPS's module page apart.</summary>
internal static partial class PageClassifier
{
    public static PageKind Classify(string path, string markdown)
    {
        if (AboutTopicWriter.IsAboutTopic(path))
        {
            return PageKind.AboutTopic;
        }

        var frontMatter = FrontMatter.Of(MarkdownPage.Parse(markdown, path));
        if (frontMatter is not null)
        {
            return frontMatter.IsModulePage ? PageKind.ModulePage
                : frontMatter.IsCommandPage ? PageKind.Command
                : PageKind.Unknown;
        }

        // A Verb-Noun.md without front matter is a broken cmdlet page: read it so that the author hears why.
        return VerbNounFileName().IsMatch(Path.GetFileName(path)) ? PageKind.Command : PageKind.Unknown;
    }

    [GeneratedRegex(@"^[A-Za-z]+-[A-Za-z0-9]+\.md$")]
    private static partial Regex VerbNounFileName();
}
