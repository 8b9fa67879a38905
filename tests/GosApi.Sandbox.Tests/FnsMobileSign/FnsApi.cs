using System.Text.Json.Nodes;

namespace GosApi.Sandbox.Tests.FnsMobileSign;

/// <summary>A started sandbox, a partner and a logged-in HTTP client for /api/rb.</summary>
internal sealed class FnsApi : IAsyncDisposable
{
    private FnsApi(SandboxServer server, FnsPartner partner, HttpClient http)
    {
        Server = server;
        Partner = partner;
        Http = http;
    }

    public SandboxServer Server { get; }
    public FnsPartner Partner { get; }
    public HttpClient Http { get; }

    public static async Task<FnsApi> StartAsync(double clockSpeed = 600)
    {
        var server = await SandboxServer.StartAsync(new SandboxOptions { ClockSpeed = clockSpeed }, TestContext.Current.CancellationToken);
        var partner = server.RegisterFnsPartner();
        var api = new FnsApi(server, partner, new HttpClient { BaseAddress = server.BaseUri });
        await api.LoginAsync();
        return api;
    }

    public async Task<string> LoginAsync()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "api/rb/auth", new JsonObject { ["username"] = Partner.Username, ["password"] = Partner.Password }, auth: false);
        Assert.True(status == HttpStatusCode.OK, $"{status}: {body?.ToJsonString()}");
        var token = body!["result"]!["token"]!.GetValue<string>();
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("token", token);
        return token;
    }

    public FnsConsumerInfo Consumer(params string[] legalEntityInns) =>
        Server.RegisterFnsConsumer(Partner.Username, legalEntityInns: legalEntityInns.Length == 0 ? null : legalEntityInns);

    public async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpMethod method, string path, JsonNode? body = null, bool auth = true)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        if (!auth) request.Headers.Authorization = null;
        using var response = auth ? await Http.SendAsync(request, TestContext.Current.CancellationToken)
            : await new HttpClient { BaseAddress = Server.BaseUri }.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public Task<(HttpStatusCode Status, JsonNode? Body)> PostAsync(string path, JsonNode body) => SendAsync(HttpMethod.Post, path, body);
    public Task<(HttpStatusCode Status, JsonNode? Body)> PutAsync(string path, JsonNode body) => SendAsync(HttpMethod.Put, path, body);
    public Task<(HttpStatusCode Status, JsonNode? Body)> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public async Task<byte[]> GetBytesAsync(string path)
    {
        using var response = await Http.GetAsync(path.TrimStart('/'), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
    }

    public static JsonObject Signing(string consumer, int scenario = 82, string? externalId = null, params (string Title, string Text)[] documents)
    {
        if (documents.Length == 0) documents = [("договор.pdf", "%PDF содержимое договора")];
        var body = new JsonObject
        {
            ["scenario"] = scenario,
            ["consumer"] = consumer,
            ["documents"] = new JsonArray(documents.Select(d => (JsonNode)new JsonObject
            {
                ["title"] = d.Title, ["path"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(d.Text)),
            }).ToArray()),
        };
        if (externalId is not null) body["external_id"] = externalId;
        return body;
    }

    public async Task<JsonNode> CreateAsync(JsonObject body, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var (status, answer) = await PostAsync("api/rb/workflow", body);
        Assert.True(expected == status, $"{status}: {answer?.ToJsonString()}");
        return answer!["result"]!;
    }

    public async Task<JsonNode> FullAsync(long id)
    {
        var (status, body) = await GetAsync($"api/rb/workflow/{id}/full");
        Assert.True(status == HttpStatusCode.OK, $"{status}: {body?.ToJsonString()}");
        return body!["result"]!;
    }

    /// <summary>Polls GET full until the state is reached (fails after 10 s real time).</summary>
    public async Task<JsonNode> WaitStateAsync(long id, string state)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var full = await FullAsync(id);
            if (full["state"]!.GetValue<string>() == state) return full;
            if (DateTime.UtcNow > deadline) Assert.Fail($"workflow {id} is still {full["state"]} (waited for {state})");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
