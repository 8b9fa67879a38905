using System;
using System.Collections.Generic;
using System.Text;

namespace GosApi.HelpBuilder;

/// <summary>Word-wraps text to a width, with an indent for the first line and one for the rest.</summary>
internal static class TextWrapper
{
    public static IEnumerable<string> Wrap(string text, int width, string firstIndent, string restIndent)
    {
        var indent = firstIndent;
        foreach (var hardLine in text.Split('\n'))
        {
            var line = new StringBuilder(indent);
            var lineHasWord = false;
            foreach (var word in hardLine.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (lineHasWord && line.Length + 1 + word.Length > width)
                {
                    yield return line.ToString();
                    indent = restIndent;
                    line.Clear().Append(indent);
                    lineHasWord = false;
                }

                line.Append(lineHasWord ? " " : "").Append(word);
                lineHasWord = true;
            }

            yield return line.ToString().TrimEnd();
            indent = restIndent;
        }
    }
}
