using GosApi.Sandbox.Infrastructure;

namespace GosApi.Sandbox.Epgu;

/// <summary>The authenticated caller of an EPGU endpoint, put into HttpContext.Items by <see cref="EpguAuthFilter"/>.</summary>
internal sealed record EpguCaller(string ClientId, string OrgOid, string Subject)
{
    private static readonly object Key = new();

    public static EpguCaller From(HttpContext context) =>
        context.Items[Key] as EpguCaller ?? throw new InvalidOperationException("EPGU endpoint without EpguAuthFilter");

    public static void Set(HttpContext context, AccessToken token) =>
        context.Items[Key] = new EpguCaller(token.ClientId, token.OrgOid, token.Subject);
}

/// <summary>Bearer token check for /api/gusmev and /api/storage: 401 without a valid token, 403 without scope or permissions.</summary>
internal sealed class EpguAuthFilter(TokenIssuer issuer) : IEndpointFilter
{
    public const string OrderScope = "http://lk.gosuslugi.ru/api-order";
    private const string Permission = "APIPGU";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return new UnauthorizedResult("Authorization: Bearer access token is required", expired: false);

        var failure = issuer.Validate(header["Bearer ".Length..].Trim(), out var token, out var reason);
        if (failure != TokenFailure.None)
            return new UnauthorizedResult(reason, failure == TokenFailure.Expired);

        if (!token!.Scopes.Contains(OrderScope)) throw EpguErrors.SystemDenied(OrderScope);
        if (!token.Permissions.Contains(Permission, StringComparison.Ordinal)) throw EpguErrors.PersonPermissions(token.Permissions);

        EpguCaller.Set(http, token);
        return await next(context);
    }

    private sealed class UnauthorizedResult(string reason, bool expired) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => Unauthorized.WriteAsync(httpContext, reason, expired);
    }
}

internal static class EpguCallerExtensions
{
    public static Orders.OrderOwner ToOwner(this EpguCaller caller) => new(caller.ClientId, caller.OrgOid, caller.Subject);

    /// <summary>Orders belong to the user (token sub) who created them: anyone else gets 403 order_access.</summary>
    public static void EnsureOwns(this EpguCaller caller, Orders.Order order)
    {
        if (order.Owner.Subject != caller.Subject) throw EpguErrors.OrderAccess(order.Id);
    }
}
