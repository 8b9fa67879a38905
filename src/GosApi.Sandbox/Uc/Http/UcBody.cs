using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using GosApi.Sandbox.Infrastructure;

namespace GosApi.Sandbox.Uc.Http;

/// <summary>
/// Request bodies as JSON objects whose member names bind case-insensitively (like the service's ASP.NET binding:
/// "FileType" and "fileType" are the same member), and the 400/401/500 text errors.
/// </summary>
internal static class UcBody
{
    public const string NoAccess = "нет доступа (неверные или не указанные логин или пароль)";

    private static readonly JsonNodeOptions CaseInsensitive = new() { PropertyNameCaseInsensitive = true };

    public static async Task<JsonObject?> ReadAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            return JsonNode.Parse(text, CaseInsensitive, SandboxJson.Lenient) as JsonObject
                ?? throw BadRequest("Ошибка входных данных: тело запроса должно быть JSON-объектом");
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            throw BadRequest("Ошибка входных данных: " + ex.Message);
        }
    }

    /// <summary>A copy whose member lookups stay case-insensitive.</summary>
    public static JsonObject Copy(JsonObject value) => (JsonObject)JsonNode.Parse(value.ToJsonString(), CaseInsensitive)!;

    public static ApiException BadRequest(string message) => new(StatusCodes.Status400BadRequest, "bad_request", message);

    public static ApiException Error(string message) => new(StatusCodes.Status500InternalServerError, "error", message);

    public static ApiException Status(int status, string message) => new(status, "error", message);

    /// <summary>A scalar as text: a string as is, a number or boolean as written; null when missing, null or not a scalar.</summary>
    public static string? Text(JsonNode? node) => node is JsonValue value ? value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.Number => value.ToJsonString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    } : null;

    public static bool Present(JsonNode? node) => node is not null && (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Null);

    /// <summary>An integer (JSON number or numeric string); null when absent; the spec's format error otherwise.</summary>
    public static long? Long(JsonNode? node, string field, Func<string, ApiException> error)
    {
        if (!Present(node)) return null;
        var text = Text(node);
        if (text is null || !long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            throw error($"{field}: Input string was not in a correct format.");
        return value;
    }

    /// <summary>true/false (also "true"/"false" strings); null when absent.</summary>
    public static bool? Bool(JsonNode? node, string field, Func<string, ApiException> error)
    {
        if (!Present(node)) return null;
        return Text(node)?.ToLowerInvariant() switch
        {
            "true" => true,
            "false" => false,
            _ => throw error($"{field}: ожидается true или false"),
        };
    }
}
