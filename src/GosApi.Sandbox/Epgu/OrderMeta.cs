using System.Text.Json;
using System.Text.RegularExpressions;
using GosApi.Sandbox.Infrastructure;

namespace GosApi.Sandbox.Epgu;

/// <summary>{region, serviceCode, targetCode}: the /order body and the 'meta' part of /push and /push/chunked (001 Table 6).</summary>
internal sealed partial record OrderMeta(string Region, string ServiceCode, string TargetCode)
{
    /// <summary>
    /// Parses the JSON. Names are matched case-insensitively: 001's tables write ServiceCode, its examples serviceCode.
    /// Trailing commas are accepted (001's own example has one).
    /// </summary>
    public static OrderMeta Parse(string? json, string source)
    {
        if (string.IsNullOrWhiteSpace(json)) throw EpguErrors.BadRequest($"{source}: a JSON object {{region, serviceCode, targetCode}} is required");
        JsonDocument document;
        try { document = JsonDocument.Parse(json, SandboxJson.Lenient); }
        catch (JsonException ex) { throw EpguErrors.BadRequest($"{source}: not valid JSON ({ex.Message})"); }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw EpguErrors.BadRequest($"{source}: must be a JSON object, got {document.RootElement.ValueKind}");
            var region = RequiredString(document.RootElement, "region", source);
            var serviceCode = RequiredString(document.RootElement, "serviceCode", source);
            var targetCode = RequiredString(document.RootElement, "targetCode", source);
            if (!OkatoPattern().IsMatch(region))
                throw EpguErrors.BadRequest($"{source}.region: '{region}' is not an 11-digit OKATO code");
            return new OrderMeta(region, serviceCode, targetCode);
        }
    }

    private static string RequiredString(JsonElement root, string name, string source)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (!property.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) continue;
            if (property.Value.ValueKind != JsonValueKind.String)
                throw EpguErrors.BadRequest($"{source}.{name}: must be a string, got {property.Value.ValueKind}");
            var value = property.Value.GetString()!.Trim();
            if (value.Length == 0) throw EpguErrors.BadRequest($"{source}.{name}: must not be empty");
            return value;
        }
        throw EpguErrors.BadRequest($"{source}.{name}: required parameter is missing");
    }

    [GeneratedRegex("^[0-9]{11}$")]
    private static partial Regex OkatoPattern();
}
