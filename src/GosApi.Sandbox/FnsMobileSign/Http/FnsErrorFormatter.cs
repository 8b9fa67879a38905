using System.Text.Json.Nodes;
using GosApi.Sandbox.Infrastructure;

namespace GosApi.Sandbox.FnsMobileSign.Http;

/// <summary>Generic errors on /api/rb (injected faults, unhandled exceptions) in the service's {"error":{"non_field_errors":[…]}} shape.</summary>
internal sealed class FnsErrorFormatter : IApiErrorFormatter
{
    public bool Handles(HttpContext context) => FnsPaths.IsFns(context.Request.Path);

    public Task WriteAsync(HttpContext context, int statusCode, string message)
    {
        if (statusCode == StatusCodes.Status401Unauthorized) message = "Недопустимый токен.";
        var body = new JsonObject { ["error"] = new JsonObject { ["non_field_errors"] = new JsonArray(message) } };
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(body.ToJsonString(FnsMobileSign.FnsJson.Options), context.RequestAborted);
    }
}
