using GosApi.Sandbox.Esia;

namespace GosApi.Sandbox.Tests.Esia;

/// <summary>One sandbox for a test class, with an API key and a valid signer certificate (CryptoPro XchA, 256 bit).</summary>
public sealed class EsiaSandbox : IAsyncLifetime
{
    public const string Ogrn = "1027700132195";

    public SandboxServer Server { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;
    internal EsiaApiKey Key { get; private set; } = null!;
    internal TestCertificate Signer { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Server = await Sandboxes.StartFastAsync();
        Http = new HttpClient { BaseAddress = Server.BaseUri };
        Key = Server.RegisterApiKey(clientId: "TEST_IS", ogrn: Ogrn);
        Signer = Server.IssueTestCertificate(new TestCertificateRequest { CommonName = "ООО «Тест»", Ogrn = Ogrn, Inn = "7707083893" });
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }

    public static string TokenPath(string apiKey, string? signature) =>
        $"esia-rs/api/public/v1/orgs/ext-app/{Uri.EscapeDataString(apiKey)}/tkn" + (signature is null ? "" : "?signature=" + signature);

    public static Task<HttpResponseMessage> GetTokenAsync(HttpClient http, string apiKey, string? signature) =>
        http.GetAsync(TokenPath(apiKey, signature), TestContext.Current.CancellationToken);

    public Task<HttpResponseMessage> GetTokenAsync(string apiKey, byte[] cms) => GetTokenAsync(Http, apiKey, ApiKeyCms.Base64Url(cms));

    /// <summary>Asserts a 200 answer and returns accessTkn.</summary>
    public static async Task<string> ExpectTokenAsync(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected 200, got {(int)response.StatusCode}: {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("accessTkn").GetString()!;
    }

    public static JsonElement Claims(string token)
    {
        var payload = token.Split('.')[1];
        var json = Convert.FromBase64String(payload.Replace('-', '+').Replace('_', '/').PadRight(payload.Length + (4 - payload.Length % 4) % 4, '='));
        return JsonDocument.Parse(json).RootElement.Clone();
    }
}
