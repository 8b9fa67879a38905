using System.Globalization;
using GosApi.Sandbox.Infrastructure;

namespace GosApi.Sandbox.Epgu.Orders;

/// <summary>
/// GET /api/gusmev/order/getOrdersStatus/ and /getUpdatedAfter/ (001 §3), with or without the trailing slash.
/// pageNum is 0-based as in 001's examples. Both list the orders of the calling system (token client_id).
/// </summary>
internal static class OrderStatusEndpoints
{
    public const int MaxPageSize = 100;

    public static void MapOrderStatuses(this RouteGroupBuilder gusmev)
    {
        // Routing matches these templates with and without the trailing slash of 001's examples.
        gusmev.MapGet("/order/getOrdersStatus", OrdersStatus);
        gusmev.MapGet("/order/getUpdatedAfter", UpdatedAfter);
    }

    private static IResult OrdersStatus(HttpContext context, OrderStore store, SandboxClock clock)
    {
        var caller = EpguCaller.From(context);
        var query = context.Request.Query;
        var page = Paging.Parse(query);
        var ids = ParseOrderIds(query["orderIds"].ToString());
        var now = clock.Now;
        var items = ids.Select(id =>
        {
            var order = store.Find(id);
            return order is null || order.Owner.ClientId != caller.ClientId
                ? OrderStatusItem.NotFound(id)
                : OrderStatusItem.Found(order.Snapshot(now));
        }).ToList();
        return page.Answer(items);
    }

    private static IResult UpdatedAfter(HttpContext context, OrderStore store, SandboxClock clock)
    {
        var caller = EpguCaller.From(context);
        var query = context.Request.Query;
        var page = Paging.Parse(query);
        var text = query["updatedAfter"].ToString();
        if (text.Length == 0) throw EpguErrors.BadRequest("updatedAfter: required parameter is missing");
        if (!EpguDates.TryParseUtc(text, out var after))
            throw EpguErrors.BadRequest($"updatedAfter: '{text}' is not in the format YYYY-MM-DDTHH:mm:ss.SSS (UTC)");
        var now = clock.Now;
        var items = store.All
            .Where(o => o.Owner.ClientId == caller.ClientId)
            .Select(o => o.Snapshot(now))
            .Where(s => s.Current.Date > after)
            .OrderByDescending(s => s.Current.Date)
            .ThenByDescending(s => s.Id)
            .Select(OrderStatusItem.Found)
            .ToList();
        return page.Answer(items);
    }

    private static long[] ParseOrderIds(string text)
    {
        if (text.Length == 0) throw EpguErrors.BadRequest("orderIds: required parameter is missing (comma-separated order numbers)");
        return text.Split(',').Select(part => OrderEndpoints.ParseOrderId(part.Trim(), "orderIds")).ToArray();
    }

    private sealed record Paging(int PageNum, int PageSize)
    {
        public static Paging Parse(IQueryCollection query) =>
            new(ParseInt(query, "pageNum", 0, int.MaxValue), ParseInt(query, "pageSize", 1, MaxPageSize));

        public IResult Answer(IReadOnlyList<OrderStatusItem> all)
        {
            var content = all.Skip((int)Math.Min(int.MaxValue, (long)PageNum * PageSize)).Take(PageSize).ToList();
            return Results.Json(new { count = content.Count, totalCount = all.Count, content }, SandboxJson.Options);
        }

        private static int ParseInt(IQueryCollection query, string name, int min, int max)
        {
            var text = query[name].ToString();
            if (text.Length == 0) throw EpguErrors.BadRequest($"{name}: required parameter is missing");
            if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
                throw EpguErrors.BadRequest($"{name}: '{text}' is not an integer");
            if (value < min || value > max)
                throw EpguErrors.BadRequest($"{name}: {value} is outside {min}…{(max == int.MaxValue ? "" : max)}");
            return value;
        }
    }

    private sealed record OrderStatusItem(long OrderId, string OrderSearchStatus, StatusInfo? Status)
    {
        public static OrderStatusItem NotFound(long id) => new(id, "NOT_FOUND", null);

        public static OrderStatusItem Found(OrderSnapshot order) =>
            new(order.Id, "FOUND", new StatusInfo(order.Current.Status.Id, order.Current.Status.Title, EpguDates.Utc(order.Current.Date)));
    }

    private sealed record StatusInfo(int StatusId, string StatusName, string Updated);
}
