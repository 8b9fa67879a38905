using System.Text.Json.Nodes;

namespace GosApi.Sandbox.FnsMobileSign.Http;

internal static class FnsResults
{
    public static IResult Ok(JsonNode? result, int status = StatusCodes.Status200OK) =>
        Json(new JsonObject { ["result"] = result }, status);

    public static IResult Error(int status, JsonNode error) => Json(new JsonObject { ["error"] = error.DeepClone() }, status);

    private static IResult Json(JsonObject body, int status) =>
        Results.Content(body.ToJsonString(FnsJson.Options), "application/json; charset=utf-8", System.Text.Encoding.UTF8, status);
}
