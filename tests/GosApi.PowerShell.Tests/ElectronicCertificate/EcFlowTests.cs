using System.Management.Automation;
using GosApi.PowerShell.Tests.Infrastructure;
using static GosApi.PowerShell.Tests.ElectronicCertificate.EcScripts;

namespace GosApi.PowerShell.Tests.ElectronicCertificate;

/// <summary>Create → wait → receive → statement → edit → block against the sandbox, as a sysadmin would script it.</summary>
public sealed class EcFlowTests : IClassFixture<EcFixture>, IDisposable
{
    private const string RecordType = "GosApi.ElectronicCertificates.Models.ElectronicCertificateRequestRecord";
    private const string TaskType = "GosApi.ElectronicCertificates.Models.ElectronicCertificateTask";
    private const string ResultType = "GosApi.ElectronicCertificates.Models.ElectronicCertificateTaskResult";
    private const string CertificateType = "GosApi.ElectronicCertificates.Models.ElectronicCertificate";
    private readonly EcFixture fx;
    private readonly TestFiles files = new();

    public EcFlowTests(EcFixture fx) => this.fx = fx;

    public void Dispose()
    {
        fx.Sandbox.Faults.Clear();
        files.Dispose();
    }

    private HostedResult Invoke(string script, Dictionary<string, object>? variables = null) => fx.Engine.Invoke(Helpers + script, variables);

    [Fact]
    public void Every_certificate_type_is_issued_from_csv_rows_and_its_statement_reads_back()
    {
        var csv = Path.Combine(files.Root, "assignments.csv");
        var result = Invoke(@"
            $rows = 'ЕСТР0001', 'ЕСТР0002', 'ЕСТР0003', 'ЕСТР0004' | ForEach-Object { New-Row -Type $_ }
            $rows[2].certificateType = 'ECTP0003'; $rows[3].certificateType = 'ectp0004'
            $rows | Export-Csv -Path $csv -Encoding utf8 -NoTypeInformation
            $sent = Import-Csv -Path $csv | New-ElectronicCertificate
            $sent
            $sent | Wait-ElectronicCertificateTask -PollingIntervalSec 1 -TimeoutSec 60
            $results = $sent | Receive-ElectronicCertificateTaskResult
            $results
            $results | Where-Object IsProcessedSuccessfully | Get-ElectronicCertificate
        ", new() { ["csv"] = csv }).AssertSuccess();

        var sent = result.Output.OfType(RecordType);
        Assert.Equal(4, sent.Count);
        Assert.Equal(new[] { 1, 2, 3, 4 }, sent.Select(r => r.Get<int>("RecordId")));
        var taskId = Assert.Single(sent.Select(r => r.Get<string>("TaskId")).Distinct());
        Assert.Matches("^[0-9a-f-]{36}$", taskId);
        Assert.All(sent, r => Assert.Equal("ec-create", r.Get<string>("Operation")));
        Assert.All(sent, r => Assert.False(string.IsNullOrEmpty(r.Get<string>("ResponseId"))));

        var task = Assert.Single(result.Output.OfType(TaskType));
        Assert.Equal("taskIsExecuted", task.Get<string>("Status"));
        Assert.True(task.Get<bool>("IsSuccessful"));

        var results = result.Output.OfType(ResultType);
        Assert.Equal(4, results.Count);
        Assert.All(results, r => Assert.True(r.Get<bool>("IsProcessedSuccessfully"), r.Get<string>("MessageText")));
        var numbers = results.Select(r => r.Get<string>("CertificateNumber")).ToList();
        Assert.All(numbers, n => Assert.Matches("^[0-9]{25}$", n));

        var statements = result.Output.OfType(CertificateType);
        Assert.Equal(numbers.OrderBy(n => n), statements.Select(s => s.Get<string>("CertificateNumber")).OrderBy(n => n));
        var first = statements.First();
        Assert.Equal("ECSTACTV", Part(first, "Status", "Code"));
        Assert.Equal("Активный", Part(first, "Status", "Meaning"));
        Assert.Equal("ECUSNONE", Part(first, "UsageStatus", "Code"));
        // The Latin look-alikes were sent in the spec's Cyrillic spelling, or the sandbox would have refused the schema.
        Assert.Equal("ЕСРРАССТ", Part(first, "Program", "Code"));
    }

    [Fact]
    public void A_purchase_shows_in_the_statement_with_its_typed_transaction()
    {
        var number = IssueOne();
        fx.Sandbox.SimulateElectronicCertificatePurchase(number);
        var result = Invoke("Get-ElectronicCertificate -CertificateNumber $cn", new() { ["cn"] = number }).AssertSuccess();
        var statement = result.Single(CertificateType);
        Assert.Equal("ECUSFULL", Part(statement, "UsageStatus", "Code")); // the one unit of the one good was bought
        var transaction = Assert.Single(Items(statement, "Transactions"));
        var typed = PSObject.AsPSObject(PSObject.AsPSObject(transaction).Properties["TransactionType"].Value);
        Assert.Equal("OPTPPRCH", typed.Properties["Code"].Value);
        Assert.Equal("Покупка", typed.Properties["Meaning"].Value);
        Assert.False(string.IsNullOrEmpty(statement.Get<string>("ResponseId")));
    }

    [Fact]
    public void Edit_and_block_change_the_certificate_and_a_latin_block_reason_is_accepted()
    {
        var number = IssueOne();
        var uuid = fx.Engine.Invoke("(Get-ElectronicCertificate $cn).FactAssignmentUuid", new Dictionary<string, object> { ["cn"] = number }).AssertSuccess().Output.Single().ToString();
        var result = Invoke(@"
            $edit = Set-ElectronicCertificate -FactAssignmentUuid $uuid -CertificateNumber $cn -PhoneNumber '+7 (910) 000-11-22'
            $edit | Wait-ElectronicCertificateTask -PollingIntervalSec 1 | Receive-ElectronicCertificateTaskResult
            $block = [pscustomobject]@{ FactAssignmentUuid = $uuid; CertificateNumber = $cn; BlockReason = 'ECBR0002' } | Block-ElectronicCertificate -Confirm:$false
            $block
            $block | Wait-ElectronicCertificateTask -PollingIntervalSec 1 | Receive-ElectronicCertificateTaskResult
            Get-ElectronicCertificate $cn
        ", new() { ["cn"] = number, ["uuid"] = uuid }).AssertSuccess();

        var results = result.Output.OfType(ResultType);
        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.True(r.Get<bool>("IsProcessedSuccessfully"), r.Get<string>("MessageText")));
        Assert.Equal(new[] { "ec_edit", "ec_block" }, results.Select(r => r.Get<string>("TaskType")));
        Assert.Equal("ec-block", result.Single(RecordType).Get<string>("Operation"));
        var statement = result.Single(CertificateType);
        Assert.Equal("ECSTBLKD", Part(statement, "Status", "Code"));
        Assert.Equal("ECSR0002", Part(statement, "StatusReason", "Code"));
    }

    [Fact]
    public void A_record_the_service_rejects_gets_its_protocol_messages()
    {
        // Well-formed, so it passes the client's checks, but no such certificate exists.
        var result = Invoke(@"
            Set-ElectronicCertificate -FactAssignmentUuid (New-Guid).ToString() -CertificateNumber ('9' * 25) -PhoneNumber 9100000000 |
                Wait-ElectronicCertificateTask -PollingIntervalSec 1 | Receive-ElectronicCertificateTaskResult
        ").AssertSuccess();
        var record = result.Single(ResultType);
        Assert.False(record.Get<bool>("IsProcessedSuccessfully"));
        Assert.NotEmpty(record.Get<string>("MessageText"));
        Assert.StartsWith("error", record.Get<string>("MessageText"));
    }

    [Fact]
    public void Ten_thousand_csv_rows_become_one_hundred_requests_of_one_hundred_records()
    {
        var csv = Path.Combine(files.Root, "big.csv");
        var before = fx.Sandbox.Requests.Count(IsCreate);
        var result = Invoke(@"
            $row = New-Row -Type 'ЕСТР0002'
            1..10000 | ForEach-Object { $row } | Export-Csv -Path $csv -Encoding utf8 -NoTypeInformation
            Import-Csv -Path $csv | New-ElectronicCertificate | Group-Object Batch | ForEach-Object {
                [pscustomobject]@{ Batch = [int]$_.Name; Count = $_.Count; Tasks = @($_.Group.TaskId | Sort-Object -Unique).Count
                    FirstId = ($_.Group.RecordId | Measure-Object -Minimum).Minimum; LastId = ($_.Group.RecordId | Measure-Object -Maximum).Maximum }
            }
        ", new() { ["csv"] = csv }).AssertSuccess();

        Assert.Equal(100, fx.Sandbox.Requests.Count(IsCreate) - before);
        Assert.Equal(100, result.Output.Count);
        Assert.All(result.Output, b =>
        {
            Assert.Equal(100, b.Get<int>("Count"));
            Assert.Equal(1, b.Get<int>("Tasks"));
            Assert.Equal(1, b.Get<int>("FirstId"));
            Assert.Equal(100, b.Get<int>("LastId"));
        });
        Assert.Equal(Enumerable.Range(1, 100), result.Output.Select(b => b.Get<int>("Batch")).OrderBy(n => n));
    }

    [Fact]
    public void Task_statuses_are_read_across_pages_and_remembered_for_a_task_id()
    {
        var result = Invoke(@"
            $a = New-Row | New-ElectronicCertificate
            $b = New-Row -Type 'ЕСТР0002' | New-ElectronicCertificate
            Start-Sleep -Milliseconds 600
            $seen = Get-ElectronicCertificateTask -PageSize 1 -RequestType ec_create
            $again = Get-ElectronicCertificateTask -TaskId $a.TaskId, $b.TaskId
            [pscustomobject]@{ A = $a.TaskId; B = $b.TaskId; Seen = @($seen.TaskId); Again = @($again | ForEach-Object { $_.TaskId + '=' + $_.Status }) }
        ").AssertSuccess();
        var summary = result.Output.Single();
        var a = summary.Get<string>("A");
        var b = summary.Get<string>("B");
        var seen = Items(summary, "Seen").Select(o => o.ToString()).ToList();
        Assert.Contains(a, seen);
        Assert.Contains(b, seen); // the second page (PageSize 1) was read too
        var again = Items(summary, "Again").Select(o => o.ToString()).ToList();
        Assert.Equal(new[] { a + "=taskIsExecuted", b + "=taskIsExecuted" }, again);
    }

    [Fact]
    public void The_latin_base_path_of_the_openapi_servers_entry_works_too()
    {
        fx.ConnectEc(baseUri: new Uri(fx.Sandbox.BaseUri, "api/1.2.1-Y/ec"));
        try
        {
            var result = Invoke("New-Row | New-ElectronicCertificate").AssertSuccess();
            Assert.Single(result.Output.OfType(RecordType));
            Assert.Contains(fx.Sandbox.Requests, r => r.Path == "/api/1.2.1-Y/ec/ec-create" && r.StatusCode == 201);
        }
        finally
        {
            fx.ConnectEc();
        }
    }

    [Fact]
    public void The_cyrillic_base_path_is_sent_percent_encoded()
    {
        Invoke("New-Row | New-ElectronicCertificate").AssertSuccess();
        Assert.Contains(fx.Sandbox.Requests, r => r.Path == "/api/1.2.1-У/ес/ec-create" && r.StatusCode == 201);
        var session = fx.Engine.Invoke("(Connect-ElectronicCertificateService -BaseUri $u -ApiKey (ConvertTo-SecureString 'k123456' -AsPlainText -Force) -SharedSecret (ConvertTo-SecureString 's123456' -AsPlainText -Force) -PassThru).BaseUri.AbsoluteUri",
            new Dictionary<string, object> { ["u"] = fx.BaseUri }).AssertSuccess().Output.Single().ToString();
        fx.ConnectEc();
        Assert.EndsWith("/api/1.2.1-%D0%A3/%D0%B5%D1%81/", session);
    }

    /// <summary>A property of a nested object, e.g. Status.Code.</summary>
    private static object? Part(PSObject o, string property, string part) => PSObject.AsPSObject(o.Properties[property].Value).Properties[part].Value;

    private static IEnumerable<object> Items(PSObject o, string property) => LanguagePrimitives.GetEnumerable(o.Properties[property].Value)!.Cast<object>();

    private static bool IsCreate(GosApi.Sandbox.RecordedRequest r) => r.Method == "POST" && r.Path.EndsWith("/ec-create", StringComparison.Ordinal);

    /// <summary>Issues one ЕСТР0001 certificate and returns its number.</summary>
    private string IssueOne()
    {
        var result = Invoke("New-Row | New-ElectronicCertificate | Wait-ElectronicCertificateTask -PollingIntervalSec 1 | Receive-ElectronicCertificateTaskResult").AssertSuccess();
        return result.Single(ResultType).Get<string>("CertificateNumber");
    }
}
