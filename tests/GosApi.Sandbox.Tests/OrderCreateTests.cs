namespace GosApi.Sandbox.Tests;

public sealed class OrderCreateTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Created_order_is_a_draft_waiting_for_its_archive()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        using var api = new EpguApi(sandbox);
        var orderId = await api.CreateOrderAsync(Services.Fssp);
        var view = await api.GetOrderAsync(orderId);
        Assert.Equal("NEW", view.Code);
        Assert.Equal(orderId, view.Order.GetProperty("id").GetInt64());
        Assert.Equal([0], view.StatusIds);
        Assert.Equal("Черновик заявления", view.Order.GetProperty("orderStatusName").GetString());
        Assert.Equal(Services.Fssp.ServiceCode, view.Order.GetProperty("eserviceId").GetString());
        Assert.Equal(Services.Fssp.TargetCode, view.Order.GetProperty("serviceTargetId").GetString());
        Assert.Equal(Services.Region, view.Order.GetProperty("userSelectedRegion").GetString());
        Assert.False(view.Closed);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0300$", view.Order.GetProperty("orderDate").GetString());
    }

    [Fact]
    public async Task Field_names_are_accepted_as_in_the_spec_tables_and_with_a_trailing_comma()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        using var api = new EpguApi(sandbox);
        using var response = await api.PostJsonAsync("api/gusmev/order",
            """{ "Region":"36000000000", "ServiceCode":"10000000113", "TargetCode":"-10000000113", }""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await EpguApi.ReadOrderIdAsync(response) > 0);
    }

    [Theory]
    [InlineData("""{"region":"36000000000","serviceCode":"10000000113"}""", "targetCode")]
    [InlineData("""{"region":"36","serviceCode":"10000000113","targetCode":"-10000000113"}""", "region")]
    [InlineData("""{"region":36000000000,"serviceCode":"10000000113","targetCode":"-10000000113"}""", "region")]
    [InlineData("""{"region":"36000000000","serviceCode":"10000000113","targetCode":"-1959599598"}""", "targetCode")]
    [InlineData("""[1,2]""", "body")]
    [InlineData("""{"region":""", "body")]
    public async Task Bad_body_is_400_bad_request_naming_the_field(string body, string field)
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        using var api = new EpguApi(sandbox);
        var message = await ApiError.ExpectAsync(api.PostJsonAsync("api/gusmev/order", body), HttpStatusCode.BadRequest, "bad_request");
        Assert.Contains(field, message);
    }

    [Fact]
    public async Task Unknown_service_is_400_service_not_found()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        using var api = new EpguApi(sandbox);
        var message = await ApiError.ExpectAsync(
            api.PostJsonAsync("api/gusmev/order", """{"region":"36000000000","serviceCode":"99999","targetCode":"-1"}"""),
            HttpStatusCode.BadRequest, "service_not_found");
        Assert.Contains("99999", message);
    }

    [Fact]
    public async Task Content_type_other_than_json_is_400()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        using var api = new EpguApi(sandbox);
        var message = await ApiError.ExpectAsync(
            api.Http.PostAsync("api/gusmev/order", new StringContent(Services.Pension.Meta(), Encoding.UTF8, "text/plain"), Ct),
            HttpStatusCode.BadRequest, "bad_request");
        Assert.Contains("Content-Type", message);
    }

    [Fact]
    public async Task Quota_is_per_user_and_service_per_ten_minutes()
    {
        await using var sandbox = await Sandboxes.StartFastAsync(o => o.OrdersPerTenMinutes = 2);
        using var api = new EpguApi(sandbox);
        await api.CreateOrderAsync(Services.Pension);
        await api.CreateOrderAsync(Services.Pension);
        var message = await ApiError.ExpectAsync(api.PostJsonAsync("api/gusmev/order", Services.Pension.Meta()), HttpStatusCode.Conflict, "limitation_exception");
        Assert.Contains("2 orders per 10 minutes", message);

        await api.CreateOrderAsync(Services.Fssp);
        using var otherUser = new EpguApi(sandbox, new TokenRequest { Subject = "2000000002" });
        await otherUser.CreateOrderAsync(Services.Pension);
    }

    [Fact]
    public async Task Push_counts_against_the_same_quota()
    {
        await using var sandbox = await Sandboxes.StartFastAsync(o => o.OrdersPerTenMinutes = 1);
        using var api = new EpguApi(sandbox);
        await api.PushOkAsync(Services.Pension, Archives.Good());
        await ApiError.ExpectAsync(api.PostJsonAsync("api/gusmev/order", Services.Pension.Meta()), HttpStatusCode.Conflict, "limitation_exception");
    }

    [Fact]
    public async Task Details_of_unknown_order_is_204_and_of_another_users_order_403()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        using var api = new EpguApi(sandbox);
        using var unknown = await api.Http.PostAsync("api/gusmev/order/123", null, Ct);
        Assert.Equal(HttpStatusCode.NoContent, unknown.StatusCode);

        var orderId = await api.CreateOrderAsync(Services.Pension);
        using var other = new EpguApi(sandbox, new TokenRequest { Subject = "2000000002" });
        await ApiError.ExpectAsync(other.Http.PostAsync($"api/gusmev/order/{orderId}", null, Ct), HttpStatusCode.Forbidden, "order_access");
        var message = await ApiError.ExpectAsync(api.Http.PostAsync("api/gusmev/order/abc", null, Ct), HttpStatusCode.BadRequest, "bad_request");
        Assert.Contains("orderId", message);
    }
}
