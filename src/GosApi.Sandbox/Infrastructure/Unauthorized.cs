namespace GosApi.Sandbox.Infrastructure;

/// <summary>The one way the sandbox answers 401, so that an injected ExpireToken fault looks like a real expiry.</summary>
internal static class Unauthorized
{
    public static Task WriteAsync(HttpContext context, string reason, bool expired) =>
        ApiErrorMiddleware.WriteAsync(context, StatusCodes.Status401Unauthorized, expired ? "token_expired" : "unauthorized", reason,
            headers => headers.WWWAuthenticate = expired
                ? "Bearer error=\"invalid_token\", error_description=\"The access token expired\""
                : "Bearer error=\"invalid_token\"");

}
