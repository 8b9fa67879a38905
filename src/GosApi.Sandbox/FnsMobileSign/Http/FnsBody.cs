using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GosApi.Sandbox.FnsMobileSign.Http;

/// <summary>Reads request bodies as JSON objects and their scalar fields as text (numbers and strings alike).</summary>
internal static class FnsBody
{
    public static async Task<JsonObject> ReadAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        if (string.IsNullOrWhiteSpace(text)) return new JsonObject();
        try
        {
            return JsonNode.Parse(text) as JsonObject
                ?? throw FnsException.NonField("Недопустимые данные. Ожидался dictionary.");
        }
        catch (JsonException ex)
        {
            throw FnsException.NonField("JSON parse error - " + ex.Message);
        }
    }

    /// <summary>The field as text: a string as is, a number or boolean as written; null when missing, null or not a scalar.</summary>
    public static string? Text(JsonNode? node) => node is JsonValue value ? value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.Number => value.ToJsonString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    } : null;

    public static bool IsBlank(JsonNode? node) => string.IsNullOrWhiteSpace(Text(node));

    public static long? Long(JsonNode? node) =>
        long.TryParse(Text(node), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
