using GosApi.Sandbox.Esia;

namespace GosApi.Sandbox.Tests.Esia;

/// <summary>
/// Fixtures made by openssl with the gost engine (Fixtures/make-fixtures.sh): a CA whose key is in openssl's raw
/// little-endian PKCS#8 form, signer certificates of 256 and 512 bits, and `openssl cms -sign -cades` signatures over
/// the API key. The sandbox loads the CA through its options and must accept openssl's CAdES-BES as is.
/// </summary>
public sealed class OpensslInteropTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Esia", "Fixtures", name);
    private static readonly string ApiKey = File.ReadAllText(Fixture("apikey.txt"));

    private static Task<SandboxServer> StartWithFixtureCaAsync() => Sandboxes.StartFastAsync(o =>
    {
        o.EsiaCaCertificate = Fixture("ca.pem");
        o.EsiaCaPrivateKey = File.ReadAllText(Fixture("ca.key")); // PEM text works as well as a path
        o.EsiaSigningTimeTolerance = TimeSpan.FromDays(36500); // the fixtures were signed once, long ago
    });

    [Theory]
    [InlineData("sig256.p7s")]
    [InlineData("sig512.p7s")]
    public async Task Openssl_cades_signatures_are_accepted(string signature)
    {
        await using var sandbox = await StartWithFixtureCaAsync();
        using var http = new HttpClient { BaseAddress = sandbox.BaseUri };
        sandbox.RegisterApiKey(ApiKey, ogrn: "1027700132195");
        await EsiaSandbox.ExpectTokenAsync(EsiaSandbox.GetTokenAsync(http, ApiKey, ApiKeyCms.Base64Url(File.ReadAllBytes(Fixture(signature)))));
    }

    [Fact]
    public async Task Openssl_signature_without_cades_lacks_signingCertificateV2_and_is_rejected()
    {
        await using var sandbox = await StartWithFixtureCaAsync();
        using var http = new HttpClient { BaseAddress = sandbox.BaseUri };
        sandbox.RegisterApiKey(ApiKey);
        var message = await ApiError.ExpectAsync(EsiaSandbox.GetTokenAsync(http, ApiKey, ApiKeyCms.Base64Url(File.ReadAllBytes(Fixture("sig256-nocades.p7s")))),
            HttpStatusCode.BadRequest, EsiaCodes.SignedAttributes);
        Assert.Contains("-cades", message);
    }

    [Fact]
    public async Task A_loaded_CA_issues_certificates_that_the_sandbox_then_trusts()
    {
        await using var sandbox = await StartWithFixtureCaAsync();
        using var http = new HttpClient { BaseAddress = sandbox.BaseUri };
        Assert.Equal(File.ReadAllText(Fixture("ca.pem")).Trim(), (await http.GetStringAsync("sandbox/esia/ca", TestContext.Current.CancellationToken)).Trim());
        var key = sandbox.RegisterApiKey();
        var signer = sandbox.IssueTestCertificate();
        await EsiaSandbox.ExpectTokenAsync(EsiaSandbox.GetTokenAsync(http, key.ApiKey, ApiKeyCms.Base64Url(ApiKeyCms.Sign(signer, key.ApiKey))));
    }

    [Fact]
    public async Task Inconsistent_CA_options_fail_the_start()
    {
        var ct = TestContext.Current.CancellationToken;
        await Assert.ThrowsAsync<ArgumentException>(() => SandboxServer.StartAsync(new SandboxOptions { EsiaCaCertificate = Fixture("ca.pem") }, ct));
        var wrongKey = await Assert.ThrowsAsync<ArgumentException>(() => SandboxServer.StartAsync(
            new SandboxOptions { EsiaCaCertificate = Fixture("ca.pem"), EsiaCaPrivateKey = Fixture("signer256.key") }, ct));
        Assert.Contains("does not belong", wrongKey.Message);
        var notCa = await Assert.ThrowsAsync<ArgumentException>(() => SandboxServer.StartAsync(
            new SandboxOptions { EsiaCaCertificate = Fixture("signer256.pem"), EsiaCaPrivateKey = Fixture("signer256.key") }, ct));
        Assert.Contains("not a CA", notCa.Message);
    }
}
