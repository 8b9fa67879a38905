using System.Runtime.InteropServices;
using GosApi.Crypto.Cms;
using GosApi.Crypto.Pki;
using GosApi.Crypto.Signers;
using Xunit;

namespace GosApi.Core.Tests.Crypto;

public class ExternalSignerTests
{
    private static GostCredential Credential(GostParameterSet set = GostParameterSet.CryptoProA) =>
        new GostCertificateBuilder { Subject = new GostSubject { CommonName = "External signer" }, ParameterSet = set }.CreateSelfSigned();

    [Theory]
    [InlineData(GostParameterSet.CryptoProA)]
    [InlineData(GostParameterSet.Tc26512B)]
    public async Task Openssl_signer_makes_signatures_we_and_openssl_verify(GostParameterSet set)
    {
        var credential = Credential(set);
        using var openssl = new OpenSsl();
        var certPath = openssl.Write("signer.pem", credential.Certificate.ToPem());
        var keyPath = openssl.Write("signer.key", credential.PrivateKey.ExportEncryptedPkcs8Pem("ключ"));
        var contentPath = openssl.Write("document.xml", "<req>данные</req>");
        var signer = new OpenSslGostSigner(certPath, keyPath, GostPrivateKeyTests.Secure("ключ"));
        var verifier = new CmsSignatureVerifier(new CmsVerificationOptions { TrustedRoots = { credential.Certificate } });

        byte[] detached;
        await using (var file = File.OpenRead(contentPath)) detached = await signer.SignDetachedAsync(file); // by path
        var attached = await signer.SignAttachedAsync(new MemoryStream(File.ReadAllBytes(contentPath)));  // through stdin

        Assert.Equal(credential.Certificate, signer.Certificate);
        var info = await verifier.VerifyDetachedFileAsync(contentPath, openssl.Write("document.xml.sig", detached));
        Assert.True(info.IsValid, string.Join("; ", info.Problems));
        Assert.Equal(GostChainStatus.Trusted, info.ChainStatus);
        Assert.Equal(set.KeySize() == 512 ? GostParameterSets.Digest512Oid : GostParameterSets.Digest256Oid, info.DigestAlgorithm);
        var attachedInfo = verifier.VerifyAttached(attached, out var content);
        Assert.True(attachedInfo.IsValid, string.Join("; ", attachedInfo.Problems));
        Assert.Equal(File.ReadAllBytes(contentPath), content);
        Assert.Contains("Verification successful", openssl.RunOk("cms", "-verify", "-binary", "-inform", "DER", "-in", "@document.xml.sig", "-content", "@document.xml", "-CAfile", "@signer.pem", "-out", "/dev/null"));
    }

    [Fact]
    public async Task Openssl_signer_reports_a_wrong_key_password()
    {
        var credential = Credential();
        using var openssl = new OpenSsl();
        var signer = new OpenSslGostSigner(openssl.Write("c.pem", credential.Certificate.ToPem()), openssl.Write("k.pem", credential.PrivateKey.ExportEncryptedPkcs8Pem("right")), GostPrivateKeyTests.Secure("Zq9-not-it"));

        var error = await Assert.ThrowsAsync<GostCryptoException>(() => signer.SignDetachedAsync(new MemoryStream(new byte[] { 1 })));

        Assert.Contains("openssl could not sign", error.Message);
        Assert.DoesNotContain("Zq9-not-it", error.Message); // the password is never echoed
    }

    [Fact]
    public void Openssl_command_keeps_the_password_off_the_command_line()
    {
        var credential = Credential();
        using var openssl = new OpenSsl();
        var signer = new OpenSslGostSigner(openssl.Write("c.pem", credential.Certificate.ToPem()), openssl.Write("k.pem", credential.PrivateKey.ExportEncryptedPkcs8Pem("pw-123")), GostPrivateKeyTests.Secure("pw-123"));

        var command = signer.BuildCommand("/data/a b.xml", detached: true, new CmsSignatureOptions { IncludeCertificate = false });

        Assert.Equal(new[] { "cms", "-sign", "-engine", "gost", "-binary", "-md", "md_gost12_256" }, command.Arguments.Take(7));
        Assert.Contains("env:" + OpenSslGostSigner.PasswordVariable, command.Arguments);
        Assert.Contains("-nocerts", command.Arguments);
        Assert.DoesNotContain("-nodetach", command.Arguments);
        Assert.DoesNotContain(command.Arguments, a => a.Contains("pw-123"));
        Assert.EndsWith("-in \"/data/a b.xml\"", command.Display);
        Assert.Contains("-nodetach", signer.BuildCommand(null, detached: false).Arguments);
    }

    private static GostCertificate Certificate() => Credential().Certificate;

    [Fact]
    public void Cryptcp_command_for_a_detached_cades_signature()
    {
        var certificate = Certificate();
        var signer = new CryptoProCryptcpSigner(certificate, new CryptoProCryptcpOptions { CryptcpPath = "/opt/cprocsp/bin/amd64/cryptcp" });

        var command = signer.BuildCommand("/in/req.xml", "/out/req.xml.sig", detached: true);

        Assert.Equal("/opt/cprocsp/bin/amd64/cryptcp", command.FileName);
        Assert.Equal(new[] { "-sign", "-thumbprint", certificate.Thumbprint, "-uMy", "-detached", "-der", "-addsigtime", "-cadesbes", "/in/req.xml", "/out/req.xml.sig" }, command.Arguments);
    }

    [Fact]
    public void Cryptcp_command_options_map_to_flags_and_the_pin_is_masked()
    {
        var certificate = Certificate();
        var signer = new CryptoProCryptcpSigner(certificate, new CryptoProCryptcpOptions
        {
            CryptcpPath = @"C:\Program Files\Crypto Pro\CSP\cryptcp.exe",
            MachineStore = true,
            CheckChain = false,
            Pin = GostPrivateKeyTests.Secure("12345678"),
        });

        var attached = signer.BuildCommand(@"C:\in\request.p10", @"C:\out\request.sgn", detached: false,
            new CmsSignatureOptions { IncludeSigningTime = false, IncludeSigningCertificateV2 = false, IncludeChain = true });
        var noCert = signer.BuildCommand("in", "out", detached: true, new CmsSignatureOptions { IncludeCertificate = false });

        Assert.Equal(new[] { "-sign", "-thumbprint", certificate.Thumbprint, "-mMy", "-der", "-chain", "-nochain", "-norev", "-pin", "12345678", @"C:\in\request.p10", @"C:\out\request.sgn" }, attached.Arguments);
        Assert.DoesNotContain("12345678", attached.Display);
        Assert.Contains("-pin *** ", attached.Display);
        Assert.StartsWith("\"C:\\Program Files\\Crypto Pro\\CSP\\cryptcp.exe\" -sign", attached.Display);
        Assert.Contains("-nocert", noCert.Arguments);
        Assert.DoesNotContain("-chain", noCert.Arguments);
    }

    [Fact]
    public async Task Cryptcp_signer_runs_the_command_and_reads_the_signature_file()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux)) return; // the stand-in is a shell script
        using var openssl = new OpenSsl();
        // A stand-in for cryptcp: writes its arguments (one per line) as the "signature" to the last argument.
        var fake = openssl.Write("cryptcp", "#!/bin/sh\nfor last; do :; done\nprintf '%s\\n' \"$@\" > \"$last\"\n");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var certificate = Certificate();
        var signer = new CryptoProCryptcpSigner(certificate, new CryptoProCryptcpOptions { CryptcpPath = fake });

        var output = System.Text.Encoding.UTF8.GetString(await signer.SignDetachedAsync(new MemoryStream(new byte[] { 1, 2, 3 })));

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("-sign", lines[0]);
        Assert.Equal(certificate.Thumbprint, lines[2]);
        Assert.EndsWith("content.bin", lines[^2]); // a non-file stream went through a temporary file
        Assert.False(File.Exists(lines[^2]));      // which is removed afterwards
    }

    [Fact]
    public async Task Cryptcp_signer_reports_a_missing_cryptcp()
    {
        var signer = new CryptoProCryptcpSigner(Certificate(), new CryptoProCryptcpOptions { CryptcpPath = "/nonexistent/cryptcp" });
        var error = await Assert.ThrowsAsync<GostCryptoException>(() => signer.SignDetachedAsync(new MemoryStream(new byte[] { 1 })));
        Assert.Contains("/nonexistent/cryptcp", error.Message);
    }
}
