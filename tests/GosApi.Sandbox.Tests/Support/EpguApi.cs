using System.Diagnostics;

namespace GosApi.Sandbox.Tests.Support;

/// <summary>Raw HTTP calls to the sandbox's EPGU endpoints as one token holder.</summary>
internal sealed class EpguApi : IDisposable
{
    public EpguApi(SandboxServer sandbox, TokenRequest? token = null)
    {
        Token = sandbox.IssueToken(token);
        Http = new HttpClient { BaseAddress = sandbox.BaseUri, Timeout = TimeSpan.FromSeconds(60) };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
    }

    public string Token { get; }
    public HttpClient Http { get; }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public Task<HttpResponseMessage> PostJsonAsync(string path, string json) =>
        Http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), Ct);

    public async Task<long> CreateOrderAsync(ServiceRef service)
    {
        using var response = await PostJsonAsync("api/gusmev/order", service.Meta());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadOrderIdAsync(response);
    }

    public Task<HttpResponseMessage> PushAsync(string? meta, byte[]? archive)
    {
        var form = new MultipartFormDataContent();
        if (meta is not null) form.Add(new StringContent(meta, Encoding.UTF8, "application/json"), "meta");
        if (archive is not null) form.Add(new ByteArrayContent(archive), "file", "arch.zip");
        return Http.PostAsync("api/gusmev/push", form, Ct);
    }

    public async Task<long> PushOkAsync(ServiceRef service, byte[] archive)
    {
        using var response = await PushAsync(service.Meta(), archive);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadOrderIdAsync(response);
    }

    public Task<HttpResponseMessage> SendChunkAsync(long orderId, string? meta, int? chunk, int? chunks, byte[] data)
    {
        var form = new MultipartFormDataContent();
        if (meta is not null) form.Add(new StringContent(meta, Encoding.UTF8, "application/json"), "meta");
        if (chunk is not null) form.Add(new StringContent(chunk.Value.ToString()), "chunk");
        if (chunks is not null) form.Add(new StringContent(chunks.Value.ToString()), "chunks");
        form.Add(new StringContent(orderId.ToString()), "orderId");
        form.Add(new ByteArrayContent(data), "file", "arch.zip");
        return Http.PostAsync("api/gusmev/push/chunked", form, Ct);
    }

    /// <summary>Sends the archive in chunks: the first, the middle ones in parallel, then the last.</summary>
    public async Task SendInChunksAsync(long orderId, ServiceRef service, byte[] archive, int chunkSize)
    {
        var parts = Split(archive, chunkSize);
        await ExpectAsync(SendChunkAsync(orderId, service.Meta(), 0, parts.Length, parts[0]), parts.Length == 1 ? HttpStatusCode.OK : HttpStatusCode.PartialContent);
        if (parts.Length == 1) return;
        await Task.WhenAll(Enumerable.Range(1, parts.Length - 2).Select(i =>
            ExpectAsync(SendChunkAsync(orderId, service.Meta(), i, parts.Length, parts[i]), HttpStatusCode.PartialContent)));
        await ExpectAsync(SendChunkAsync(orderId, service.Meta(), parts.Length - 1, parts.Length, parts[^1]), HttpStatusCode.OK);
    }

    public static byte[][] Split(byte[] data, int chunkSize) =>
        Enumerable.Range(0, (data.Length + chunkSize - 1) / chunkSize)
            .Select(i => data.AsSpan(i * chunkSize, Math.Min(chunkSize, data.Length - i * chunkSize)).ToArray())
            .ToArray();

    public async Task<OrderView> GetOrderAsync(long orderId)
    {
        using var response = await Http.PostAsync($"api/gusmev/order/{orderId}", null, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var root = document.RootElement;
        var order = JsonDocument.Parse(root.GetProperty("order").GetString()!).RootElement.Clone();
        return new OrderView(root.GetProperty("code").GetString()!, root.GetProperty("message").GetString(), order);
    }

    public async Task<OrderView> WaitForOrderAsync(long orderId, Func<OrderView, bool> until, TimeSpan? timeout = null)
    {
        var watch = Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(15);
        while (true)
        {
            var view = await GetOrderAsync(orderId);
            if (until(view)) return view;
            if (watch.Elapsed > limit)
                Assert.Fail($"order {orderId} did not reach the expected state in {limit}; last: code {view.Code}, statuses {string.Join(",", view.StatusIds)}");
            await Task.Delay(10, Ct);
        }
    }

    public Task<OrderView> WaitForClosedAsync(long orderId) => WaitForOrderAsync(orderId, v => v.Closed);

    public static async Task<long> ReadOrderIdAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return document.RootElement.GetProperty("orderId").GetInt64();
    }

    public static async Task ExpectAsync(Task<HttpResponseMessage> call, HttpStatusCode expected)
    {
        using var response = await call;
        if (response.StatusCode != expected)
            Assert.Fail($"expected {(int)expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
    }

    public void Dispose() => Http.Dispose();
}
