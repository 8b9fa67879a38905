using GosApi.PowerShell.Tests.Infrastructure;
using GosApi.Sandbox;
using static GosApi.PowerShell.Tests.FnsMobileSign.FnsScripts;

namespace GosApi.PowerShell.Tests.FnsMobileSign;

/// <summary>Invoke-FnsSigning and the signing workflow end to end against the sandbox.</summary>
public sealed class FnsSigningTests : IClassFixture<FnsFixture>, IDisposable
{
    private const string SignedType = "GosApi.FnsMobileSign.Models.FnsSignedDocument";
    private const string WorkflowType = "GosApi.FnsMobileSign.Models.FnsWorkflow";
    private readonly FnsFixture fx;
    private readonly TestFiles files = new();

    public FnsSigningTests(FnsFixture fx) => this.fx = fx;

    public void Dispose()
    {
        fx.Sandbox.Faults.Clear();
        files.Dispose();
    }

    private HostedResult Invoke(string script, Dictionary<string, object>? variables = null)
    {
        var all = new Dictionary<string, object> { ["dir"] = files.Root, ["consumer"] = fx.Signer.Id, ["inn"] = fx.Signer.Inn, ["phone"] = fx.Signer.Phone, ["ca"] = fx.CaFile };
        if (variables != null) foreach (var pair in variables) all[pair.Key] = pair.Value;
        return fx.Engine.Invoke(Helpers + script, all);
    }

    [Fact]
    public void Signed_files_and_their_p7s_are_downloaded_and_verify_against_the_test_ca()
    {
        var result = Invoke(@"
            $docs = (New-Doc 'Заявление о регистрации.txt'), (New-Doc 'usn.txt' 'УСН')
            $out = Join-Path $dir 'signed'
            $signed = Invoke-FnsSigning -Path $docs -ConsumerId $consumer -Wait -PollingIntervalSec 1 -Destination $out
            $signed
            $root = Import-GostCertificate -Path $ca
            $signed | Test-GostSignature -TrustedRoot $root
        ").AssertSuccess();

        var signed = result.Output.OfType(SignedType);
        Assert.Equal(2, signed.Count);
        Assert.All(signed, s =>
        {
            Assert.Equal("Complete", s.Get<object>("State").ToString());
            Assert.True(s.Get<bool>("IsSigned"));
            Assert.True(File.Exists(s.Get<string>("Path")));
            Assert.EndsWith(".p7s", s.Get<string>("SignaturePath"));
            Assert.True(File.Exists(s.Get<string>("SignaturePath")));
            Assert.StartsWith("fns://workflow/", s.Get<string>("DeepLink"));
        });
        Assert.Contains(signed, s => s.Get<string>("Title") == "Заявление о регистрации.txt");
        var checks = result.Output.OfType("GosApi.Crypto.Cms.GostSignatureInfo");
        Assert.Equal(2, checks.Count);
        Assert.All(checks, c => Assert.True(c.Get<bool>("IsValid")));
        var original = File.ReadAllText(Path.Combine(files.Root, "usn.txt"));
        Assert.Equal(original, File.ReadAllText(Path.Combine(files.Root, "signed", "usn.txt")));
    }

    [Fact]
    public void Files_piped_from_Get_ChildItem_are_taken_literally()
    {
        var result = Invoke(@"
            $sub = New-Item -ItemType Directory -Path (Join-Path $dir 'lit') -Force
            [System.IO.File]::WriteAllText((Join-Path $sub.FullName 'act[1].txt'), 'Акт')
            Get-ChildItem -LiteralPath $sub.FullName | Invoke-FnsSigning -ConsumerId $consumer
        ").AssertSuccess();
        Assert.Equal("act_1_.txt", result.Single(SignedType).Get<string>("Title")); // the spec allows only [\w\s.()-] in titles
    }

    [Fact]
    public void The_simplified_route_finds_the_signer_by_inn_and_phone()
    {
        var result = Invoke("Invoke-FnsSigning -Path (New-Doc 'a.txt') -Inn $inn -Phone ('8' + $phone.Substring(1)) -Wait -PollingIntervalSec 1").AssertSuccess();
        var signed = result.Single(SignedType);
        Assert.True(signed.Get<bool>("IsSigned"));
        Assert.Contains(fx.Sandbox.Requests, r => r.Path == "/api/rb/workflow/fns" && r.StatusCode == 201);
    }

    [Fact]
    public void A_create_retried_after_a_lost_answer_makes_one_workflow_not_two()
    {
        fx.Sandbox.Faults.Add(new FaultRule { Kind = FaultKind.LoseResponse, PathPrefix = "/api/rb/workflow", Method = "POST", Count = 1 });
        var externalId = Guid.NewGuid().ToString();
        var before = fx.Sandbox.Requests.Count(r => r.Method == "POST" && r.Path == "/api/rb/workflow");
        var result = Invoke("New-FnsWorkflow -Type DocumentSigning -ConsumerId $consumer -Path (New-Doc 'once.txt') -ExternalId $ext",
            new() { ["ext"] = externalId }).AssertSuccess();
        var workflow = result.Single(WorkflowType);
        Assert.Equal(externalId, workflow.Get<string>("ExternalId"));
        Assert.True(workflow.Get<bool>("IsExisting")); // the retry got the workflow the lost answer had made
        Assert.Equal(2, fx.Sandbox.Requests.Count(r => r.Method == "POST" && r.Path == "/api/rb/workflow") - before);
        var listed = Invoke("@(Get-FnsWorkflow -ConsumerId $consumer -Type DocumentSigning | Where-Object ExternalId -eq $ext).Count",
            new() { ["ext"] = externalId }).AssertSuccess();
        Assert.Equal(1, Convert.ToInt32(listed.Output.Single().BaseObject));
    }

    [Fact]
    public void The_external_id_is_generated_when_absent_and_a_repeat_with_it_returns_the_same_workflow()
    {
        var result = Invoke(@"
            $doc = New-Doc 'same.txt'
            $first = New-FnsWorkflow -Type DocumentSigning -ConsumerId $consumer -Path $doc
            $again = New-FnsWorkflow -Type DocumentSigning -ConsumerId $consumer -Path $doc -ExternalId $first.ExternalId
            $first; $again
        ").AssertSuccess();
        var workflows = result.Output.OfType(WorkflowType);
        Assert.Matches("^[0-9a-f-]{36}$", workflows[0].Get<string>("ExternalId"));
        Assert.Equal(workflows[0].Get<long>("Id"), workflows[1].Get<long>("Id"));
        Assert.False(workflows[0].Get<bool>("IsExisting"));
        Assert.True(workflows[1].Get<bool>("IsExisting"));
    }

    [Fact]
    public void Documents_are_listed_and_saved_by_pipeline()
    {
        var result = Invoke(@"
            $w = Invoke-FnsSigning -Path (New-Doc 'p.txt') -ConsumerId $consumer -Wait -PollingIntervalSec 1 | Select-Object -First 1
            Get-FnsWorkflowDocument -WorkflowId $w.WorkflowId | Save-FnsDocument -Destination (Join-Path $dir 'saved')
        ").AssertSuccess();
        var saved = result.Output.Select(o => o.BaseObject).OfType<FileInfo>().Select(f => f.Name).ToList();
        Assert.Contains("p.txt", saved);
        Assert.Contains("p.txt.p7s", saved);
    }

    [Fact]
    public void More_than_fifty_files_or_a_missing_file_are_refused_before_any_request()
    {
        var before = fx.ApiRequests;
        var many = Invoke("$docs = 1..51 | ForEach-Object { New-Doc \"d$_.txt\" }; Invoke-FnsSigning -Path $docs -ConsumerId $consumer");
        var missing = Invoke("Invoke-FnsSigning -Path (Join-Path $dir 'nope.pdf') -ConsumerId $consumer");
        Assert.Equal(before, fx.ApiRequests);
        Assert.Contains("at most 50 files", many.AllErrors.Last().ToString());
        Assert.Contains(missing.AllErrors, e => e.ToString().Contains("not found", StringComparison.Ordinal));
    }
}
