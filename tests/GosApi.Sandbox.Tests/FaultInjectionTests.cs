using System.Diagnostics;

namespace GosApi.Sandbox.Tests;

public sealed class FaultInjectionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string NsiPath = "/api/nsi/v1/dictionary/BIC";

    private static Task<HttpResponseMessage> NsiAsync(HttpClient http) =>
        http.PostAsync(NsiPath.TrimStart('/'), new StringContent("""{"treeFiltering":"ONELEVEL","pageNum":1,"pageSize":1}""", Encoding.UTF8, "application/json"), Ct);

    private static async Task<int[]> StatusesAsync(HttpClient http, int count)
    {
        var statuses = new int[count];
        for (var i = 0; i < count; i++)
        {
            using var response = await NsiAsync(http);
            statuses[i] = (int)response.StatusCode;
        }
        return statuses;
    }

    [Fact]
    public async Task Status_fault_answers_once_then_requests_pass_and_both_are_recorded()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        sandbox.Faults.Add(new FaultRule { PathPrefix = "/api/nsi", Kind = FaultKind.Status, StatusCode = 503 });
        using var http = new HttpClient { BaseAddress = sandbox.BaseUri };
        Assert.Equal(new[] { 503, 200 }, await StatusesAsync(http, 2));
        Assert.Equal([503, 200], sandbox.Requests.Where(r => r.Path == NsiPath).Select(r => r.StatusCode));
        Assert.All(sandbox.Requests, r => Assert.Equal("POST", r.Method));
    }

    [Fact]
    public async Task SkipFirst_and_Count_select_which_matching_requests_fail()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        sandbox.Faults.Add(new FaultRule { PathPrefix = "/api/nsi", Kind = FaultKind.Status, StatusCode = 502, SkipFirst = 1, Count = 2 });
        using var http = new HttpClient { BaseAddress = sandbox.BaseUri };
        Assert.Equal(new[] { 200, 502, 502, 200 }, await StatusesAsync(http, 4));
    }

    [Fact]
    public async Task Rules_match_on_method_and_path_prefix()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        sandbox.Faults.Add(new FaultRule { PathPrefix = "/api/nsi", Method = "GET", Kind = FaultKind.Status, StatusCode = 500 });
        sandbox.Faults.Add(new FaultRule { PathPrefix = "/api/gusmev", Kind = FaultKind.Status, StatusCode = 504 });
        using var http = new HttpClient { BaseAddress = sandbox.BaseUri };
        Assert.Equal(new[] { 200 }, await StatusesAsync(http, 1));
        using var gusmev = await http.PostAsync("api/gusmev/order/1", null, Ct);
        Assert.Equal(HttpStatusCode.GatewayTimeout, gusmev.StatusCode);
    }

    [Fact]
    public async Task TooManyRequests_fault_sends_Retry_After()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        sandbox.Faults.Add(new FaultRule { PathPrefix = "/api/", Kind = FaultKind.TooManyRequests, RetryAfterSeconds = 7 });
        using var http = new HttpClient { BaseAddress = sandbox.BaseUri };
        using var response = await NsiAsync(http);
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter!.Delta);
    }

    [Fact]
    public async Task ResetConnection_aborts_a_chunk_upload_and_the_retry_succeeds()
    {
        await using var sandbox = await Sandboxes.StartFastAsync(o => o.MaxChunkSize = 1_048_576);
        using var api = new EpguApi(sandbox);
        var orderId = await api.CreateOrderAsync(Services.Fssp);
        sandbox.Faults.Add(new FaultRule { PathPrefix = "/api/gusmev/push/chunked", Method = "POST", Kind = FaultKind.ResetConnection });
        var chunk = Archives.Random(1_000_000);

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => api.SendChunkAsync(orderId, Services.Fssp.Meta(), 0, 2, chunk));
        await EpguApi.ExpectAsync(api.SendChunkAsync(orderId, Services.Fssp.Meta(), 0, 2, chunk), HttpStatusCode.PartialContent);

        var attempts = sandbox.Requests.Where(r => r.Path == "/api/gusmev/push/chunked").ToArray();
        Assert.Equal([0, 206], attempts.Select(r => r.StatusCode));
        Assert.True(attempts[0].RequestBodyLength > 1_000_000);
    }

    [Fact]
    public async Task ExpireToken_answers_401_as_an_expired_token_once()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        sandbox.Faults.Add(new FaultRule { PathPrefix = "/api/gusmev", Kind = FaultKind.ExpireToken });
        using var api = new EpguApi(sandbox);
        using (var first = await api.Http.PostAsync("api/gusmev/order/1", null, Ct))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
            Assert.Contains("expired", first.Headers.WwwAuthenticate.ToString());
            Assert.Equal("token_expired", (await ApiError.ReadAsync(first)).Code);
        }
        using var second = await api.Http.PostAsync("api/gusmev/order/1", null, Ct);
        Assert.Equal(HttpStatusCode.NoContent, second.StatusCode);
    }

    [Fact]
    public async Task Delay_holds_the_request_then_processes_it()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        sandbox.Faults.Add(new FaultRule { PathPrefix = "/api/nsi", Kind = FaultKind.Delay, Delay = TimeSpan.FromMilliseconds(600) });
        using var http = new HttpClient { BaseAddress = sandbox.BaseUri };
        var watch = Stopwatch.StartNew();
        using (var delayed = await NsiAsync(http))
            Assert.Equal(HttpStatusCode.OK, delayed.StatusCode);
        Assert.True(watch.ElapsedMilliseconds >= 580, $"took {watch.ElapsedMilliseconds} ms");
        watch.Restart();
        using (var normal = await NsiAsync(http))
            Assert.Equal(HttpStatusCode.OK, normal.StatusCode);
        Assert.True(watch.ElapsedMilliseconds < 580, $"took {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Faults_are_configurable_over_http_and_never_hit_sandbox_endpoints()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        using var http = new HttpClient { BaseAddress = sandbox.BaseUri };
        using (var added = await http.PostAsync("sandbox/faults",
                   new StringContent("""{"pathPrefix":"/","kind":"Status","statusCode":500,"count":100}""", Encoding.UTF8, "application/json"), Ct))
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        using (var limited = await http.PostAsync("sandbox/faults",
                   new StringContent("""{"pathPrefix":"/api/gusmev","kind":"tooManyRequests","retryAfterSeconds":3}""", Encoding.UTF8, "application/json"), Ct))
            Assert.Equal(HttpStatusCode.Created, limited.StatusCode);
        Assert.Equal([FaultKind.Status, FaultKind.TooManyRequests], sandbox.Faults.Rules.Select(r => r.Kind));

        Assert.Equal(new[] { 500 }, await StatusesAsync(http, 1));
        using (var health = await http.GetAsync("sandbox/health", Ct))
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        using (var cleared = await http.DeleteAsync("sandbox/faults", Ct))
            Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.Empty(sandbox.Faults.Rules);
        Assert.Equal(new[] { 200 }, await StatusesAsync(http, 1));
    }

    [Fact]
    public async Task Bad_fault_rules_are_rejected()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        Assert.Throws<ArgumentException>(() => sandbox.Faults.Add(new FaultRule { PathPrefix = "api", Kind = FaultKind.Status }));
        Assert.Throws<ArgumentException>(() => sandbox.Faults.Add(new FaultRule { Count = 0 }));
        using var http = new HttpClient { BaseAddress = sandbox.BaseUri };
        await ApiError.ExpectAsync(http.PostAsync("sandbox/faults", new StringContent("""{"kind":"Status","statusCode":42}""", Encoding.UTF8, "application/json"), Ct),
            HttpStatusCode.BadRequest, "bad_request");
    }

    [Fact]
    public async Task Recorded_requests_are_served_over_http_and_can_be_cleared()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        using var api = new EpguApi(sandbox);
        await api.CreateOrderAsync(Services.Fssp);
        using var http = new HttpClient { BaseAddress = sandbox.BaseUri };
        using var recorded = JsonDocument.Parse(await http.GetStringAsync("sandbox/requests", Ct));
        var request = Assert.Single(recorded.RootElement.EnumerateArray());
        Assert.Equal("/api/gusmev/order", request.GetProperty("path").GetString());
        Assert.Equal(200, request.GetProperty("statusCode").GetInt32());
        Assert.StartsWith("Bearer ", request.GetProperty("headers").GetProperty("Authorization").GetString());
        Assert.True(request.GetProperty("requestBodyLength").GetInt64() > 0);

        sandbox.ClearRequests();
        Assert.Empty(sandbox.Requests);
    }
}
