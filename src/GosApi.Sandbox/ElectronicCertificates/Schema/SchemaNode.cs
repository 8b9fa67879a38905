using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace GosApi.Sandbox.ElectronicCertificates.Schema;

/// <summary>A JSON Schema fragment as the seed's OpenAPI uses them; <see cref="Validate"/> throws <see cref="SchemaViolation"/> at the first problem.</summary>
internal abstract class SchemaNode
{
    public abstract void Validate(JsonElement value, string path);

    protected static void ExpectKind(JsonElement value, JsonValueKind kind, string path, string name)
    {
        if (value.ValueKind != kind) throw new SchemaViolation(path, $"must be {name}, got {Describe(value.ValueKind)}");
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}

/// <summary>type: object with properties, required and additionalProperties (false where the seed says so).</summary>
internal sealed class ObjectSchema(IReadOnlyList<(string Name, SchemaNode Schema)> properties, string[] required, bool additionalProperties = false) : SchemaNode
{
    public override void Validate(JsonElement value, string path)
    {
        ExpectKind(value, JsonValueKind.Object, path, "an object");
        foreach (var member in value.EnumerateObject())
        {
            var schema = properties.FirstOrDefault(p => p.Name == member.Name).Schema;
            if (schema is null)
            {
                if (!additionalProperties) throw new SchemaViolation(SchemaViolation.Member(path, member.Name), "is not a property of this object (additionalProperties: false)");
                continue;
            }
            schema.Validate(member.Value, SchemaViolation.Member(path, member.Name));
        }
        foreach (var name in required)
        {
            if (!value.TryGetProperty(name, out _)) throw new SchemaViolation(SchemaViolation.Member(path, name), "is required");
        }
    }
}

/// <summary>type: array with minItems/maxItems; optionally a member (recordId) that must be unique across the items.</summary>
internal sealed class ArraySchema(SchemaNode items, int minItems, int? maxItems = null, string? uniqueMember = null) : SchemaNode
{
    public override void Validate(JsonElement value, string path)
    {
        ExpectKind(value, JsonValueKind.Array, path, "an array");
        var count = value.GetArrayLength();
        if (count < minItems) throw new SchemaViolation(path, $"must have at least {minItems} item(s), got {count}");
        if (count > maxItems) throw new SchemaViolation(path, $"must have at most {maxItems} items, got {count}");
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var itemPath = SchemaViolation.Item(path, index);
            items.Validate(item, itemPath);
            if (uniqueMember is not null && item.TryGetProperty(uniqueMember, out var key))
            {
                var text = key.GetRawText();
                if (seen.TryGetValue(text, out var first))
                    throw new SchemaViolation(SchemaViolation.Member(itemPath, uniqueMember), $"{text} is already used by {SchemaViolation.Item(path, first)}; it must be unique in the request");
                seen[text] = index;
            }
            index++;
        }
    }
}

/// <summary>type: integer (a JSON number with no fractional part) within minimum..maximum.</summary>
internal sealed class IntegerSchema(long minimum, long maximum) : SchemaNode
{
    public override void Validate(JsonElement value, string path)
    {
        ExpectKind(value, JsonValueKind.Number, path, "an integer");
        if (!value.TryGetDecimal(out var number) || decimal.Truncate(number) != number)
            throw new SchemaViolation(path, $"must be an integer, got {value.GetRawText()}");
        if (number < minimum || number > maximum)
            throw new SchemaViolation(path, $"must be from {minimum} to {maximum}, got {value.GetRawText()}");
    }
}

/// <summary>type: string with minLength/maxLength (in characters), a pattern, an enum or a format.</summary>
internal sealed class StringSchema : SchemaNode
{
    public int MinLength { get; init; }
    public int MaxLength { get; init; } = int.MaxValue;
    public Regex? Pattern { get; init; }
    /// <summary>How the pattern is described in the message, e.g. "11 digits".</summary>
    public string? PatternText { get; init; }
    public string[]? Enum { get; init; }
    public Func<string, bool>? Format { get; init; }
    public string? FormatText { get; init; }

    public override void Validate(JsonElement value, string path)
    {
        ExpectKind(value, JsonValueKind.String, path, "a string");
        var text = value.GetString()!;
        if (Enum is not null)
        {
            if (!Enum.Contains(text, StringComparer.Ordinal))
                throw new SchemaViolation(path, $"\"{Shorten(text)}\" is not one of {string.Join(", ", Enum)} (the dictionary's exact characters)");
            return;
        }
        var length = text.EnumerateRunes().Count();
        if (length < MinLength || length > MaxLength)
            throw new SchemaViolation(path, MinLength == MaxLength
                ? $"must be {MinLength} characters, got {length}"
                : $"must be {MinLength} to {(MaxLength == int.MaxValue ? "any number of" : MaxLength.ToString(CultureInfo.InvariantCulture))} characters, got {length}");
        if (Pattern is not null && !Pattern.IsMatch(text))
            throw new SchemaViolation(path, $"\"{Shorten(text)}\" must be {PatternText}");
        if (Format is not null && !Format(text))
            throw new SchemaViolation(path, $"\"{Shorten(text)}\" must be {FormatText}");
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}

/// <summary>type: boolean.</summary>
internal sealed class BooleanSchema : SchemaNode
{
    public override void Validate(JsonElement value, string path)
    {
        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            ExpectKind(value, JsonValueKind.True, path, "a boolean");
    }
}
