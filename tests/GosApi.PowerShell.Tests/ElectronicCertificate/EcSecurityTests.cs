using GosApi.PowerShell.Tests.Infrastructure;
using GosApi.Sandbox;
using static GosApi.PowerShell.Tests.ElectronicCertificate.EcScripts;

namespace GosApi.PowerShell.Tests.ElectronicCertificate;

/// <summary>Answers are trusted only when signed with the shared secret; secrets never reach any stream.</summary>
public sealed class EcSecurityTests : IClassFixture<EcFixture>, IDisposable
{
    private readonly EcFixture fx;

    public EcSecurityTests(EcFixture fx) => this.fx = fx;

    public void Dispose()
    {
        fx.Sandbox.Faults.Clear();
        fx.ConnectEc();
    }

    private static System.Management.Automation.ErrorRecord Failure(HostedResult result) => Assert.Single(result.AllErrors);

    [Theory]
    [InlineData(FaultKind.TamperBody, "does not match")]
    [InlineData(FaultKind.DropSignature, "no x-jws-signature")]
    public void A_tampered_or_unsigned_acknowledgement_is_a_security_error_that_still_names_the_request(FaultKind kind, string reason)
    {
        fx.Sandbox.Faults.Add(new FaultRule { Kind = kind, PathPrefix = "/api/1.2.1-У/ес/ec-create" });
        var result = fx.Engine.Invoke(Helpers + "New-Row | New-ElectronicCertificate");
        var error = Failure(result);
        Assert.StartsWith("ElectronicCertificate.InvalidResponseSignature", error.FullyQualifiedErrorId);
        Assert.Equal(System.Management.Automation.ErrorCategory.SecurityError, error.CategoryInfo.Category);
        Assert.Contains(reason, error.ErrorDetails!.Message);
        Assert.Contains("request 1 (input records 1–1", error.ErrorDetails.Message);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void A_tampered_statement_is_rejected()
    {
        var number = fx.Engine.Invoke(Helpers + "New-Row | New-ElectronicCertificate | Wait-ElectronicCertificateTask -PollingIntervalSec 1 | Receive-ElectronicCertificateTaskResult")
            .AssertSuccess().Output.Single().Get<string>("CertificateNumber");
        fx.Sandbox.Faults.Add(new FaultRule { Kind = FaultKind.TamperBody, PathPrefix = "/api/1.2.1-У/ес/ec-detailed-statement" });
        var result = fx.Engine.Invoke("Get-ElectronicCertificate $cn", new Dictionary<string, object> { ["cn"] = number });
        Assert.StartsWith("ElectronicCertificate.InvalidResponseSignature", Failure(result).FullyQualifiedErrorId);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void A_wrong_shared_secret_is_refused_and_the_signed_refusal_cannot_be_verified_either()
    {
        fx.ConnectEc(secret: "not-the-shared-secret-of-this-key");
        var result = fx.Engine.Invoke(Helpers + "New-Row | New-ElectronicCertificate");
        var error = Failure(result);
        Assert.StartsWith("ElectronicCertificate.InvalidResponseSignature", error.FullyQualifiedErrorId);
        Assert.Contains("HTTP 401", error.ErrorDetails!.Message);
        Assert.Contains("SharedSecret", error.ErrorDetails.RecommendedAction);
        Assert.Contains(fx.Sandbox.Requests, r => r.Path.EndsWith("/ec-create", StringComparison.Ordinal) && r.StatusCode == 401);
    }

    [Fact]
    public void An_unknown_api_key_gets_an_unsigned_401_which_is_reported_as_such()
    {
        fx.ConnectEc(apiKey: "unknown-api-key-123");
        var result = fx.Engine.Invoke("Get-ElectronicCertificate ('1' * 25)");
        var error = Failure(result);
        Assert.StartsWith("ElectronicCertificate.InvalidResponseSignature", error.FullyQualifiedErrorId);
        Assert.Contains("HTTP 401", error.ErrorDetails!.Message);
        Assert.Contains("ApiKey", error.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public void A_signed_service_error_keeps_its_code_and_meaning()
    {
        var result = fx.Engine.Invoke("Get-ElectronicCertificate ('1' * 25)");
        var error = Failure(result);
        Assert.StartsWith("ElectronicCertificate.EC00216", error.FullyQualifiedErrorId);
        Assert.Equal(System.Management.Automation.ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Contains("Не найден социальный сертификат", error.ErrorDetails!.Message);
        Assert.Contains("x-request-id", error.ErrorDetails.Message);
    }

    [Fact]
    public void A_503_on_a_read_is_retried_and_a_create_is_not_repeated_blindly()
    {
        fx.Sandbox.Faults.Add(new FaultRule { Kind = FaultKind.Status, StatusCode = 503, PathPrefix = "/api/1.2.1-У/ес/ec-tasks-status", Count = 1 });
        fx.Engine.Invoke("Get-ElectronicCertificateTask | Out-Null").AssertSuccess();
        fx.Sandbox.Faults.Add(new FaultRule { Kind = FaultKind.Status, StatusCode = 503, PathPrefix = "/api/1.2.1-У/ес/ec-create", Count = 1 });
        var before = fx.Sandbox.Requests.Count(r => r.Path.EndsWith("/ec-create", StringComparison.Ordinal));
        var result = fx.Engine.Invoke(Helpers + "New-Row | New-ElectronicCertificate");
        Assert.Equal(1, fx.Sandbox.Requests.Count(r => r.Path.EndsWith("/ec-create", StringComparison.Ordinal)) - before);
        Assert.StartsWith("ElectronicCertificate.503", Failure(result).FullyQualifiedErrorId);
    }

    [Fact]
    public void Api_key_and_shared_secret_never_reach_any_stream_even_with_debug_tracing_and_failures()
    {
        fx.Sandbox.Faults.Add(new FaultRule { Kind = FaultKind.TamperBody, PathPrefix = "/api/1.2.1-У/ес/ec-edit" });
        var result = fx.Engine.Invoke(Helpers + @"
            $DebugPreference = 'Continue'; $VerbosePreference = 'Continue'
            $session = Connect-ElectronicCertificateService -BaseUri $ecUri -ApiKey (ConvertTo-SecureString $ecKey -AsPlainText -Force) `
                -SharedSecret (ConvertTo-SecureString $ecSecret -AsPlainText -Force) -RetryDelay 00:00:00.05 -PassThru
            $session; $session | Format-List * -Force | Out-String; $session | ConvertTo-Json -Depth 3 -WarningAction SilentlyContinue
            $sent = New-Row | New-ElectronicCertificate
            $sent | Format-List * | Out-String
            $sent | Wait-ElectronicCertificateTask -PollingIntervalSec 1 | Receive-ElectronicCertificateTaskResult | Format-List * | Out-String
            Set-ElectronicCertificate -FactAssignmentUuid (New-Guid) -CertificateNumber ('1' * 25) -PhoneNumber 9100000000 -ErrorAction Continue
            Get-ElectronicCertificate ('1' * 25) -ErrorAction Continue
            $Error | ForEach-Object { $_ | Format-List * -Force | Out-String; $_.Exception | Format-List * -Force | Out-String }
        ", new Dictionary<string, object> { ["ecUri"] = fx.BaseUri, ["ecKey"] = fx.Client.ApiKey, ["ecSecret"] = fx.Client.SharedSecret });

        Assert.NotEmpty(result.Debug);
        Assert.NotEmpty(result.AllErrors);
        Assert.Contains(fx.Sandbox.Requests, r => r.Headers.TryGetValue("x-api-key", out var key) && key == fx.Client.ApiKey);
        var everything = result.Everything();
        Assert.DoesNotContain(fx.Client.ApiKey, everything);
        Assert.DoesNotContain(fx.Client.SharedSecret, everything);
    }
}
