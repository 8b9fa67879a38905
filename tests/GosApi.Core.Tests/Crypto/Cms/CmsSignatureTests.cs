using GosApi.Crypto.Cms;
using GosApi.Crypto.Pki;
using GosApi.Crypto.Signers;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Asn1.Ess;
using Xunit;

namespace GosApi.Core.Tests.Crypto;

public class CmsSignatureTests
{
    private static readonly Lazy<GostCredential> Root = new(() => GostCertificateBuilder.CreateTestCertificateAuthority("CMS Test Root"));

    private static GostCredential Leaf(GostParameterSet set = GostParameterSet.CryptoProA) =>
        new GostCertificateBuilder { Subject = new GostSubject { CommonName = "Signer " + set, InnLe = "7707083893" }, ParameterSet = set }.Issue(Root.Value);

    private static byte[] Content(int length)
    {
        var data = new byte[length];
        for (var i = 0; i < data.Length; i++) data[i] = (byte)(i * 7 + (i >> 9));
        return data;
    }

    [Theory]
    [InlineData(GostParameterSet.CryptoProA)]
    [InlineData(GostParameterSet.CryptoProXchB)]
    [InlineData(GostParameterSet.Tc26256D)]
    [InlineData(GostParameterSet.Tc26512A)]
    [InlineData(GostParameterSet.Tc26512C)]
    public async Task Openssl_verifies_our_detached_signature(GostParameterSet set)
    {
        var leaf = Leaf(set);
        var content = Content(200_000);
        var signature = await new SoftwareGostSigner(leaf).SignDetachedAsync(new MemoryStream(content));
        using var openssl = new OpenSsl();
        openssl.Write("ca.pem", Root.Value.Certificate.ToPem());
        openssl.Write("data.bin", content);
        openssl.Write("data.bin.sig", signature);

        var output = openssl.RunOk("cms", "-verify", "-binary", "-inform", "DER", "-in", "@data.bin.sig", "-content", "@data.bin", "-CAfile", "@ca.pem", "-out", "/dev/null");
        Assert.Contains("Verification successful", output);

        content[100_000] ^= 1;
        openssl.Write("data.bin", content);
        var (exit, failed, _) = openssl.Run("cms", "-verify", "-binary", "-inform", "DER", "-in", "@data.bin.sig", "-content", "@data.bin", "-CAfile", "@ca.pem", "-out", "/dev/null");
        Assert.NotEqual(0, exit);
        Assert.DoesNotContain("Verification successful", failed);
    }

    [Fact]
    public async Task Signer_info_has_the_algorithms_and_attributes_esia_and_cryptopro_expect()
    {
        var leaf = Leaf(GostParameterSet.Tc26256A);
        var time = new DateTimeOffset(2025, 3, 1, 12, 30, 0, TimeSpan.Zero);
        var signature = await new SoftwareGostSigner(leaf).SignDetachedAsync(new MemoryStream(new byte[] { 1, 2, 3 }), new CmsSignatureOptions { SigningTime = time });

        var signedData = SignedData.GetInstance(ContentInfo.GetInstance(Asn1Object.FromByteArray(signature)).Content);
        Assert.Null(signedData.EncapContentInfo.Content); // detached
        var signer = SignerInfo.GetInstance(signedData.SignerInfos[0]);
        Assert.Equal("1.2.643.7.1.1.2.2", signer.DigestAlgorithm.Algorithm.Id);
        Assert.Equal("1.2.643.7.1.1.1.1", signer.DigestEncryptionAlgorithm.Algorithm.Id);
        Assert.Equal(64, signer.EncryptedDigest.GetOctets().Length);
        var attributes = new Org.BouncyCastle.Asn1.Cms.AttributeTable(signer.AuthenticatedAttributes);
        Assert.Equal("1.2.840.113549.1.7.1", DerObjectIdentifier.GetInstance(attributes[CmsAttributes.ContentType].AttrValues[0]).Id);
        Assert.Equal(time.UtcDateTime, Org.BouncyCastle.Asn1.Cms.Time.GetInstance(attributes[CmsAttributes.SigningTime].AttrValues[0]).ToDateTime().ToUniversalTime());
        var essId = SigningCertificateV2.GetInstance(attributes[new DerObjectIdentifier("1.2.840.113549.1.9.16.2.47")].AttrValues[0]).GetCerts()[0];
        Assert.Equal("1.2.643.7.1.1.2.2", essId.HashAlgorithm.Algorithm.Id);
        Assert.Equal(leaf.Certificate.GetGostHash(), essId.GetCertHash());
        Assert.Equal(leaf.Certificate.Structure.SerialNumber.Value, essId.IssuerSerial.Serial.Value);
        Assert.Single(signedData.Certificates); // the signer's certificate only, by default

        var info = await new CmsSignatureVerifier().VerifyDetachedAsync(new MemoryStream(new byte[] { 1, 2, 3 }), signature);
        Assert.True(info.IsValid, string.Join("; ", info.Problems));
        Assert.Equal(time, info.SigningTime);
        Assert.True(info.HasSigningCertificateV2);
        Assert.Equal("GOST R 34.11-2012 256-bit", info.DigestAlgorithmName);
        Assert.Equal(leaf.Certificate, info.SignerCertificate);
    }

    [Fact]
    public async Task Attached_signature_over_a_request_verifies_in_openssl_and_here()
    {
        // УЦ «Основание»: the PKCS#10 signed with an attached signature including the certificate, sent as base64.
        var leaf = Leaf();
        var request = new GostCertificateRequestBuilder { Subject = GostRequestAndCertificateTests.Person(), IdentificationKind = GostIdentificationKind.RemoteWithQualifiedSignature }.Build();
        var signature = await new SoftwareGostSigner(leaf).SignAttachedAsync(new MemoryStream(request.RawData));
        var base64 = CmsEncoding.ToBase64(signature);
        Assert.StartsWith("MII", base64);
        using var openssl = new OpenSsl();
        openssl.Write("ca.pem", Root.Value.Certificate.ToPem());
        openssl.Write("request.sgn", CmsEncoding.ToPem(signature));

        openssl.RunOk("cms", "-verify", "-binary", "-inform", "PEM", "-in", "@request.sgn", "-CAfile", "@ca.pem", "-out", "@request.der");
        Assert.Equal(request.RawData, openssl.Read("request.der"));

        var info = new CmsSignatureVerifier().VerifyAttached(System.Text.Encoding.ASCII.GetBytes(base64), out var content);
        Assert.True(info.IsValid, string.Join("; ", info.Problems));
        Assert.False(info.IsDetached);
        Assert.Equal(request.RawData, content);
    }

    [Theory]
    [InlineData("gost2012_256", "A", "md_gost12_256")]
    [InlineData("gost2012_256", "XB", "md_gost12_256")]
    [InlineData("gost2012_512", "B", "md_gost12_512")]
    public async Task We_verify_signatures_that_openssl_makes(string algorithm, string paramset, string digest)
    {
        using var openssl = new OpenSsl();
        openssl.RunOk("genpkey", "-algorithm", algorithm, "-pkeyopt", "paramset:" + paramset, "-out", "@key.pem");
        openssl.RunOk("req", "-new", "-x509", "-key", "@key.pem", "-days", "30", "-subj", "/CN=openssl signer", "-out", "@cert.pem");
        var content = Content(100_000);
        openssl.Write("data.bin", content);
        openssl.RunOk("cms", "-sign", "-binary", "-md", digest, "-in", "@data.bin", "-signer", "@cert.pem", "-inkey", "@key.pem", "-outform", "DER", "-out", "@data.sig");
        openssl.RunOk("cms", "-sign", "-binary", "-nodetach", "-md", digest, "-in", "@data.bin", "-signer", "@cert.pem", "-inkey", "@key.pem", "-outform", "PEM", "-out", "@attached.pem");
        var certificate = GostCertificate.FromPem(File.ReadAllText(openssl.File("cert.pem")));
        var verifier = new CmsSignatureVerifier(new CmsVerificationOptions { TrustedRoots = { certificate } });

        var detached = await verifier.VerifyDetachedAsync(new MemoryStream(content), openssl.Read("data.sig"));
        var attached = verifier.VerifyAttached(openssl.Read("attached.pem"), out var embedded);

        Assert.True(detached.IsValid, string.Join("; ", detached.Problems));
        Assert.Equal(GostChainStatus.Trusted, detached.ChainStatus);
        Assert.Equal(certificate, detached.SignerCertificate);
        Assert.NotNull(detached.SigningTime);
        Assert.Equal(digest == "md_gost12_512" ? "1.2.643.7.1.1.2.3" : "1.2.643.7.1.1.2.2", detached.DigestAlgorithm);
        Assert.False(detached.HasSigningCertificateV2); // OpenSSL 3.0 cannot add it
        Assert.True(attached.IsValid, string.Join("; ", attached.Problems));
        Assert.Equal(content, embedded);

        content[5] ^= 0x80;
        var tampered = await verifier.VerifyDetachedAsync(new MemoryStream(content), openssl.Read("data.sig"));
        Assert.False(tampered.IsValid);
        Assert.Contains(tampered.Problems, p => p.Contains("content does not match the signature"));
    }

    [Fact]
    public async Task Tampered_signature_value_fails_with_a_reason()
    {
        var leaf = Leaf();
        var content = Content(1000);
        var signature = await new SoftwareGostSigner(leaf).SignDetachedAsync(new MemoryStream(content));
        var signedData = SignedData.GetInstance(ContentInfo.GetInstance(Asn1Object.FromByteArray(signature)).Content);
        var value = SignerInfo.GetInstance(signedData.SignerInfos[0]).EncryptedDigest.GetOctets();
        var at = signature.AsSpan().IndexOf(value);
        signature[at + 10] ^= 0x01;

        var info = await new CmsSignatureVerifier().VerifyDetachedAsync(new MemoryStream(content), signature);

        Assert.False(info.IsValid);
        Assert.False(info.IsSignatureValid);
        Assert.Contains(info.Problems, p => p.Contains("signature value does not verify"));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("truncated")]
    [InlineData("empty")]
    [InlineData("not-signed-data")]
    public async Task Broken_signatures_give_a_failed_result_never_an_exception(string kind)
    {
        var leaf = Leaf();
        var good = await new SoftwareGostSigner(leaf).SignDetachedAsync(new MemoryStream(new byte[10]));
        var signature = kind switch
        {
            "garbage" => System.Text.Encoding.ASCII.GetBytes("this is not a signature at all"),
            "truncated" => good.AsSpan(0, good.Length / 2).ToArray(),
            "empty" => Array.Empty<byte>(),
            _ => new ContentInfo(CmsObjectIdentifiers.Data, new DerOctetString(new byte[3])).GetEncoded(),
        };

        var info = await new CmsSignatureVerifier().VerifyDetachedAsync(new MemoryStream(new byte[10]), signature);

        Assert.False(info.IsValid);
        Assert.NotEmpty(info.Problems);
        Assert.Null(info.SignerCertificate);
    }

    [Fact]
    public async Task Chain_status_reports_untrusted_expired_and_partial_chains()
    {
        var leaf = Leaf();
        var content = new byte[] { 42 };
        var signature = await new SoftwareGostSigner(leaf).SignDetachedAsync(new MemoryStream(content), new CmsSignatureOptions { IncludeChain = true });
        var stranger = GostCertificateBuilder.CreateTestCertificateAuthority("Stranger");

        async Task<GostSignatureInfo> Verify(CmsVerificationOptions options, byte[]? sig = null) =>
            await new CmsSignatureVerifier(options).VerifyDetachedAsync(new MemoryStream(content), sig ?? signature);

        var trusted = await Verify(new CmsVerificationOptions { TrustedRoots = { Root.Value.Certificate } });
        Assert.Equal(GostChainStatus.Trusted, trusted.ChainStatus);
        Assert.True(trusted.IsValid);
        Assert.Equal(new[] { leaf.Certificate, Root.Value.Certificate }, trusted.Chain);

        var untrusted = await Verify(new CmsVerificationOptions { TrustedRoots = { stranger.Certificate } });
        Assert.Equal(GostChainStatus.UntrustedRoot, untrusted.ChainStatus);
        Assert.True(untrusted.IsSignatureValid);
        Assert.False(untrusted.IsValid);
        Assert.Contains(untrusted.Problems, p => p.Contains("not trusted"));

        var expired = await Verify(new CmsVerificationOptions { TrustedRoots = { Root.Value.Certificate }, VerificationTime = DateTimeOffset.UtcNow.AddYears(2) });
        Assert.Equal(GostChainStatus.Expired, expired.ChainStatus);
        Assert.False(expired.IsValid);

        var withoutChain = await new SoftwareGostSigner(leaf).SignDetachedAsync(new MemoryStream(content));
        var partial = await Verify(new CmsVerificationOptions { TrustedRoots = { stranger.Certificate } }, withoutChain);
        Assert.Equal(GostChainStatus.PartialChain, partial.ChainStatus);

        var notChecked = await Verify(new CmsVerificationOptions());
        Assert.Equal(GostChainStatus.NotChecked, notChecked.ChainStatus);
        Assert.True(notChecked.IsValid);
    }

    [Fact]
    public async Task Signature_without_certificates_verifies_with_the_certificate_given_separately()
    {
        var leaf = Leaf();
        var content = new byte[] { 1 };
        var signature = await new SoftwareGostSigner(leaf).SignDetachedAsync(new MemoryStream(content), new CmsSignatureOptions { IncludeCertificate = false, IncludeSigningCertificateV2 = false, IncludeSigningTime = false });

        var without = await new CmsSignatureVerifier().VerifyDetachedAsync(new MemoryStream(content), signature);
        Assert.False(without.IsValid);
        Assert.Contains(without.Problems, p => p.Contains("signer's certificate is neither in the signature"));

        var with = await new CmsSignatureVerifier(new CmsVerificationOptions { ExtraCertificates = { leaf.Certificate } }).VerifyDetachedAsync(new MemoryStream(content), signature);
        Assert.True(with.IsValid, string.Join("; ", with.Problems));
        Assert.Null(with.SigningTime);
        Assert.False(with.HasSigningCertificateV2);
    }

    [Fact]
    public async Task Substituted_certificate_is_caught_by_signingCertificateV2()
    {
        // Same key, another certificate: the signature value still verifies, signingCertificateV2 does not.
        var leaf = Leaf();
        var twin = new GostCertificateBuilder { Subject = new GostSubject { CommonName = "Twin" }, SerialNumber = leaf.Certificate.Structure.SerialNumber.Value.ToByteArrayUnsigned() }
            .Issue(Root.Value, leaf.PrivateKey);
        var content = new byte[] { 7 };
        var signature = await new SoftwareGostSigner(leaf).SignDetachedAsync(new MemoryStream(content), new CmsSignatureOptions { IncludeCertificate = false });

        var info = await new CmsSignatureVerifier(new CmsVerificationOptions { ExtraCertificates = { twin.Certificate } }).VerifyDetachedAsync(new MemoryStream(content), signature);

        Assert.False(info.IsValid);
        Assert.Contains(info.Problems, p => p.Contains("signingCertificateV2"));
    }

}

/// <summary>Runs without parallel tests, so that the process-wide allocation count is this test's own.</summary>
[CollectionDefinition(nameof(CmsStreamingTests), DisableParallelization = true)]
public sealed class CmsStreamingCollection;

[Collection(nameof(CmsStreamingTests))]
public class CmsStreamingTests
{
    [Fact]
    public async Task Detached_signing_and_verification_stream_large_content_without_buffering()
    {
        var leaf = new GostCertificateBuilder { Subject = new GostSubject { CommonName = "Streaming" } }.CreateSelfSigned();
        const long size = 24L * 1024 * 1024;
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(true);
        var signature = await new SoftwareGostSigner(leaf).SignDetachedAsync(new PatternStream(size));
        var info = await new CmsSignatureVerifier().VerifyDetachedAsync(new PatternStream(size), signature);
        var allocated = GC.GetTotalAllocatedBytes(true) - before;

        Assert.True(info.IsValid, string.Join("; ", info.Problems));
        // Buffering either pass would allocate at least the content size; streaming stays far below.
        Assert.True(allocated < size, "allocated " + allocated + " bytes for 2 × 24 MiB of content");
    }

    [Fact]
    public void Encodings_round_trip()
    {
        var der = new byte[] { 0x30, 0x03, 0x02, 0x01, 0xFB };
        Assert.Equal(der, CmsEncoding.Decode(CmsEncoding.ToPem(der)));
        Assert.Equal(der, CmsEncoding.Decode(CmsEncoding.ToBase64(der, true)));
        Assert.Equal(der, CmsEncoding.Decode(CmsEncoding.ToBase64Url(der)));
        Assert.Equal("MAMCAfs", CmsEncoding.ToBase64Url(der));
        Assert.StartsWith("-----BEGIN CMS-----", CmsEncoding.ToPem(der));
        Assert.Equal(der, CmsEncoding.Decode(der));
    }

    /// <summary>A non-seekable stream of generated bytes: content that never exists in memory as a whole.</summary>
    internal sealed class PatternStream(long length) : Stream
    {
        private long position;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - position);
            for (var i = 0; i < n; i++) buffer[offset + i] = (byte)((position + i) * 31 >> 3);
            position += n;
            return n;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
