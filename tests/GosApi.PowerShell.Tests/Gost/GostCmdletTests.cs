using System.Diagnostics;
using GosApi.PowerShell.Tests.Infrastructure;

namespace GosApi.PowerShell.Tests.Gost;

/// <summary>The GOST toolkit from PowerShell, checked by openssl with the gost engine as an independent verifier.</summary>
public sealed class GostCmdletTests : IDisposable
{
    private readonly ModuleHost engine = new();
    private readonly TestFiles files = new();

    public void Dispose()
    {
        engine.Dispose();
        files.Dispose();
    }

    private const string TestCa = @"
        $pw = ConvertTo-SecureString 'Pfx-Secret-42' -AsPlainText -Force
        $ca = New-GostSelfSignedCertificate -CommonName 'GosApi Test CA' -CertificateAuthority -ParameterSet Tc26256A
        $leaf = New-GostSelfSignedCertificate -CommonName 'Иванов Иван Иванович' -Snils '112-233-445 95' -Inn 500100732259 -Issuer $ca -Path leaf.pfx -Password $pw
        $ca.Certificate.ToPem() | Set-Content ca.pem
    ";

    private HostedResult Run(string script) => engine.Invoke("Set-Location $dir\n" + script, new Dictionary<string, object> { ["dir"] = files.Root });

    [Fact]
    public void Detached_signatures_verify_here_and_with_openssl_and_tampering_is_detected()
    {
        var result = Run(TestCa + @"
            'Заявление' | Set-Content req.xml -Encoding utf8
            [System.IO.File]::WriteAllBytes((Join-Path $dir 'scan.bin'), [byte[]]::new(3MB))
            $signer = Import-GostCertificate leaf.pfx -Password $pw
            New-GostSignature req.xml, scan.bin -SignWith $signer -ThrottleLimit 2 | Out-Null
            (Test-GostSignature req.xml -TrustedRoot $ca).ChainStatus
            Test-GostSignature scan.bin -TrustedRoot ca.pem -Quiet
            'changed' | Add-Content req.xml
            Test-GostSignature req.xml -Quiet").AssertSuccess();

        Assert.Equal("Trusted", result.Output[0].ToString());
        Assert.True(result.Output[1].BaseObject is true);
        Assert.True(result.Output[2].BaseObject is false);
        OpenSsl.Verify(files.Root, "scan.bin", "scan.bin.sig", "ca.pem");
    }

    [Fact]
    public void Attached_pem_signature_round_trips_its_content()
    {
        var result = Run(TestCa + @"
            'payload' | Set-Content doc.txt
            New-GostSignature doc.txt -SignWith $leaf -Attached -Encoding Pem | Out-Null
            (Get-Content doc.txt.p7m -Raw).StartsWith('-----BEGIN CMS-----')
            (Test-GostSignature doc.txt.p7m -Attached -ContentPath out.txt).IsValid
            Get-Content out.txt").AssertSuccess();
        Assert.Equal(new object[] { true, true, "payload" }, result.Output.Select(o => o.BaseObject).ToArray());
    }

    [Fact]
    public void Hash_matches_openssl_for_256_and_512()
    {
        File.WriteAllBytes(Path.Combine(files.Root, "data.bin"), Enumerable.Range(0, 100_000).Select(i => (byte)(i * 7)).ToArray());
        var result = Run("(Get-GostHash data.bin).Hash; (Get-GostHash data.bin -Algorithm Streebog512).Hash").AssertSuccess();
        Assert.Equal(OpenSsl.Digest(files.Root, "data.bin", 256), result.Output[0].ToString(), ignoreCase: true);
        Assert.Equal(OpenSsl.Digest(files.Root, "data.bin", 512), result.Output[1].ToString(), ignoreCase: true);
    }

    [Fact]
    public void Certificate_request_has_the_russian_fields_and_verifies_with_openssl()
    {
        var result = Run(@"
            $pw = ConvertTo-SecureString 'Key-Secret-42' -AsPlainText -Force
            New-GostCertificateRequest -CommonName 'ООО Ромашка' -InnLe 7707083893 -Ogrn 1027700132195 -Snils '112-233-445 95' -IdentificationKind Personal -ParameterSet Tc26512A -Path req.pem -KeyPath key.pem -KeyPassword $pw").AssertSuccess();
        var request = Assert.Single(result.Output);
        Assert.Equal(Path.Combine(files.Root, "key.pem"), request.Get<string>("KeyPath"));
        Assert.StartsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----", File.ReadAllText(Path.Combine(files.Root, "key.pem")));
        var text = OpenSsl.Run(files.Root, "req -in req.pem -noout -verify -text");
        Assert.Contains("verify OK", text);
        Assert.Contains("1.2.643.100.114", text);
        Assert.Contains("7707083893", text);
    }

    [Fact]
    public void Bad_subject_fields_are_rejected_before_any_key_is_made()
    {
        var result = Run(@"
            $pw = ConvertTo-SecureString 'x1234567' -AsPlainText -Force
            New-GostCertificateRequest -CommonName 'X' -Snils '112-233-445 96' -Inn 7707083894 -Path r.pem -KeyPath k.pem -KeyPassword $pw");
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("Gost.InvalidArgument", error.FullyQualifiedErrorId);
        Assert.Contains("SNILS 112-233-445 96: checksum is 96, expected 95", error.ToString());
        Assert.False(File.Exists(Path.Combine(files.Root, "k.pem")));
    }

    [Fact]
    public void Openssl_signer_signs_with_a_key_file_and_we_verify_it()
    {
        var result = Run(TestCa + @"
            $leaf.Certificate.ToPem() | Set-Content leaf.pem
            $leaf.PrivateKey.ExportEncryptedPkcs8Pem($pw) | Set-Content leaf.key
            'data' | Set-Content f.txt
            $signer = New-GostSigner leaf.pem -KeyPath leaf.key -Password $pw
            New-GostSignature f.txt -SignWith $signer | Out-Null
            (Test-GostSignature f.txt -TrustedRoot $ca).IsValid").AssertSuccess();
        Assert.True(result.Output.Last().BaseObject is true);
    }

    [Fact]
    public void Certificates_and_keys_import_from_pem_and_der_files()
    {
        var result = Run(TestCa + @"
            $leaf.Certificate.ToPem() + $leaf.PrivateKey.ExportEncryptedPkcs8Pem($pw) | Set-Content both.pem
            [System.IO.File]::WriteAllBytes((Join-Path $dir 'leaf.cer'), $leaf.Certificate.RawData)
            [System.IO.File]::WriteAllBytes((Join-Path $dir 'leaf.der.key'), $leaf.PrivateKey.ExportEncryptedPkcs8($pw))
            (Import-GostCertificate both.pem -Password $pw).GetType().Name
            (Import-GostCertificate leaf.cer -KeyPath leaf.der.key -Password $pw).Certificate.Thumbprint -eq $leaf.Certificate.Thumbprint
            (Import-GostCertificate ca.pem).IsCa").AssertSuccess();
        Assert.Equal(new object[] { "GostCredential", true, true }, result.Output.Select(o => o.BaseObject).ToArray());
    }

    [Fact]
    public void Content_of_an_invalid_attached_signature_is_not_written()
    {
        var result = Run(TestCa + @"
            'payload' | Set-Content doc.txt
            $sig = New-GostSignature doc.txt -SignWith $leaf -Attached
            $bytes = [System.IO.File]::ReadAllBytes($sig.SignaturePath)
            $i = [Array]::IndexOf($bytes, [byte][char]'p'); $bytes[$i] = [byte][char]'P'
            [System.IO.File]::WriteAllBytes((Join-Path $dir 'bad.p7m'), $bytes)
            (Test-GostSignature bad.p7m -Attached -ContentPath out.txt -WarningAction SilentlyContinue).IsValid
            Test-Path out.txt").AssertSuccess();
        Assert.Equal(new object[] { false, false }, result.Output.Select(o => o.BaseObject).ToArray());
    }

    [Fact]
    public void Key_material_and_passwords_never_show()
    {
        var result = Run(TestCa + @"
            $leaf | Format-List * -Force | Out-String
            $leaf.PrivateKey | Format-List * -Force | Out-String
            Import-GostCertificate leaf.pfx -Password $pw | Format-List * -Force | Out-String
            Import-GostCertificate leaf.pfx -Password (ConvertTo-SecureString 'wrong-password' -AsPlainText -Force)");
        var everything = result.Everything();
        Assert.DoesNotContain("Pfx-Secret-42", everything);
        Assert.DoesNotContain("BEGIN PRIVATE KEY", everything);
        Assert.DoesNotContain("wrong-password", everything);
        Assert.Contains(result.Errors, e => e.FullyQualifiedErrorId.StartsWith("Gost."));
    }
}

/// <summary>openssl 3 with the gost engine (Debian: libengine-gost-openssl; .ci/run installs it).</summary>
internal static class OpenSsl
{
    private static readonly Lazy<string> Config = new(() =>
    {
        var engine = new[] { "/usr/lib/x86_64-linux-gnu/engines-3/gost.so", "/usr/lib/aarch64-linux-gnu/engines-3/gost.so" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("openssl's gost engine is missing: apt-get install libengine-gost-openssl");
        var path = Path.Combine(Path.GetTempPath(), "gosapi-openssl-gost.cnf");
        File.WriteAllText(path, $"openssl_conf = oc\n[oc]\nengines = es\n[es]\ngost = gs\n[gs]\nengine_id = gost\ndynamic_path = {engine}\ndefault_algorithms = ALL\n");
        return path;
    });

    public static string Run(string directory, string arguments)
    {
        var start = new ProcessStartInfo("openssl", arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["OPENSSL_CONF"] = Config.Value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var text = output.Result + error;
        Assert.True(process.ExitCode == 0, $"openssl {arguments} failed: {text}");
        return text;
    }

    public static void Verify(string directory, string content, string signature, string caFile) =>
        Assert.Contains("Verification successful", Run(directory, $"cms -verify -binary -inform DER -in {signature} -content {content} -CAfile {caFile} -out /dev/null"));

    public static string Digest(string directory, string file, int bits) =>
        Run(directory, $"dgst -md_gost12_{bits} -r {file}").Split(' ')[0].Trim();
}
