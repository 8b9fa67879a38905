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

    /// <summary>
    /// The same openssl signatures as .sig files of an EPGU archive (the signed bytes as req.xml and scan.txt): DER and
    /// PEM, 256 and 512 bits, and without -cades, which EPGU archives may be (only ESIA wants signingCertificateV2).
    /// </summary>
    [Theory]
    [InlineData("sig256.p7s", SignatureEncoding.Der, "sig512.p7s", SignatureEncoding.Pem)]
    [InlineData("sig256-nocades.p7s", SignatureEncoding.Pem, "sig256.p7s", SignatureEncoding.Base64)]
    public async Task Openssl_signatures_verify_as_sig_files_of_an_EPGU_archive(string reqSignature, SignatureEncoding reqEncoding,
        string scanSignature, SignatureEncoding scanEncoding)
    {
        await using var sandbox = await StartWithFixtureCaAsync();
        using var api = new EpguApi(sandbox);
        var signed = File.ReadAllBytes(Fixture("apikey.txt"));
        var archive = Archives.Zip(
            ("req.xml", signed), ("req.xml.sig", FileSignatures.Encode(File.ReadAllBytes(Fixture(reqSignature)), reqEncoding)),
            ("scan.txt", signed), ("scan.txt.sig", FileSignatures.Encode(File.ReadAllBytes(Fixture(scanSignature)), scanEncoding)));
        var orderId = await api.PushOkAsync(Services.Signed, archive);
        var view = await api.WaitForClosedAsync(orderId);
        Assert.True(view.Code == "DONE", $"{view.Code}: {view.Message}");

        var tampered = Archives.Zip(("req.xml", [.. signed, (byte)' ']), ("req.xml.sig", File.ReadAllBytes(Fixture(reqSignature))));
        var failed = await api.WaitForClosedAsync(await api.PushOkAsync(Services.Signed, tampered));
        Assert.Equal("FILES_VERIFICATION_FAILED", failed.Code);
        Assert.StartsWith("req.xml.sig: digest mismatch:", failed.Message);
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
