namespace GosApi.Sandbox.Tests;

public sealed class RateLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Requests_above_the_per_minute_quota_get_429_with_Retry_After_per_token()
    {
        await using var sandbox = await Sandboxes.StartFastAsync(o => o.RequestsPerMinute = 5);
        using var api = new EpguApi(sandbox);
        for (var i = 0; i < 5; i++)
        {
            using var ok = await api.Http.PostAsync("api/gusmev/order/1", null, Ct);
            Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        }
        using (var limited = await api.Http.PostAsync("api/gusmev/order/1", null, Ct))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
            Assert.InRange(limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        }

        using var other = new EpguApi(sandbox, new TokenRequest { Subject = "2000000002" });
        using var fine = await other.Http.PostAsync("api/gusmev/order/1", null, Ct);
        Assert.Equal(HttpStatusCode.NoContent, fine.StatusCode);
    }
}
