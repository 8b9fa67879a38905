using System;
using System.Collections.Generic;
using System.Linq;
using Markdig.Syntax;

namespace GosApi.HelpBuilder;

/// <summary>Reads a parameter's ```yaml block (Type, Parameter Sets, Required, Position, ...).</summary>
internal static class ParameterMetadataReader
{
    public static ParameterMetadata? Read(FencedCodeBlock yaml, string parameter, ProblemList problems)
    {
        var entries = KeyValueLine.ReadAll(yaml);
        foreach (var malformed in entries.Where(entry => entry.Key.Length == 0))
        {
            problems.Add(malformed.Line, $"parameter -{parameter}: cannot read metadata line '{malformed.Value}' (expected 'Key: value')");
        }

        string? Value(string key) => entries.FirstOrDefault(entry => entry.Is(key))?.Value;
        var line = MarkdownPage.LineOf(yaml);

        var type = Value("Type");
        if (string.IsNullOrWhiteSpace(type))
        {
            problems.Add(line, $"parameter -{parameter}: the ```yaml block has no 'Type:'");
            return null;
        }

        var sets = List(Value("Parameter Sets"));
        return new ParameterMetadata
        {
            Type = type,
            ParameterSets = sets.Count == 0 ? [ParameterMetadata.AllSets] : sets,
            Aliases = List(Value("Aliases")),
            AcceptedValues = List(Value("Accepted values")),
            Required = Boolean(Value("Required"), "Required", parameter, line, problems),
            Position = Position(Value("Position"), parameter, line, problems),
            DefaultValue = string.IsNullOrWhiteSpace(Value("Default value")) ? "None" : Value("Default value")!,
            AcceptPipelineInput = PipelineInput(Value("Accept pipeline input"), parameter, line, problems),
            AcceptWildcardCharacters = Boolean(Value("Accept wildcard characters"), "Accept wildcard characters", parameter, line, problems),
        };
    }

    private static IReadOnlyList<string> List(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool Boolean(string? value, string key, string parameter, int line, ProblemList problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        if (bool.TryParse(value, out var result))
        {
            return result;
        }

        problems.Add(line, $"parameter -{parameter}: '{key}: {value}' must be True or False");
        return false;
    }

    private static string Position(string? value, string parameter, int line, ProblemList problems)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Equals("Named", StringComparison.OrdinalIgnoreCase))
        {
            return "Named";
        }

        if (int.TryParse(value, out var position) && position >= 0)
        {
            return position.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        problems.Add(line, $"parameter -{parameter}: 'Position: {value}' must be Named or a number");
        return "Named";
    }

    private static string PipelineInput(string? value, string parameter, int line, ProblemList problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "False";
        }

        if (value.StartsWith("True", StringComparison.OrdinalIgnoreCase) || value.Equals("False", StringComparison.OrdinalIgnoreCase))
        {
            return value;
        }

        problems.Add(line, $"parameter -{parameter}: 'Accept pipeline input: {value}' must be False or True (ByValue, ByPropertyName)");
        return "False";
    }
}
