using GosApi.PowerShell.Tests.Infrastructure;
using GosApi.Sandbox.Esia;

namespace GosApi.PowerShell.Tests.Gost;

/// <summary>GOST signatures in the EPGU flow: the ESIA API-key token, signed packages, and their verification.</summary>
public sealed class EpguSigningTests : IClassFixture<SandboxFixture>, IDisposable
{
    private readonly SandboxFixture fx;
    private readonly TestFiles files = new();

    public EpguSigningTests(SandboxFixture fx)
    {
        this.fx = fx;
        fx.Sandbox.ClearRequests();
    }

    public void Dispose() => files.Dispose();

    /// <summary>A PFX from the sandbox's test CA (as a УЦ would issue) and the CA certificate, written into the test folder.</summary>
    private Dictionary<string, object> Organisation(out string apiKey)
    {
        var key = fx.Sandbox.RegisterApiKey();
        apiKey = key.ApiKey;
        var certificate = fx.Sandbox.IssueTestCertificate(new TestCertificateRequest { CommonName = "ООО Ромашка", Password = "Pfx-Secret-7" });
        File.WriteAllBytes(Path.Combine(files.Root, "org.pfx"), certificate.Pkcs12!);
        File.WriteAllBytes(Path.Combine(files.Root, "sandbox-ca.cer"), fx.Sandbox.EsiaCaCertificate);
        return new Dictionary<string, object> { ["dir"] = files.Root, ["baseUri"] = fx.Sandbox.BaseUri, ["apiKey"] = key.ApiKey };
    }

    private const string ConnectByApiKey = @"
        Set-Location $dir
        $org = Import-GostCertificate org.pfx -Password (ConvertTo-SecureString 'Pfx-Secret-7' -AsPlainText -Force)
        $session = Connect-Epgu -BaseUri $baseUri -ApiKey (ConvertTo-SecureString $apiKey -AsPlainText -Force) -SignWith $org -RetryDelay 00:00:00.05
    ";

    [Fact]
    public void Api_key_flow_gets_a_token_from_esia_and_the_key_never_shows()
    {
        var result = fx.Engine.Invoke(ConnectByApiKey + @"
            $DebugPreference = 'Continue'; $VerbosePreference = 'Continue'
            $session.AuthenticationMethod
            New-EpguOrder -ServiceCode 10000092161 -TargetCode -1959599598 -Region 45000000000
            $session | Format-List * -Force | Out-String", Organisation(out var apiKey)).AssertSuccess();

        Assert.Equal("ApiKey", result.Output[0].ToString());
        Assert.Single(result.Output.OfType("GosApi.Epgu.Models.EpguOrder"));
        Assert.Contains(fx.Sandbox.Requests, r => r.Path.StartsWith("/esia-rs/api/public/v1/orgs/ext-app/") && r.StatusCode == 200);
        Assert.DoesNotContain(apiKey, result.Everything());
    }

    [Fact]
    public void A_certificate_esia_does_not_trust_is_a_clear_error_at_connect()
    {
        var vars = Organisation(out _);
        var result = fx.Engine.Invoke(@"
            Set-Location $dir
            $ca = New-GostSelfSignedCertificate -CommonName 'Not the УЦ' -CertificateAuthority
            $stranger = New-GostSelfSignedCertificate -CommonName 'ООО Ромашка' -Issuer $ca
            Connect-Epgu -BaseUri $baseUri -ApiKey (ConvertTo-SecureString $apiKey -AsPlainText -Force) -SignWith $stranger", vars);
        var error = Assert.Single(result.AllErrors);
        Assert.StartsWith("Epgu.ESIA-", error.FullyQualifiedErrorId);
        Assert.Equal(System.Management.Automation.ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
    }

    [Fact]
    public void Signed_package_verifies_and_goes_through_a_service_that_requires_signatures()
    {
        var result = fx.Engine.Invoke(ConnectByApiKey + @"
            '<Request/>' | Set-Content req.xml
            [System.IO.File]::WriteAllBytes((Join-Path $dir 'scan.pdf'), [byte[]](1..200))
            $package = New-EpguPackage req.xml, scan.pdf -Destination signed.zip -SignWith $org
            $package.Files -join ','
            $report = Test-EpguPackage signed.zip -RequireSignatures -TrustedRoot sandbox-ca.cer
            $report.IsValid
            $report.Signatures.Count
            $upload = Send-EpguPackage -Path signed.zip -ServiceCode 10000001020 -TargetCode -10000001020 -Region 45000000000
            ($upload | Wait-EpguOrder -Timeout 60 -PollIntervalSec 0.2).StatusId", Organisation(out _)).AssertSuccess();

        Assert.Equal("req.xml,scan.pdf,req.xml.sig,scan.pdf.sig", result.Output[0].ToString());
        Assert.True(result.Output[1].BaseObject is true);
        Assert.Equal(2, Convert.ToInt32(result.Output[2].BaseObject));
        Assert.Equal(3, Convert.ToInt32(result.Output[3].BaseObject));
    }

    [Fact]
    public void A_signature_of_other_content_is_reported_by_test_epgu_package()
    {
        var result = fx.Engine.Invoke(@"
            Set-Location $dir
            $org = Import-GostCertificate org.pfx -Password (ConvertTo-SecureString 'Pfx-Secret-7' -AsPlainText -Force)
            'original' | Set-Content req.xml
            New-GostSignature req.xml -SignWith $org | Out-Null
            'forged' | Set-Content req.xml
            $package = New-EpguPackage req.xml, req.xml.sig -Destination forged.zip -RequireSignatures
            $report = Test-EpguPackage forged.zip
            $report.IsValid
            ($report.Violations | Where-Object Rule -eq InvalidSignature).Count", Organisation(out _)).AssertSuccess();
        Assert.True(result.Output[0].BaseObject is false);
        Assert.Equal(1, Convert.ToInt32(result.Output[1].BaseObject));
    }
}
