using System.Text;
using System.Text.Json;

namespace GosApi.Sandbox.ElectronicCertificates.Json;

/// <summary>
/// RFC 8785 JSON Canonicalization Scheme: members sorted by UTF-16 code units, no whitespace, minimal string escaping
/// (§3.2.2.2), numbers as ECMAScript prints them (§3.2.2.3). Duplicate member names, lone surrogates and numbers
/// outside the double range are rejected with <see cref="FormatException"/>.
/// </summary>
internal static class CanonicalJson
{
    private static readonly JsonDocumentOptions Strict = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 };

    /// <summary>Parses UTF-8 JSON text; <see cref="FormatException"/> when it is not JSON or not I-JSON as RFC 8785 needs.</summary>
    public static JsonDocument Parse(ReadOnlyMemory<byte> utf8)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(utf8, Strict); }
        catch (JsonException ex) { throw new FormatException("not valid JSON: " + ex.Message, ex); }
        try
        {
            CheckDuplicates(document.RootElement, "$");
            return document;
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    public static byte[] Canonicalize(ReadOnlyMemory<byte> utf8)
    {
        using var document = Parse(utf8);
        return Canonicalize(document.RootElement);
    }

    public static byte[] Canonicalize(JsonElement element)
    {
        var text = new StringBuilder();
        Write(element, text);
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static string CanonicalString(JsonElement element)
    {
        var text = new StringBuilder();
        Write(element, text);
        return text.ToString();
    }

    private static void CheckDuplicates(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var member in element.EnumerateObject())
                {
                    var name = ReadString(() => member.Name);
                    if (!names.Add(name)) throw new FormatException($"{path}: duplicate member name \"{name}\"");
                    CheckDuplicates(member.Value, path + "." + name);
                }
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray()) CheckDuplicates(item, $"{path}[{index++}]");
                break;
        }
    }

    private static void Write(JsonElement element, StringBuilder text)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                text.Append('{');
                var first = true;
                foreach (var member in element.EnumerateObject().OrderBy(m => m.Name, StringComparer.Ordinal))
                {
                    if (!first) text.Append(',');
                    first = false;
                    WriteString(member.Name, text);
                    text.Append(':');
                    Write(member.Value, text);
                }
                text.Append('}');
                break;
            case JsonValueKind.Array:
                text.Append('[');
                var firstItem = true;
                foreach (var item in element.EnumerateArray())
                {
                    if (!firstItem) text.Append(',');
                    firstItem = false;
                    Write(item, text);
                }
                text.Append(']');
                break;
            case JsonValueKind.String:
                WriteString(ReadString(element.GetString), text);
                break;
            case JsonValueKind.Number:
                if (!element.TryGetDouble(out var number) || !double.IsFinite(number))
                    throw new FormatException($"number {element.GetRawText()} is outside the IEEE 754 double range");
                text.Append(EcmaScriptNumber.Format(number));
                break;
            case JsonValueKind.True: text.Append("true"); break;
            case JsonValueKind.False: text.Append("false"); break;
            case JsonValueKind.Null: text.Append("null"); break;
            default: throw new FormatException("unexpected JSON token " + element.ValueKind);
        }
    }

    /// <summary>RFC 8785 §3.2.2.2: escape only '"', '\' and U+0000..U+001F (short forms where JSON has them).</summary>
    private static void WriteString(string value, StringBuilder text)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (c < 0x20) text.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    else text.Append(c);
                    break;
            }
        }
        text.Append('"');
    }

    /// <summary>Strings with lone surrogates (\ud800 alone) cannot be transcoded; RFC 8785 needs valid Unicode.</summary>
    private static string ReadString(Func<string?> read)
    {
        string value;
        try { value = read() ?? ""; }
        catch (InvalidOperationException ex) { throw new FormatException("a string is not valid Unicode (lone surrogate)", ex); }
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) { i++; continue; }
            if (char.IsSurrogate(value[i])) throw new FormatException("a string is not valid Unicode (lone surrogate)");
        }
        return value;
    }
}
