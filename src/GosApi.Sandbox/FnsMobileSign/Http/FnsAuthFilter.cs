using System.Text;
using GosApi.Sandbox.FnsMobileSign.Domain;

namespace GosApi.Sandbox.FnsMobileSign.Http;

/// <summary>Every /api/rb route but auth: "Authorization: token …" or Basic; otherwise 401 as the service answers it.</summary>
internal sealed class FnsAuthFilter(FnsPartnerRegistry registry) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var header = http.Request.Headers.Authorization.ToString().Trim();
        FnsCaller? caller = null;
        if (header.Length == 0) throw FnsException.Unauthorized();
        if (header.StartsWith("token ", StringComparison.OrdinalIgnoreCase))
            caller = registry.ByToken(header["token ".Length..].Trim()) ?? throw FnsException.Unauthorized("Недопустимый токен.");
        else if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            caller = Basic(header["Basic ".Length..].Trim()) ?? throw FnsException.Unauthorized("Недопустимые имя пользователя или пароль.");
        else
            throw FnsException.Unauthorized();
        caller.Attach(http);
        return await next(context);
    }

    private FnsCaller? Basic(string encoded)
    {
        string text;
        try { text = Encoding.UTF8.GetString(Convert.FromBase64String(encoded)); }
        catch (FormatException) { return null; }
        var colon = text.IndexOf(':');
        return colon < 0 ? null : registry.Authenticate(text[..colon], text[(colon + 1)..]);
    }
}

/// <summary>Turns <see cref="FnsException"/> into {"error": …} with its status.</summary>
internal sealed class FnsErrorFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (FnsException ex)
        {
            return FnsResults.Error(ex.Status, ex.Error);
        }
    }
}
