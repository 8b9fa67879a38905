using GosApi.Sandbox.Esia;
using GosApi.Sandbox.Tests.Esia;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.X509;

namespace GosApi.Sandbox.Tests;

/// <summary>One sandbox for the signature tests: archives up to 2 MiB by /push, no order quota in the way, two signers.</summary>
public sealed class SignedArchiveSandbox : IAsyncLifetime
{
    public SandboxServer Server { get; private set; } = null!;
    internal TestCertificate Signer256 { get; private set; } = null!;
    internal TestCertificate Signer512 { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Server = await Sandboxes.StartFastAsync(o => { o.MaxChunkSize = 2 * 1024 * 1024; o.OrdersPerTenMinutes = 10_000; });
        Signer256 = Server.IssueTestCertificate(new TestCertificateRequest { CommonName = "ООО «Подписант»" });
        Signer512 = Server.IssueTestCertificate(new TestCertificateRequest { ParameterSet = GostParameterSet.Tc26512A });
    }

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>
/// EPGU archives of services that require signatures (10000001020/10000001021): every x.sig is verified as a detached
/// GOST CMS over x against the sandbox test CA. The .sig files are made by BouncyCastle in the test.
/// </summary>
public sealed class EpguSignatureTests(SignedArchiveSandbox fixture) : IClassFixture<SignedArchiveSandbox>
{
    private static readonly (string Name, byte[] Content) Scan = Archives.File("scan.pdf", 100_000, seed: 7);

    private SandboxServer Server => fixture.Server;

    [Theory]
    [InlineData(SignatureEncoding.Der, 256, SignatureForm.KeyAlgorithm, true)]
    [InlineData(SignatureEncoding.Pem, 512, SignatureForm.KeyAlgorithm, true)]
    [InlineData(SignatureEncoding.Base64, 256, SignatureForm.SignWithDigest, true)]
    [InlineData(SignatureEncoding.Der, 512, SignatureForm.SignWithDigest, false)]
    [InlineData(SignatureEncoding.Pem, 256, SignatureForm.KeyAlgorithm, false)]
    public async Task Signed_archive_reaches_DONE_and_status_3(SignatureEncoding encoding, int keySize, SignatureForm form, bool signedAttributes)
    {
        var signer = keySize == 512 ? fixture.Signer512 : fixture.Signer256;
        var options = new CmsOptions { Form = form, SignedAttributes = signedAttributes };
        var req = Archives.ReqXml();
        using var api = new EpguApi(Server);
        var orderId = await api.PushOkAsync(Services.Signed, Archives.Zip(
            req, FileSignatures.Sign(signer, req, options, encoding), Scan, FileSignatures.Sign(signer, Scan, options, encoding)));

        var view = await api.WaitForClosedAsync(orderId);
        Assert.True(view.Code == "DONE", $"{view.Code}: {view.Message}");
        Assert.Equal(3, view.StatusId);
        Assert.All(view.AttachmentFiles.Where(f => !f.GetProperty("fileName").GetString()!.EndsWith(".sig")),
            f => Assert.True(f.GetProperty("hasDigitalSignature").GetBoolean()));
    }

    [Fact]
    public async Task Service_with_order_number_and_signatures_accepts_a_signed_archive_sent_in_chunks()
    {
        using var api = new EpguApi(Server);
        var orderId = await api.CreateOrderAsync(Services.SignedWithOrderNumber);
        var archive = Archives.Zip(FileSignatures.SignAll(fixture.Signer256, Archives.ReqXml(orderId), Archives.File("scan.pdf", 50_000)));
        await api.SendInChunksAsync(orderId, Services.SignedWithOrderNumber, archive, 16 * 1024);
        var view = await api.WaitForClosedAsync(orderId);
        Assert.True(view.Code == "DONE", $"{view.Code}: {view.Message}");
        Assert.Equal(3, view.StatusId);
    }

    public static TheoryData<string, string[]> Failures => new()
    {
        { "missing", ["scan.pdf.sig: missing: scan.pdf has no detached signature"] },
        { "empty", ["scan.pdf.sig: empty:"] },
        { "random bytes", ["scan.pdf.sig: not a detached CMS signature:"] },
        { "text", ["scan.pdf.sig: not a detached CMS signature:", "neither DER nor PEM nor base64"] },
        { "PEM certificate", ["scan.pdf.sig: not a detached CMS signature:", "\"CERTIFICATE\""] },
        { "attached", ["scan.pdf.sig: not a detached CMS signature:", "attached"] },
        { "without certificate", ["scan.pdf.sig: not a detached CMS signature:", "does not include the signer's certificate"] },
        { "changed after signing", ["scan.pdf.sig: digest mismatch:", "changed after signing"] },
        { "signature of another file", ["scan.pdf.sig: digest mismatch:"] },
        { "changed after signing, no signed attributes", ["scan.pdf.sig: bad signature:", "changed after signing"] },
        { "corrupt signature value", ["scan.pdf.sig: bad signature:"] },
        { "GOST 2001 signature algorithm OID", ["scan.pdf.sig: unsupported algorithm:", "1.2.643.2.2.19"] },
        { "512-bit digest with a 256-bit key", ["scan.pdf.sig: unsupported algorithm:", "does not match the 256-bit key"] },
        { "signingCertificateV2 of another certificate", ["scan.pdf.sig: signing certificate mismatch:"] },
        { "expired certificate", ["scan.pdf.sig: certificate not valid:", "expired at"] },
        { "certificate not yet valid", ["scan.pdf.sig: certificate not valid:", "not valid before"] },
        { "signingTime outside the certificate's validity", ["scan.pdf.sig: certificate not valid:", "was not valid at signingTime"] },
        { "certificate of another CA", ["scan.pdf.sig: untrusted certificate:", "is not the sandbox test CA"] },
        { "certificate with the test CA's name but another key", ["scan.pdf.sig: untrusted certificate:", "does not verify with the sandbox test CA's key"] },
        { "second signer untrusted", ["scan.pdf.sig: untrusted certificate: signer 2 of 2:"] },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Each_signature_failure_ends_in_FILES_VERIFICATION_FAILED_with_its_reason(string kind, string[] messageParts)
    {
        var signer = fixture.Signer256;
        var now = DateTimeOffset.UtcNow;
        var req = Archives.ReqXml();
        (string, byte[]) Sig(TestCertificate certificate, CmsOptions? options = null, byte[]? content = null) =>
            FileSignatures.Sign(certificate, ("scan.pdf", content ?? Scan.Content), options);
        (string, byte[]) Raw(byte[] bytes) => ("scan.pdf.sig", bytes);

        var scanSignature = kind switch
        {
            "missing" => default,
            "empty" => Raw([]),
            "random bytes" => Raw(Archives.Random(200, 3)),
            "text" => Raw("this is not a signature"u8.ToArray()),
            "PEM certificate" => Raw(Encoding.ASCII.GetBytes(signer.CertificatePem)),
            "attached" => Sig(signer, new CmsOptions { Attached = true }),
            "without certificate" => Sig(signer, new CmsOptions { IncludeCertificate = false }),
            "changed after signing" => Sig(signer, content: Scan.Content.Take(Scan.Content.Length - 1).ToArray()),
            "signature of another file" => Sig(signer, content: req.Item2),
            "changed after signing, no signed attributes" => Sig(signer, new CmsOptions { SignedAttributes = false }, content: Archives.Random(100_000, 8)),
            "corrupt signature value" => Raw(CorruptSignatureValue(Sig(signer).Item2)),
            "GOST 2001 signature algorithm OID" => Sig(signer, new CmsOptions { Form = SignatureForm.BouncyCastleDefault }),
            "512-bit digest with a 256-bit key" => Raw(ApiKeyCms.WithDigestAlgorithm(Sig(signer).Item2, "1.2.643.7.1.1.2.3")),
            "signingCertificateV2 of another certificate" => Sig(signer, new CmsOptions { SigningCertificateV2Of = fixture.Signer512.Certificate }),
            "expired certificate" => Sig(Server.IssueTestCertificate(new TestCertificateRequest { NotBefore = now.AddDays(-30), NotAfter = now.AddDays(-1) }),
                new CmsOptions { SigningTime = now.AddDays(-2) }),
            "certificate not yet valid" => Sig(Server.IssueTestCertificate(new TestCertificateRequest { NotBefore = now.AddDays(1) })),
            "signingTime outside the certificate's validity" => Sig(signer, new CmsOptions { SigningTime = signer.NotBefore.AddMinutes(-5) }),
            "certificate of another CA" => Sig(await ForeignSignerAsync()),
            "certificate with the test CA's name but another key" => Raw(SignWithForgedCertificate(signer, Scan.Content)),
            "second signer untrusted" => Raw(CoSign(Scan.Content, signer, await ForeignSignerAsync())),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var files = new List<(string, byte[])> { req, FileSignatures.Sign(signer, req), Scan };
        if (kind != "missing") files.Add(scanSignature);

        using var api = new EpguApi(Server);
        var orderId = await api.PushOkAsync(Services.Signed, Archives.Zip(files.ToArray()));
        var view = await api.WaitForClosedAsync(orderId);
        TestContext.Current.TestOutputHelper?.WriteLine(view.Message ?? "");
        Assert.Equal("FILES_VERIFICATION_FAILED", view.Code);
        foreach (var part in messageParts) Assert.Contains(part, view.Message);
        Assert.Equal(24, view.StatusId);
        Assert.Equal(view.Message, view.Statuses[^1].GetProperty("comment").GetString());
    }

    [Fact]
    public async Task Two_valid_signers_in_one_sig_are_accepted()
    {
        var req = Archives.ReqXml();
        using var api = new EpguApi(Server);
        var orderId = await api.PushOkAsync(Services.Signed, Archives.Zip(
            req, ("req.xml.sig", CoSign(req.Item2, fixture.Signer256, fixture.Signer512))));
        var view = await api.WaitForClosedAsync(orderId);
        Assert.True(view.Code == "DONE", $"{view.Code}: {view.Message}");
    }

    [Fact]
    public async Task Services_without_the_signature_requirement_ignore_sig_files()
    {
        var req = Archives.ReqXml();
        using var api = new EpguApi(Server);
        var orderId = await api.PushOkAsync(Services.Pension, Archives.Zip(
            req, ("req.xml.sig", "not a signature"u8.ToArray()), Archives.File("scan.pdf", 100), ("scan.pdf.sig", []), ("ghost.pdf.sig", [1, 2, 3])));
        var view = await api.WaitForClosedAsync(orderId);
        Assert.Equal("DONE", view.Code);
        Assert.Equal(3, view.StatusId);
    }

    [Fact]
    public async Task Presence_only_mode_accepts_any_non_empty_sig()
    {
        await using var sandbox = await Sandboxes.StartFastAsync(o => o.EpguVerifySignatures = false);
        using var api = new EpguApi(sandbox);
        var orderId = await api.PushOkAsync(Services.Signed, Archives.Zip(Archives.ReqXml(), Archives.Signature("req.xml")));
        Assert.Equal("DONE", (await api.WaitForClosedAsync(orderId)).Code);
    }

    /// <summary>A signer certificate from another sandbox's test CA.</summary>
    private static async Task<TestCertificate> ForeignSignerAsync()
    {
        await using var elsewhere = await Sandboxes.StartFastAsync();
        return elsewhere.IssueTestCertificate();
    }

    /// <summary>Flips the last byte of the SignerInfo's signature value.</summary>
    private static byte[] CorruptSignatureValue(byte[] cms)
    {
        var signer = new CmsSignedData(cms).GetSignerInfos().GetSigners().Single();
        var signature = signer.GetSignature();
        var at = cms.AsSpan().IndexOf(signature);
        Assert.True(at > 0);
        var copy = cms.ToArray();
        copy[at + signature.Length - 1] ^= 0x01;
        return copy;
    }

    /// <summary>Same key and subject as <paramref name="victim"/>, issuer name of the sandbox test CA, but signed by an unrelated key.</summary>
    private byte[] SignWithForgedCertificate(TestCertificate victim, byte[] content)
    {
        var ca = new X509Certificate(Server.EsiaCaCertificate);
        var original = new X509Certificate(victim.Certificate);
        var impostorKey = ApiKeyCms.LoadPrivateKey(Server.IssueTestCertificate().PrivateKey!);
        var generator = new X509V3CertificateGenerator();
        generator.SetSerialNumber(original.SerialNumber.Add(Org.BouncyCastle.Math.BigInteger.One));
        generator.SetIssuerDN(ca.SubjectDN);
        generator.SetSubjectDN(original.SubjectDN);
        generator.SetNotBefore(original.NotBefore);
        generator.SetNotAfter(original.NotAfter);
        generator.SetSubjectPublicKeyInfo(original.SubjectPublicKeyInfo);
        generator.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage(KeyUsage.DigitalSignature | KeyUsage.NonRepudiation));
        var forged = generator.Generate(new Asn1SignatureFactory("GOST3411-2012-256WITHECGOST3410-2012-256", impostorKey));
        return ApiKeyCms.Sign(ApiKeyCms.LoadPrivateKey(victim.PrivateKey!), forged.GetEncoded(), content, new CmsOptions());
    }

    /// <summary>One detached CMS with a SignerInfo per signer (a co-signature, as cryptcp -cosign makes).</summary>
    private static byte[] CoSign(byte[] content, params TestCertificate[] signers)
    {
        var generator = new CmsSignedDataGenerator();
        foreach (var signer in signers)
        {
            var certificate = new X509Certificate(signer.Certificate);
            var is512 = signer.KeySize == 512;
            generator.AddSigner(ApiKeyCms.LoadPrivateKey(signer.PrivateKey!), certificate,
                is512 ? "1.2.643.7.1.1.1.2" : "1.2.643.7.1.1.1.1", is512 ? "1.2.643.7.1.1.2.3" : "1.2.643.7.1.1.2.2");
            generator.AddCertificate(certificate);
        }
        return generator.Generate(new CmsProcessableByteArray(content), false).GetEncoded();
    }
}
