using GosApi.Crypto.Pki;
using Xunit;

namespace GosApi.Core.Tests.Crypto;

public class GostPfxTests
{
    [Theory]
    [InlineData("gost2012_256", "A", new string[0])]                                                                  // OpenSSL 3 default: PBES2 AES-256, HMAC-SHA256
    [InlineData("gost2012_256", "TCA", new[] { "-keypbe", "gost89", "-certpbe", "gost89", "-macalg", "md_gost12_512" })] // TC26 / CryptoPro CSP 5 profile
    [InlineData("gost2012_512", "A", new[] { "-keypbe", "gost89", "-certpbe", "gost89", "-macalg", "md_gost12_256" })]
    [InlineData("gost2012_256", "XA", new[] { "-keypbe", "PBE-SHA1-3DES", "-certpbe", "PBE-SHA1-3DES", "-macalg", "sha1" })] // legacy PKCS#12 PBE
    public void We_import_pfx_files_that_openssl_exports(string algorithm, string paramset, string[] exportOptions)
    {
        using var openssl = new OpenSsl();
        openssl.RunOk("genpkey", "-algorithm", algorithm, "-pkeyopt", "paramset:" + paramset, "-out", "@key.pem");
        openssl.RunOk("req", "-new", "-x509", "-key", "@key.pem", "-days", "30", "-subj", "/CN=PFX test", "-out", "@cert.pem");
        openssl.RunOk(new[] { "pkcs12", "-export", "-inkey", "@key.pem", "-in", "@cert.pem", "-out", "@a.pfx", "-passout", "pass:Пароль 1" }.Concat(exportOptions).ToArray());

        var credential = GostPfx.Import(openssl.Read("a.pfx"), "Пароль 1");

        var (_, _, openSslPublic) = openssl.Run("pkey", "-in", "@key.pem", "-pubout", "-outform", "DER");
        Assert.Equal(openSslPublic, credential.PrivateKey.ExportSubjectPublicKeyInfo());
        Assert.Equal(GostCertificate.FromPem(File.ReadAllText(openssl.File("cert.pem"))), credential.Certificate);
        Assert.Empty(credential.Chain);
        var wrong = Assert.Throws<GostCryptoException>(() => GostPfx.Import(openssl.Read("a.pfx"), "пароль 1"));
        Assert.Contains("password is wrong", wrong.Message);
    }

    [Fact]
    public void Gost_pfx_with_a_certificate_over_1024_bytes_decrypts_with_key_meshing()
    {
        var builder = new GostCertificateBuilder { Subject = new GostSubject { CommonName = "Big" } };
        builder.AddExtension("1.2.3.4.5", false, new Org.BouncyCastle.Asn1.DerOctetString(new byte[3000]).GetEncoded());
        var big = builder.CreateSelfSigned();
        using var openssl = new OpenSsl();
        openssl.Write("key.pem", big.PrivateKey.ExportUnencryptedPkcs8Pem());
        openssl.Write("cert.pem", big.Certificate.ToPem());
        openssl.RunOk("pkcs12", "-export", "-inkey", "@key.pem", "-in", "@cert.pem", "-out", "@a.pfx", "-passout", "pass:x", "-keypbe", "gost89", "-certpbe", "gost89", "-macalg", "md_gost12_512");
        var certificate = GostCertificate.FromPem(File.ReadAllText(openssl.File("cert.pem")));
        Assert.True(certificate.RawData.Length > 2048);

        var credential = GostPfx.Import(openssl.Read("a.pfx"), "x");

        Assert.Equal(certificate, credential.Certificate);
    }

    [Fact]
    public void Openssl_reads_the_pfx_we_export_with_its_chain()
    {
        var ca = GostCertificateBuilder.CreateTestCertificateAuthority("PFX CA");
        var leaf = new GostCertificateBuilder { Subject = new GostSubject { CommonName = "Leaf" }, ParameterSet = GostParameterSet.Tc26512B }.Issue(ca);
        var pfx = GostPfx.Export(leaf, GostPrivateKeyTests.Secure("секрет"), "leaf");
        using var openssl = new OpenSsl();
        openssl.Write("leaf.pfx", pfx);

        var info = openssl.RunOk("pkcs12", "-in", "@leaf.pfx", "-passin", "pass:секрет", "-info", "-noout");
        openssl.RunOk("pkcs12", "-in", "@leaf.pfx", "-passin", "pass:секрет", "-nocerts", "-nodes", "-out", "@key.pem");
        openssl.RunOk("pkcs12", "-in", "@leaf.pfx", "-passin", "pass:секрет", "-nokeys", "-out", "@certs.pem");
        var (_, _, publicKey) = openssl.Run("pkey", "-in", "@key.pem", "-pubout", "-outform", "DER");

        Assert.Contains("PBES2, PBKDF2, AES-256-CBC", info);
        Assert.Contains("MAC: sha256", info);
        Assert.Equal(leaf.PrivateKey.ExportSubjectPublicKeyInfo(), publicKey);
        var certificates = GostCertificate.LoadAll(openssl.Read("certs.pem"));
        Assert.Equal(new[] { leaf.Certificate, ca.Certificate }.OrderBy(c => c.Thumbprint), certificates.OrderBy(c => c.Thumbprint));
        var (exit, _, _) = openssl.Run("pkcs12", "-in", "@leaf.pfx", "-passin", "pass:wrong", "-info", "-noout");
        Assert.NotEqual(0, exit);

        var back = GostPfx.Import(pfx, "секрет");
        Assert.Equal(leaf.Certificate, back.Certificate);
        Assert.Equal(new[] { ca.Certificate }, back.Chain);
    }

    [Fact]
    public void A_changed_pfx_fails_its_integrity_check()
    {
        var credential = new GostCertificateBuilder { Subject = new GostSubject { CommonName = "X" } }.CreateSelfSigned();
        var pfx = GostPfx.Export(credential, "pw");
        pfx[pfx.Length / 2] ^= 0x01;

        var error = Assert.ThrowsAny<GostCryptoException>(() => GostPfx.Import(pfx, "pw"));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void Pem_certificate_and_key_make_a_credential()
    {
        var ca = GostCertificateBuilder.CreateTestCertificateAuthority("PEM CA");
        var leaf = new GostCertificateBuilder { Subject = new GostSubject { CommonName = "Leaf" } }.Issue(ca);

        var credential = GostPfx.ImportPem(leaf.Certificate.ToPem() + ca.Certificate.ToPem(), leaf.PrivateKey.ExportEncryptedPkcs8Pem("k"), "k");
        Assert.Equal(leaf.Certificate, credential.Certificate);
        Assert.Equal(new[] { ca.Certificate }, credential.Chain);

        var combined = GostPfx.ImportPem(leaf.PrivateKey.ExportUnencryptedPkcs8Pem() + leaf.Certificate.ToPem());
        Assert.Equal(leaf.Certificate, combined.Certificate);

        var other = GostPrivateKey.Generate(GostParameterSet.CryptoProA);
        var mismatch = Assert.Throws<GostCryptoException>(() => GostPfx.ImportPem(leaf.Certificate.ToPem(), other.ExportUnencryptedPkcs8Pem(), (string?)null));
        Assert.Contains("None of the certificates belongs to the private key", mismatch.Message);
    }
}
