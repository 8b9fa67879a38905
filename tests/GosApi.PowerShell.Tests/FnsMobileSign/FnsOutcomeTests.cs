using GosApi.PowerShell.Tests.Infrastructure;
using GosApi.Sandbox;
using static GosApi.PowerShell.Tests.FnsMobileSign.FnsScripts;

namespace GosApi.PowerShell.Tests.FnsMobileSign;

/// <summary>
/// A slower sandbox clock (the simulated client signs 3 s after a workflow is created), so that the test can refuse
/// or fail a signing workflow before the client signs it even on a loaded machine.
/// </summary>
public sealed class SlowFnsFixture : FnsFixture
{
    protected override SandboxOptions CreateOptions() => new() { ClockSpeed = 20 };
}

/// <summary>Refused and failed signings surface as clear results.</summary>
public sealed class FnsOutcomeTests : IClassFixture<SlowFnsFixture>, IDisposable
{
    private const string SignedType = "GosApi.FnsMobileSign.Models.FnsSignedDocument";
    private const string WorkflowType = "GosApi.FnsMobileSign.Models.FnsWorkflow";
    private readonly SlowFnsFixture fx;
    private readonly TestFiles files = new();

    public FnsOutcomeTests(SlowFnsFixture fx) => this.fx = fx;

    public void Dispose() => files.Dispose();

    private HostedResult Invoke(string script, Dictionary<string, object>? variables = null)
    {
        var all = new Dictionary<string, object> { ["dir"] = files.Root, ["consumer"] = fx.Signer.Id, ["inn"] = fx.Signer.Inn, ["phone"] = fx.Signer.Phone, ["ca"] = fx.CaFile };
        if (variables != null) foreach (var pair in variables) all[pair.Key] = pair.Value;
        return fx.Engine.Invoke(Helpers + script, all);
    }

    [Fact]
    public void A_refusal_and_an_error_come_back_as_clear_results()
    {
        var refused = Invoke("$w = New-FnsWorkflow -Type DocumentSigning -ConsumerId $consumer -Path (New-Doc 'r.txt'); $w.Id").AssertSuccess();
        var refusedId = Convert.ToInt64(refused.Output.Single().BaseObject);
        fx.Sandbox.RejectFnsSigning(refusedId);
        var failed = Invoke("$w = New-FnsWorkflow -Type DocumentSigning -ConsumerId $consumer -Path (New-Doc 'f.txt'); $w.Id").AssertSuccess();
        var failedId = Convert.ToInt64(failed.Output.Single().BaseObject);
        fx.Sandbox.FailFnsWorkflow(failedId, "SIGN_ERROR", "Сертификат отозван");

        var result = Invoke("Wait-FnsWorkflow -Id $a -PollingIntervalSec 1; Wait-FnsWorkflow -Id $b -PollingIntervalSec 1",
            new() { ["a"] = refusedId, ["b"] = failedId }).AssertSuccess();
        var workflows = result.Output.OfType(WorkflowType);
        Assert.Equal("rejected", workflows[0].Get<string>("StateName"));
        Assert.False(workflows[0].Get<bool>("IsSuccessful"));
        Assert.Equal("error", workflows[1].Get<string>("StateName"));
        Assert.Equal("Сертификат отозван", workflows[1].Get<string>("ErrorMessage"));
        Assert.Equal("SIGN_ERROR", workflows[1].Get<string>("ErrorCode"));
    }

    [Theory]
    [InlineData("reject", "Rejected", "FnsMobileSign.SigningRejected", "refused")]
    [InlineData("fail", "Error", "FnsMobileSign.SigningFailed", "Сертификат отозван")]
    public void Invoke_reports_a_refused_or_failed_signing_as_an_error_with_per_document_results(string outcome, string state, string errorId, string text)
    {
        // The workflow is made first and its outcome forced; Invoke-FnsSigning with the same external_id gets that
        // workflow back (idempotency) and reports how it ended.
        var externalId = Guid.NewGuid().ToString();
        var created = Invoke("(New-FnsWorkflow -Type DocumentSigning -ConsumerId $consumer -Path (New-Doc 'z.txt') -ExternalId $ext).Id",
            new() { ["ext"] = externalId }).AssertSuccess();
        var id = Convert.ToInt64(created.Output.Single().BaseObject);
        if (outcome == "reject") fx.Sandbox.RejectFnsSigning(id);
        else fx.Sandbox.FailFnsWorkflow(id, "SIGN_ERROR", "Сертификат отозван");

        var result = Invoke("Invoke-FnsSigning -Path (New-Doc 'z.txt') -ConsumerId $consumer -ExternalId $ext -Wait -PollingIntervalSec 1 -Destination (Join-Path $dir 'never')",
            new() { ["ext"] = externalId });
        Assert.True(result.Terminating == null, result.Terminating?.ToString() + " " + string.Join("; ", result.AllErrors.Select(e => e.FullyQualifiedErrorId + ": " + e)));
        var document = result.Single(SignedType);
        Assert.Equal(state, document.Get<object>("State").ToString());
        Assert.False(document.Get<bool>("IsSigned"));
        Assert.True(string.IsNullOrEmpty(document.Get<string>("SignaturePath")));
        var error = Assert.Single(result.Errors);
        Assert.StartsWith(errorId, error.FullyQualifiedErrorId);
        Assert.Contains(text, error.ToString());
        Assert.Contains(id.ToString(), error.ToString());
    }

}
