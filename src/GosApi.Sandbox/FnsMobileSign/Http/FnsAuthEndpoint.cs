using System.Text.Json.Nodes;
using GosApi.Sandbox.FnsMobileSign.Domain;

namespace GosApi.Sandbox.FnsMobileSign.Http;

/// <summary>POST /api/rb/auth {"username","password"} → {"result":{"token"}}.</summary>
internal static class FnsAuthEndpoint
{
    public static async Task<IResult> LoginAsync(HttpContext context, FnsPartnerRegistry registry)
    {
        var body = await FnsBody.ReadAsync(context.Request);
        var errors = new FnsFieldErrors();
        var username = errors.RequiredText(body, "username");
        var password = FnsBody.Text(body["password"]);
        if (string.IsNullOrEmpty(password)) errors.Add("password", FnsFieldErrors.Required);
        errors.ThrowIfAny();
        var caller = registry.Authenticate(username!, password!)
            ?? throw FnsException.Unauthorized("Невозможно войти с предоставленными учетными данными.");
        return FnsResults.Ok(new JsonObject { ["token"] = registry.IssueToken(caller) });
    }
}
