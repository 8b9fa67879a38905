using System.Text.Json.Nodes;

namespace GosApi.Sandbox.FnsMobileSign.Http;

/// <summary>An error answer {"error": …} with its HTTP status; thrown by handlers, written by the route group's filter.</summary>
internal sealed class FnsException(int status, JsonNode error) : Exception(error.ToJsonString())
{
    public int Status { get; } = status;
    public JsonNode Error { get; } = error;

    public static FnsException Field(string field, string message) =>
        new(StatusCodes.Status400BadRequest, new JsonObject { [field] = new JsonArray(message) });

    public static FnsException NonField(string message) =>
        new(StatusCodes.Status400BadRequest, new JsonObject { ["non_field_errors"] = new JsonArray(message) });

    public static FnsException NotFound(string message = "Не найдено.") =>
        new(StatusCodes.Status404NotFound, new JsonObject { ["non_field_errors"] = new JsonArray(message) });

    public static FnsException Unauthorized(string message = "Учетные данные не были предоставлены.") =>
        new(StatusCodes.Status401Unauthorized, new JsonObject { ["non_field_errors"] = new JsonArray(message) });

    public static FnsException Forbidden(string message) =>
        new(StatusCodes.Status403Forbidden, new JsonObject { ["non_field_errors"] = new JsonArray(message) });
}
