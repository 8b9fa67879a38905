using GosApi.Sandbox.Infrastructure;

namespace GosApi.Sandbox.Epgu.Orders;

/// <summary>POST /api/gusmev/order, /order/{orderId}, /order/{orderId}/cancel (001 §2.1.1, §2.4, §2.3).</summary>
internal static class OrderEndpoints
{
    public static void MapOrders(this RouteGroupBuilder gusmev)
    {
        gusmev.MapPost("/order", CreateAsync);
        gusmev.MapPost("/order/{orderId}", Details);
        gusmev.MapPost("/order/{orderId}/cancel", CancelAsync);
    }

    private static async Task<IResult> CreateAsync(HttpContext context, ServiceCatalog catalog, OrderQuota quota, OrderStore store)
    {
        var caller = EpguCaller.From(context);
        if (!context.Request.HasJsonContentType())
            throw EpguErrors.BadRequest($"Content-Type must be application/json, got '{context.Request.ContentType}'");
        using var reader = new StreamReader(context.Request.Body);
        var meta = OrderMeta.Parse(await reader.ReadToEndAsync(context.RequestAborted), "body");
        var service = catalog.Resolve(meta);
        quota.Consume(caller.Subject, service.ServiceCode);
        var order = store.Create(caller.ToOwner(), meta, service);
        return Results.Json(new { orderId = order.Id }, SandboxJson.Options);
    }

    private static IResult Details(HttpContext context, string orderId, OrderStore store, SandboxClock clock)
    {
        var order = store.Find(ParseOrderId(orderId, "orderId"));
        if (order is null) return Results.NoContent();
        EpguCaller.From(context).EnsureOwns(order);
        var snapshot = order.Snapshot(clock.Now);
        return Results.Json(new
        {
            code = snapshot.Processing.Code,
            message = snapshot.Processing.Message,
            order = OrderJson.Serialize(snapshot),
        }, SandboxJson.Options);
    }

    private static async Task<IResult> CancelAsync(HttpContext context, string orderId, OrderStore store, SandboxClock clock, SandboxOptions options)
    {
        var id = ParseOrderId(orderId, "orderId");
        var reason = await ReadReasonAsync(context.Request);
        var order = store.Find(id) ?? throw EpguErrors.OrderNotFound(id);
        EpguCaller.From(context).EnsureOwns(order);
        if (options.RequireCancelReason && string.IsNullOrWhiteSpace(reason))
            throw EpguErrors.BadRequest("Required request parameter 'reason' for method parameter type String is not present");
        var blocking = order.TryCancel(clock.Now, reason);
        if (blocking is not null) throw EpguErrors.CancelNotAllowed(id, blocking.Status.Id, blocking.Status.Title);
        return Results.Ok();
    }

    /// <summary>'reason' as a query parameter or a form field.</summary>
    private static async Task<string?> ReadReasonAsync(HttpRequest request)
    {
        if (request.Query.TryGetValue("reason", out var fromQuery)) return fromQuery.ToString();
        if (!request.HasFormContentType) return null;
        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        return form.TryGetValue("reason", out var fromForm) ? fromForm.ToString() : null;
    }

    public static long ParseOrderId(string text, string field) =>
        long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : throw EpguErrors.BadRequest($"{field}: '{text}' is not an order number");
}
