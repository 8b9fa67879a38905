using System.Globalization;

namespace GosApi.Sandbox.Tests;

/// <summary>GET getOrdersStatus and getUpdatedAfter (pageNum 0-based).</summary>
public sealed class StatusListTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> GetAsync(EpguApi api, string path)
    {
        using var response = await api.Http.GetAsync(path, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static long[] Ids(JsonElement page) => page.GetProperty("content").EnumerateArray().Select(c => c.GetProperty("orderId").GetInt64()).ToArray();

    [Fact]
    public async Task OrdersStatus_pages_through_the_requested_ids_and_marks_unknown_NOT_FOUND()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        using var api = new EpguApi(sandbox);
        var a = await api.CreateOrderAsync(Services.Fssp);
        var b = await api.PushOkAsync(Services.Pension, Archives.Good());
        await api.WaitForClosedAsync(b);
        var ids = $"{a},{b},1,2";

        var first = await GetAsync(api, $"api/gusmev/order/getOrdersStatus/?orderIds={ids}&pageNum=0&pageSize=3");
        Assert.Equal(3, first.GetProperty("count").GetInt32());
        Assert.Equal(4, first.GetProperty("totalCount").GetInt32());
        Assert.Equal([a, b, 1], Ids(first));
        var content = first.GetProperty("content").EnumerateArray().ToArray();
        Assert.Equal("FOUND", content[0].GetProperty("orderSearchStatus").GetString());
        Assert.Equal(0, content[0].GetProperty("status").GetProperty("statusId").GetInt32());
        Assert.Equal("Черновик заявления", content[0].GetProperty("status").GetProperty("statusName").GetString());
        Assert.Equal(3, content[1].GetProperty("status").GetProperty("statusId").GetInt32());
        Assert.True(DateTime.TryParseExact(content[1].GetProperty("status").GetProperty("updated").GetString(),
            "yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
        Assert.Equal("NOT_FOUND", content[2].GetProperty("orderSearchStatus").GetString());
        Assert.Equal(JsonValueKind.Null, content[2].GetProperty("status").ValueKind);

        var second = await GetAsync(api, $"api/gusmev/order/getOrdersStatus?orderIds={ids}&pageNum=1&pageSize=3");
        Assert.Equal([2L], Ids(second));
        Assert.Equal(1, second.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Orders_of_another_system_are_NOT_FOUND()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        using var api = new EpguApi(sandbox);
        var orderId = await api.CreateOrderAsync(Services.Fssp);
        using var other = new EpguApi(sandbox, new TokenRequest { ClientId = "OTHER_IS" });
        var page = await GetAsync(other, $"api/gusmev/order/getOrdersStatus/?orderIds={orderId}&pageNum=0&pageSize=5");
        Assert.Equal("NOT_FOUND", page.GetProperty("content")[0].GetProperty("orderSearchStatus").GetString());
    }

    [Fact]
    public async Task UpdatedAfter_returns_orders_changed_since_newest_first_in_pages()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        using var api = new EpguApi(sandbox);
        var since = DateTime.UtcNow.AddSeconds(-1).ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture);
        var created = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            created.Add(await api.CreateOrderAsync(Services.Fssp));
            await Task.Delay(5, Ct);
        }
        using var other = new EpguApi(sandbox, new TokenRequest { ClientId = "OTHER_IS" });
        await other.CreateOrderAsync(Services.Fssp);

        var all = await GetAsync(api, $"api/gusmev/order/getUpdatedAfter/?pageNum=0&pageSize=10&updatedAfter={since}");
        Assert.Equal(3, all.GetProperty("totalCount").GetInt32());
        Assert.Equal(created.AsEnumerable().Reverse(), Ids(all));

        var page = await GetAsync(api, $"api/gusmev/order/getUpdatedAfter?pageNum=1&pageSize=2&updatedAfter={since}");
        Assert.Equal([created[0]], Ids(page));
        Assert.Equal(3, page.GetProperty("totalCount").GetInt32());

        var future = DateTime.UtcNow.AddMinutes(5).ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture);
        var none = await GetAsync(api, $"api/gusmev/order/getUpdatedAfter/?pageNum=0&pageSize=10&updatedAfter={future}");
        Assert.Equal(0, none.GetProperty("totalCount").GetInt32());
        Assert.Empty(Ids(none));
    }

    [Theory]
    [InlineData("api/gusmev/order/getUpdatedAfter/?pageNum=0&pageSize=5&updatedAfter=2022-12-10 12:31:42", "updatedAfter")]
    [InlineData("api/gusmev/order/getUpdatedAfter/?pageNum=0&pageSize=5&updatedAfter=2022-12-10T12:31:42", "updatedAfter")]
    [InlineData("api/gusmev/order/getUpdatedAfter/?pageNum=0&pageSize=5", "updatedAfter")]
    [InlineData("api/gusmev/order/getUpdatedAfter/?pageNum=0&pageSize=0&updatedAfter=2022-12-10T12:31:42.000", "pageSize")]
    [InlineData("api/gusmev/order/getUpdatedAfter/?pageNum=-1&pageSize=5&updatedAfter=2022-12-10T12:31:42.000", "pageNum")]
    [InlineData("api/gusmev/order/getOrdersStatus/?pageNum=0&pageSize=101&orderIds=1", "pageSize")]
    [InlineData("api/gusmev/order/getOrdersStatus/?pageNum=x&pageSize=5&orderIds=1", "pageNum")]
    [InlineData("api/gusmev/order/getOrdersStatus/?pageNum=0&pageSize=5", "orderIds")]
    [InlineData("api/gusmev/order/getOrdersStatus/?pageNum=0&pageSize=5&orderIds=1,abc", "orderIds")]
    public async Task Bad_parameters_are_400_naming_the_parameter(string path, string parameter)
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        using var api = new EpguApi(sandbox);
        var message = await ApiError.ExpectAsync(api.Http.GetAsync(path, Ct), HttpStatusCode.BadRequest, "bad_request");
        Assert.StartsWith(parameter, message);
    }
}
