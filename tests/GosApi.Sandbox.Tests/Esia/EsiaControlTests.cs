using GosApi.Sandbox.Esia;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.X509;
using System.Security.Cryptography.Pkcs;

namespace GosApi.Sandbox.Tests.Esia;

/// <summary>/sandbox/esia/* (what Pester and the demo use), the test CA and certificates, and the ESIA options.</summary>
public sealed class EsiaControlTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Test_CA_is_a_self_signed_GOST_2012_root_served_as_PEM()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        using var http = new HttpClient { BaseAddress = sandbox.BaseUri };
        using var response = await http.GetAsync("sandbox/esia/ca", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var pem = await response.Content.ReadAsStringAsync(Ct);
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", pem);

        var ca = new X509Certificate(sandbox.EsiaCaCertificate);
        Assert.Equal(Convert.ToBase64String(sandbox.EsiaCaCertificate), string.Concat(pem.Split('\n').Where(l => !l.StartsWith("-----"))).Trim());
        Assert.Equal("1.2.643.7.1.1.3.2", ca.SigAlgOid);
        Assert.Equal("1.2.643.7.1.1.1.1", ca.SubjectPublicKeyInfo.Algorithm.Algorithm.Id);
        Assert.True(ca.IssuerDN.Equivalent(ca.SubjectDN));
        Assert.True(ca.GetBasicConstraints() >= 0);
        Assert.True(ca.GetKeyUsage()![5]); // keyCertSign
        ca.Verify(ca.GetPublicKey());
    }

    [Fact]
    public async Task Issued_keys_are_encoded_under_the_2012_OID_even_with_CryptoPro_parameter_sets()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        var issued = sandbox.IssueTestCertificate(new TestCertificateRequest { ParameterSet = GostParameterSet.CryptoProXchA });
        var certificate = new X509Certificate(issued.Certificate);
        certificate.Verify(new X509Certificate(sandbox.EsiaCaCertificate).GetPublicKey());

        var spki = certificate.SubjectPublicKeyInfo.Algorithm;
        Assert.Equal("1.2.643.7.1.1.1.1", spki.Algorithm.Id);
        var parameters = Asn1Sequence.GetInstance(spki.Parameters);
        Assert.Equal("1.2.643.2.2.36.0", parameters[0].ToString());
        Assert.Equal("1.2.643.7.1.1.2.2", parameters[1].ToString());
        Assert.Equal("1.2.643.2.2.36.0", issued.ParameterSetOid);

        var pkcs8 = PrivateKeyInfo.GetInstance(issued.PrivateKey);
        Assert.Equal("1.2.643.7.1.1.1.1", pkcs8.PrivateKeyAlgorithm.Algorithm.Id);

        var issued512 = sandbox.IssueTestCertificate(new TestCertificateRequest { ParameterSet = GostParameterSet.Tc26512A });
        var spki512 = new X509Certificate(issued512.Certificate).SubjectPublicKeyInfo.Algorithm;
        Assert.Equal("1.2.643.7.1.1.1.2", spki512.Algorithm.Id);
        Assert.Single(Asn1Sequence.GetInstance(spki512.Parameters)); // 512-bit keys name only the curve
    }

    [Fact]
    public async Task Pkcs12_is_PBES2_with_AES_and_carries_key_certificate_and_CA()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        var issued = sandbox.IssueTestCertificate(new TestCertificateRequest { Password = "pa55" });
        var pfx = Pfx.GetInstance(Asn1Object.FromByteArray(issued.Pkcs12));
        Assert.Equal("2.16.840.1.101.3.4.2.1", pfx.MacData.Mac.DigestAlgorithm.Algorithm.Id); // SHA-256 MAC

        var store = new Pkcs12StoreBuilder().Build();
        store.Load(new MemoryStream(issued.Pkcs12!), "pa55".ToCharArray());
        var alias = Assert.Single(store.Aliases, store.IsKeyEntry);
        Assert.Equal(issued.Certificate, store.GetCertificate(alias).Certificate.GetEncoded());
        var key = (ECPrivateKeyParameters)store.GetKey(alias).Key;
        Assert.Equal(ApiKeyCms.LoadPrivateKey(issued.PrivateKey!).D, key.D);

        var info = Pkcs12Info.Decode(issued.Pkcs12, out _);
        var keyBag = info.AuthenticatedSafe.SelectMany(c =>
            c.ConfidentialityMode == Pkcs12ConfidentialityMode.None ? c.GetBags() : []).OfType<Pkcs12ShroudedKeyBag>().Single();
        var encryptedKey = EncryptedPrivateKeyInfo.GetInstance(keyBag.EncryptedPkcs8PrivateKey.ToArray());
        Assert.Equal("1.2.840.113549.1.5.13", encryptedKey.EncryptionAlgorithm.Algorithm.Id); // PBES2
        Assert.Equal("2.16.840.1.101.3.4.1.42", PbeS2Parameters.GetInstance(encryptedKey.EncryptionAlgorithm.Parameters).EncryptionScheme.Algorithm.Id); // AES-256-CBC
        var certificates = Assert.Single(info.AuthenticatedSafe, c => c.ConfidentialityMode == Pkcs12ConfidentialityMode.Password); // certificates encrypted too
        certificates.Decrypt("pa55");
        var certificateBags = certificates.GetBags().OfType<Pkcs12CertBag>().Select(b => b.EncodedCertificate.ToArray()).ToList();
        Assert.Equal(2, certificateBags.Count);
        Assert.Contains(certificateBags, c => Asn1OctetString.GetInstance(c).GetOctets().SequenceEqual(sandbox.EsiaCaCertificate));
    }

    [Fact]
    public async Task Over_HTTP_alone_a_script_registers_a_key_gets_a_PKCS12_signs_and_gets_a_token()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        using var http = new HttpClient { BaseAddress = sandbox.BaseUri };

        using var keyResponse = await http.PostAsync("sandbox/esia/apikeys",
            new StringContent("""{"orgOid":"1000299353","clientId":"DEMO_IS","ogrn":"1027700132195"}""", Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.Created, keyResponse.StatusCode);
        using var key = JsonDocument.Parse(await keyResponse.Content.ReadAsStringAsync(Ct));
        var apiKey = key.RootElement.GetProperty("apiKey").GetString()!;
        Assert.True(Guid.TryParse(apiKey, out _));
        Assert.Equal("DEMO_IS", key.RootElement.GetProperty("clientId").GetString());

        using var certificateResponse = await http.PostAsync("sandbox/esia/certificates",
            new StringContent("""{"commonName":"Demo","ogrn":"1027700132195","password":"demo","parameterSet":"Tc26256A"}""", Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.Created, certificateResponse.StatusCode);
        using var certificate = JsonDocument.Parse(await certificateResponse.Content.ReadAsStringAsync(Ct));
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", certificate.RootElement.GetProperty("certificate").GetString());
        var pkcs12 = Convert.FromBase64String(certificate.RootElement.GetProperty("pkcs12").GetString()!);

        var store = new Pkcs12StoreBuilder().Build();
        store.Load(new MemoryStream(pkcs12), "demo".ToCharArray());
        var alias = store.Aliases.Single(store.IsKeyEntry);
        var cms = ApiKeyCms.Sign((ECPrivateKeyParameters)store.GetKey(alias).Key, store.GetCertificate(alias).Certificate.GetEncoded(),
            Encoding.UTF8.GetBytes(apiKey), new CmsOptions());
        var token = await EsiaSandbox.ExpectTokenAsync(EsiaSandbox.GetTokenAsync(http, apiKey, ApiKeyCms.Base64Url(cms)));
        Assert.Equal("DEMO_IS", EsiaSandbox.Claims(token).GetProperty("client_id").GetString());
        Assert.Equal("1000299353", EsiaSandbox.Claims(token).GetProperty("org_oid").GetString());

        using var raw = new HttpRequestMessage(HttpMethod.Post, "sandbox/esia/certificates")
        {
            Content = new StringContent("""{"password":"x"}""", Encoding.UTF8, "application/json"),
        };
        raw.Headers.Accept.ParseAdd("application/x-pkcs12");
        using var rawResponse = await http.SendAsync(raw, Ct);
        Assert.Equal("application/x-pkcs12", rawResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0x30, (await rawResponse.Content.ReadAsByteArrayAsync(Ct))[0]);
    }

    [Fact]
    public async Task Certificate_for_a_supplied_public_key_has_no_PKCS12_and_a_generated_key_needs_a_password()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        using var http = new HttpClient { BaseAddress = sandbox.BaseUri };
        var own = sandbox.IssueTestCertificate(new TestCertificateRequest { ParameterSet = GostParameterSet.Tc26512A });
        var spki = new X509Certificate(own.Certificate).SubjectPublicKeyInfo.GetEncoded();
        var pem = "-----BEGIN PUBLIC KEY-----\n" + Convert.ToBase64String(spki) + "\n-----END PUBLIC KEY-----\n";

        using var response = await http.PostAsync("sandbox/esia/certificates",
            new StringContent(JsonSerializer.Serialize(new { publicKey = pem, commonName = "Own key" }), Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("pkcs12").ValueKind);
        Assert.Equal(512, body.RootElement.GetProperty("keySize").GetInt32());
        var certificatePem = body.RootElement.GetProperty("certificate").GetString()!;
        var certificate = new X509Certificate(Convert.FromBase64String(string.Concat(certificatePem.Split('\n').Where(l => !l.StartsWith("-----")))));
        Assert.Equal(spki, certificate.SubjectPublicKeyInfo.GetEncoded());

        await ApiError.ExpectAsync(http.PostAsync("sandbox/esia/certificates", new StringContent("{}", Encoding.UTF8, "application/json"), Ct),
            HttpStatusCode.BadRequest, "bad_request");
        await ApiError.ExpectAsync(http.PostAsync("sandbox/esia/certificates",
            new StringContent("""{"password":"x","ogrn":"123"}""", Encoding.UTF8, "application/json"), Ct), HttpStatusCode.BadRequest, "bad_request");
        await ApiError.ExpectAsync(http.PostAsync("sandbox/esia/apikeys",
            new StringContent("""{"orgOid":"abc"}""", Encoding.UTF8, "application/json"), Ct), HttpStatusCode.BadRequest, "bad_request");
    }

    [Fact]
    public async Task SigningTime_tolerance_token_lifetime_and_expiresIn_are_options()
    {
        await using var sandbox = await Sandboxes.StartFastAsync(o =>
        {
            o.EsiaSigningTimeTolerance = TimeSpan.FromMinutes(30);
            o.EsiaTokenLifetime = TimeSpan.FromMinutes(10);
            o.EsiaTokenExpiresIn = false;
        });
        using var http = new HttpClient { BaseAddress = sandbox.BaseUri };
        var key = sandbox.RegisterApiKey("my-key");
        var signer = sandbox.IssueTestCertificate();
        var cms = ApiKeyCms.Sign(signer, key.ApiKey, new CmsOptions { SigningTime = DateTimeOffset.UtcNow.AddMinutes(-20) });

        using var response = await EsiaSandbox.GetTokenAsync(http, "my-key", ApiKeyCms.Base64Url(cms));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.False(body.RootElement.TryGetProperty("expiresIn", out _));
        var claims = EsiaSandbox.Claims(body.RootElement.GetProperty("accessTkn").GetString()!);
        Assert.Equal(600, claims.GetProperty("exp").GetInt64() - claims.GetProperty("iat").GetInt64());
    }
}
