using GosApi.Sandbox.Esia;
using Org.BouncyCastle.Cms;

namespace GosApi.Sandbox.Tests.Esia;

/// <summary>GET /esia-rs/api/public/v1/orgs/ext-app/{apiKey}/tkn: the sandbox as verifier, BouncyCastle in the test as producer.</summary>
public sealed class EsiaTokenTests(EsiaSandbox esia) : IClassFixture<EsiaSandbox>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Valid_signature_gets_a_token_that_the_EPGU_endpoints_accept()
    {
        using var response = await esia.GetTokenAsync(esia.Key.ApiKey, ApiKeyCms.Sign(esia.Signer, esia.Key.ApiKey));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var token = body.RootElement.GetProperty("accessTkn").GetString()!;
        Assert.Equal(3600, body.RootElement.GetProperty("expiresIn").GetInt64());

        var claims = EsiaSandbox.Claims(token);
        Assert.Equal("TEST_IS", claims.GetProperty("client_id").GetString());
        Assert.Equal(esia.Key.OrgOid, claims.GetProperty("org_oid").GetString());
        Assert.Equal("APIPGU", claims.GetProperty("permissions").GetString());
        Assert.Equal("http://lk.gosuslugi.ru/api-order", claims.GetProperty("scope").GetString());
        Assert.Equal(3600, claims.GetProperty("exp").GetInt64() - claims.GetProperty("iat").GetInt64());

        using var http = new HttpClient { BaseAddress = esia.Server.BaseUri };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var order = await http.PostAsync("api/gusmev/order", new StringContent(Services.Pension.Meta(), Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.OK, order.StatusCode);
        Assert.True(await EpguApi.ReadOrderIdAsync(order) > 0);
    }

    [Theory]
    [InlineData(GostParameterSet.CryptoProXchA, SignatureForm.SignWithDigest)]
    [InlineData(GostParameterSet.CryptoProA, SignatureForm.KeyAlgorithm)]
    [InlineData(GostParameterSet.Tc26256A, SignatureForm.KeyAlgorithm)]
    [InlineData(GostParameterSet.Tc26512A, SignatureForm.KeyAlgorithm)]
    [InlineData(GostParameterSet.Tc26512B, SignatureForm.SignWithDigest)]
    public async Task Keys_of_256_and_512_bits_and_both_signature_algorithm_OIDs_are_accepted(GostParameterSet parameterSet, SignatureForm form)
    {
        var signer = esia.Server.IssueTestCertificate(new TestCertificateRequest { Ogrn = EsiaSandbox.Ogrn, ParameterSet = parameterSet });
        Assert.Equal(parameterSet is GostParameterSet.Tc26512A or GostParameterSet.Tc26512B ? 512 : 256, signer.KeySize);
        await EsiaSandbox.ExpectTokenAsync(esia.GetTokenAsync(esia.Key.ApiKey, ApiKeyCms.Sign(signer, esia.Key.ApiKey, new CmsOptions { Form = form })));
    }

    [Fact]
    public async Task Base64url_padding_is_tolerated()
    {
        byte[] cms;
        do cms = ApiKeyCms.Sign(esia.Signer, esia.Key.ApiKey);
        while (cms.Length % 3 == 0); // so that there is padding to add
        var padded = ApiKeyCms.Base64Url(cms) + new string('=', 3 - cms.Length % 3);
        await EsiaSandbox.ExpectTokenAsync(EsiaSandbox.GetTokenAsync(esia.Http, esia.Key.ApiKey, Uri.EscapeDataString(padded)));
    }

    [Fact]
    public async Task Standard_base64_alphabet_is_rejected_as_a_bad_parameter()
    {
        string standard;
        do standard = Convert.ToBase64String(ApiKeyCms.Sign(esia.Signer, esia.Key.ApiKey)).TrimEnd('=');
        while (!standard.Contains('+') || !standard.Contains('/'));

        var message = await ApiError.ExpectAsync(EsiaSandbox.GetTokenAsync(esia.Http, esia.Key.ApiKey, Uri.EscapeDataString(standard)),
            HttpStatusCode.BadRequest, EsiaCodes.BadParameter);
        Assert.Contains("base64url", message);
        // '+' sent unescaped arrives as a space
        await ApiError.ExpectAsync(EsiaSandbox.GetTokenAsync(esia.Http, esia.Key.ApiKey, standard), HttpStatusCode.BadRequest, EsiaCodes.BadParameter);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task Missing_signature_is_400_ESIA_007014(string? signature)
    {
        var message = await ApiError.ExpectAsync(EsiaSandbox.GetTokenAsync(esia.Http, esia.Key.ApiKey, signature),
            HttpStatusCode.BadRequest, EsiaCodes.MissingParameter);
        Assert.Contains("signature", message);
    }

    [Fact]
    public async Task Unknown_api_key_is_401_ESIA_008010()
    {
        var unknown = Guid.NewGuid().ToString();
        await ApiError.ExpectAsync(esia.GetTokenAsync(unknown, ApiKeyCms.Sign(esia.Signer, unknown)), HttpStatusCode.Unauthorized, EsiaCodes.UnknownApiKey);
    }

    [Fact]
    public async Task Data_that_is_not_a_detached_CMS_with_the_signer_certificate_is_400_ESIA_099001()
    {
        var key = esia.Key.ApiKey;
        await ApiError.ExpectAsync(esia.GetTokenAsync(key, Encoding.UTF8.GetBytes("not a CMS at all")), HttpStatusCode.BadRequest, EsiaCodes.NotCms);
        var attached = await ApiError.ExpectAsync(esia.GetTokenAsync(key, ApiKeyCms.Sign(esia.Signer, key, new CmsOptions { Attached = true })),
            HttpStatusCode.BadRequest, EsiaCodes.NotCms);
        Assert.Contains("detached", attached);
        var noCertificate = await ApiError.ExpectAsync(esia.GetTokenAsync(key, ApiKeyCms.Sign(esia.Signer, key, new CmsOptions { IncludeCertificate = false })),
            HttpStatusCode.BadRequest, EsiaCodes.NotCms);
        Assert.Contains("certificate", noCertificate);
    }

    [Fact]
    public async Task CMS_without_signingCertificateV2_is_400_ESIA_099002()
    {
        var message = await ApiError.ExpectAsync(
            esia.GetTokenAsync(esia.Key.ApiKey, ApiKeyCms.Sign(esia.Signer, esia.Key.ApiKey, new CmsOptions { SigningCertificateV2 = false })),
            HttpStatusCode.BadRequest, EsiaCodes.SignedAttributes);
        Assert.Contains("signingCertificateV2", message);
    }

    [Fact]
    public async Task GOST_2001_signature_OID_and_a_digest_of_the_wrong_size_are_400_ESIA_099003()
    {
        // BouncyCastle's default for a 2012 key with a CryptoPro parameter set names GOST R 34.10-2001 (1.2.643.2.2.19).
        var cms = ApiKeyCms.Sign(esia.Signer, esia.Key.ApiKey, new CmsOptions { Form = SignatureForm.BouncyCastleDefault });
        Assert.Equal("1.2.643.2.2.19", new CmsSignedData(cms).GetSignerInfos().GetSigners().Single().SignatureAlgorithm.Algorithm.Id);
        var message = await ApiError.ExpectAsync(esia.GetTokenAsync(esia.Key.ApiKey, cms), HttpStatusCode.BadRequest, EsiaCodes.UnsupportedAlgorithm);
        Assert.Contains("1.2.643.2.2.19", message);

        // BouncyCastle will not sign with a digest of the wrong size, so the digestAlgorithm of a good 512-bit signature is rewritten.
        var signer512 = esia.Server.IssueTestCertificate(new TestCertificateRequest { Ogrn = EsiaSandbox.Ogrn, ParameterSet = GostParameterSet.Tc26512A });
        var wrongDigest = ApiKeyCms.WithDigestAlgorithm(ApiKeyCms.Sign(signer512, esia.Key.ApiKey), "1.2.643.7.1.1.2.2");
        var sizeMessage = await ApiError.ExpectAsync(esia.GetTokenAsync(esia.Key.ApiKey, wrongDigest), HttpStatusCode.BadRequest, EsiaCodes.UnsupportedAlgorithm);
        Assert.Contains("does not match the 512-bit key", sizeMessage);
    }

    [Fact]
    public async Task Signature_of_another_key_is_401_ESIA_099004_digest_mismatch()
    {
        var other = esia.Server.RegisterApiKey(ogrn: EsiaSandbox.Ogrn);
        await ApiError.ExpectAsync(esia.GetTokenAsync(other.ApiKey, ApiKeyCms.Sign(esia.Signer, esia.Key.ApiKey)),
            HttpStatusCode.Unauthorized, EsiaCodes.DigestMismatch);
    }

    [Fact]
    public async Task Tampered_signature_value_is_401_ESIA_007053()
    {
        var cms = ApiKeyCms.Sign(esia.Signer, esia.Key.ApiKey);
        var signature = new CmsSignedData(cms).GetSignerInfos().GetSigners().Single().GetSignature();
        var at = cms.AsSpan().IndexOf(signature);
        Assert.True(at > 0);
        cms[at + signature.Length - 1] ^= 0x01;
        await ApiError.ExpectAsync(esia.GetTokenAsync(esia.Key.ApiKey, cms), HttpStatusCode.Unauthorized, EsiaCodes.BadSignature);
    }

    [Fact]
    public async Task SigningCertificateV2_naming_another_certificate_is_401_ESIA_099007()
    {
        var other = esia.Server.IssueTestCertificate(new TestCertificateRequest { Ogrn = EsiaSandbox.Ogrn });
        await ApiError.ExpectAsync(
            esia.GetTokenAsync(esia.Key.ApiKey, ApiKeyCms.Sign(esia.Signer, esia.Key.ApiKey, new CmsOptions { SigningCertificateV2Of = other.Certificate })),
            HttpStatusCode.Unauthorized, EsiaCodes.SigningCertificateMismatch);
    }

    [Fact]
    public async Task Certificate_of_another_CA_is_401_ESIA_099005()
    {
        await using var elsewhere = await Sandboxes.StartFastAsync();
        var foreign = elsewhere.IssueTestCertificate(new TestCertificateRequest { Ogrn = EsiaSandbox.Ogrn });
        var message = await ApiError.ExpectAsync(esia.GetTokenAsync(esia.Key.ApiKey, ApiKeyCms.Sign(foreign, esia.Key.ApiKey)),
            HttpStatusCode.Unauthorized, EsiaCodes.UntrustedCertificate);
        Assert.Contains("not trusted", message);
    }

    [Fact]
    public async Task Expired_or_not_yet_valid_certificate_is_401_ESIA_099006()
    {
        var now = DateTimeOffset.UtcNow;
        var expired = esia.Server.IssueTestCertificate(new TestCertificateRequest { Ogrn = EsiaSandbox.Ogrn, NotBefore = now.AddDays(-30), NotAfter = now.AddDays(-1) });
        var message = await ApiError.ExpectAsync(esia.GetTokenAsync(esia.Key.ApiKey, ApiKeyCms.Sign(expired, esia.Key.ApiKey)),
            HttpStatusCode.Unauthorized, EsiaCodes.CertificateNotValidNow);
        Assert.Contains("expired", message);

        var future = esia.Server.IssueTestCertificate(new TestCertificateRequest { Ogrn = EsiaSandbox.Ogrn, NotBefore = now.AddDays(1) });
        await ApiError.ExpectAsync(esia.GetTokenAsync(esia.Key.ApiKey, ApiKeyCms.Sign(future, esia.Key.ApiKey)),
            HttpStatusCode.Unauthorized, EsiaCodes.CertificateNotValidNow);
    }

    [Theory]
    [InlineData(-10)]
    [InlineData(10)]
    public async Task SigningTime_more_than_5_minutes_away_is_401_ESIA_007015(int minutes)
    {
        var cms = ApiKeyCms.Sign(esia.Signer, esia.Key.ApiKey, new CmsOptions { SigningTime = DateTimeOffset.UtcNow.AddMinutes(minutes) });
        var message = await ApiError.ExpectAsync(esia.GetTokenAsync(esia.Key.ApiKey, cms), HttpStatusCode.Unauthorized, EsiaCodes.StaleSigningTime);
        Assert.Contains("signingTime", message);
    }

    [Fact]
    public async Task Certificate_without_the_organisations_OGRN_is_403_ESIA_007002()
    {
        var otherOrganisation = esia.Server.IssueTestCertificate(new TestCertificateRequest { Ogrn = "1037739877295" });
        await ApiError.ExpectAsync(esia.GetTokenAsync(esia.Key.ApiKey, ApiKeyCms.Sign(otherOrganisation, esia.Key.ApiKey)),
            HttpStatusCode.Forbidden, EsiaCodes.CertificateOfAnotherOrganisation);
        var noOgrn = esia.Server.IssueTestCertificate();
        await ApiError.ExpectAsync(esia.GetTokenAsync(esia.Key.ApiKey, ApiKeyCms.Sign(noOgrn, esia.Key.ApiKey)),
            HttpStatusCode.Forbidden, EsiaCodes.CertificateOfAnotherOrganisation);

        // A key registered without an OGRN takes any certificate of the test CA.
        var anyOrganisation = esia.Server.RegisterApiKey();
        await EsiaSandbox.ExpectTokenAsync(esia.GetTokenAsync(anyOrganisation.ApiKey, ApiKeyCms.Sign(noOgrn, anyOrganisation.ApiKey)));
    }

    [Fact]
    public async Task Token_requests_are_recorded_and_can_be_faulted_like_any_service_call()
    {
        esia.Server.Faults.Add(new FaultRule { PathPrefix = "/esia-rs/", Kind = FaultKind.Status, StatusCode = 503, Count = 1 });
        var cms = ApiKeyCms.Sign(esia.Signer, esia.Key.ApiKey);
        using (var faulted = await esia.GetTokenAsync(esia.Key.ApiKey, cms))
            Assert.Equal(HttpStatusCode.ServiceUnavailable, faulted.StatusCode);
        await EsiaSandbox.ExpectTokenAsync(esia.GetTokenAsync(esia.Key.ApiKey, cms));
        Assert.Contains(esia.Server.Requests, r => r.Path.EndsWith("/tkn", StringComparison.Ordinal) && r.StatusCode == 200);
    }
}
