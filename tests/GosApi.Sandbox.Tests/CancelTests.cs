namespace GosApi.Sandbox.Tests;

public sealed class CancelTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<HttpResponseMessage> CancelAsync(EpguApi api, long orderId, string? reason = null) =>
        api.Http.PostAsync($"api/gusmev/order/{orderId}/cancel" + (reason is null ? "" : "?reason=" + Uri.EscapeDataString(reason)), null, Ct);

    [Fact]
    public async Task Cancel_in_a_status_with_cancelAllowed_ends_the_order_in_status_10()
    {
        // ClockSpeed 60: «Заявление получено ведомством» lasts two real seconds, plenty to cancel in.
        await using var sandbox = await SandboxServer.StartAsync(Sandboxes.Fast(o => o.ClockSpeed = 60), Ct);
        using var api = new EpguApi(sandbox);
        var orderId = await api.PushOkAsync(Services.Pension, Archives.Good());
        await api.WaitForOrderAsync(orderId, v => v.StatusId == 2);

        using (var response = await CancelAsync(api, orderId, "передумал"))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var view = await api.GetOrderAsync(orderId);
        Assert.Equal([0, 17, 21, 2, 10], view.StatusIds);
        Assert.True(view.Closed);
        Assert.Equal("Заявление отменено", view.Order.GetProperty("orderStatusName").GetString());
        Assert.Equal("передумал", view.Statuses[^1].GetProperty("comment").GetString());

        // The cancelled order no longer completes.
        await Task.Delay(2500, Ct);
        Assert.Equal(10, (await api.GetOrderAsync(orderId)).StatusId);
        await ApiError.ExpectAsync(CancelAsync(api, orderId), HttpStatusCode.MethodNotAllowed, "cancel_not_allowed");
    }

    [Fact]
    public async Task Cancel_of_a_draft_or_a_final_order_is_405_cancel_not_allowed()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        using var api = new EpguApi(sandbox);
        var draft = await api.CreateOrderAsync(Services.Fssp);
        Assert.Contains("status 0", await ApiError.ExpectAsync(CancelAsync(api, draft), HttpStatusCode.MethodNotAllowed, "cancel_not_allowed"));

        var done = await api.PushOkAsync(Services.Pension, Archives.Good());
        await api.WaitForClosedAsync(done);
        Assert.Contains("status 3", await ApiError.ExpectAsync(CancelAsync(api, done), HttpStatusCode.MethodNotAllowed, "cancel_not_allowed"));
    }

    [Fact]
    public async Task Cancel_of_unknown_order_is_404_and_of_another_users_order_403()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        using var api = new EpguApi(sandbox);
        await ApiError.ExpectAsync(CancelAsync(api, 42), HttpStatusCode.NotFound, "not_found");
        var orderId = await api.CreateOrderAsync(Services.Fssp);
        using var other = new EpguApi(sandbox, new TokenRequest { Subject = "2000000002" });
        await ApiError.ExpectAsync(CancelAsync(other, orderId), HttpStatusCode.Forbidden, "order_access");
    }

    [Fact]
    public async Task Required_reason_is_checked_before_the_status_and_read_from_query_or_form()
    {
        await using var sandbox = await Sandboxes.StartFastAsync(o => o.RequireCancelReason = true);
        using var api = new EpguApi(sandbox);
        var orderId = await api.CreateOrderAsync(Services.Fssp);
        Assert.Contains("Required request parameter 'reason'",
            await ApiError.ExpectAsync(CancelAsync(api, orderId), HttpStatusCode.BadRequest, "bad_request"));

        // With a reason the request passes the check and meets the status rule instead.
        await ApiError.ExpectAsync(CancelAsync(api, orderId, "ошибка в заявлении"), HttpStatusCode.MethodNotAllowed, "cancel_not_allowed");
        var form = new FormUrlEncodedContent([KeyValuePair.Create("reason", "ошибка")]);
        await ApiError.ExpectAsync(api.Http.PostAsync($"api/gusmev/order/{orderId}/cancel", form, Ct), HttpStatusCode.MethodNotAllowed, "cancel_not_allowed");
    }
}
