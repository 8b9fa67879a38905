using System.Text;
using System.Text.Json;
using GosApi.PowerShell.Tests.Infrastructure;
using GosApi.Sandbox;
using static GosApi.PowerShell.Tests.Epgu.EpguScripts;

namespace GosApi.PowerShell.Tests.Epgu;

/// <summary>Issue 9's operations kit over the sandbox: incident reports, the request log, statistics and quota waits.</summary>
public sealed class EpguOperationsTests : IClassFixture<SandboxFixture>, IDisposable
{
    private const string ReportType = "GosApi.Epgu.Incidents.EpguIncidentReport";
    private const string SummaryType = "GosApi.Http.TrafficSummary";
    private readonly SandboxFixture fx;
    private readonly TestFiles files = new();

    public EpguOperationsTests(SandboxFixture fx)
    {
        this.fx = fx;
        fx.Sandbox.Faults.Clear();
        fx.Sandbox.ClearRequests();
    }

    public void Dispose()
    {
        fx.Sandbox.Faults.Clear();
        files.Dispose();
    }

    private string Connect(string extra = "", TokenRequest? token = null)
    {
        var value = fx.NewToken(token);
        fx.Engine.Invoke($"Connect-Epgu -BaseUri $baseUri -AccessToken (ConvertTo-SecureString $token -AsPlainText -Force) -RetryDelay 00:00:00.05 {extra} | Out-Null",
            new Dictionary<string, object> { ["baseUri"] = fx.Sandbox.BaseUri, ["token"] = value }).AssertSuccess();
        return value;
    }

    private HostedResult Run(string script) => fx.Engine.Invoke(Helpers + script, new Dictionary<string, object>
    {
        ["dir"] = files.Root, ["service"] = Service, ["target"] = Target, ["region"] = Region, ["log"] = Path.Combine(files.Root, "requests.jsonl"),
        ["report"] = Path.Combine(files.Root, "incident.txt"),
    });

    private void Fault(FaultKind kind, string path, int status = 503, int count = 1, int skip = 0) =>
        fx.Sandbox.Faults.Add(new FaultRule { Kind = kind, PathPrefix = path, StatusCode = status, Count = count, SkipFirst = skip, RetryAfterSeconds = 1 });

    [Fact]
    public void An_injected_500_becomes_a_report_with_all_eight_items_the_subject_no_token_and_masked_personal_data()
    {
        var token = Connect(token: new TokenRequest { ClientId = "AAA1_IS", OrgOid = "1000777777" });
        Fault(FaultKind.Status, "/api/gusmev/order", status: 500);
        var result = Run(@"
            try { New-EpguOrder -ServiceCode $service -TargetCode $target -Region $region -ErrorAction Stop } catch { $failure = $_ }
            $failure | New-EpguIncidentReport -Mnemonic AAA1 -Environment PROD -Path $report -AsObject `
                -Description 'Заявитель 112-233-445 95, тел. +7 912 345-67-89: создание заявления вернуло 500' -Analysis 'Токен действителен, APIPGU есть.'
            Get-Content -LiteralPath $report -Raw -Encoding utf8").AssertSuccess();

        var report = result.Single(ReportType);
        var text = (string)result.Output.Last().BaseObject;
        Assert.Equal("AAA1 #API-ЕПГУ #Ошибка 500 при получении orderId", report.Get<string>("Subject"));
        Assert.Equal(report.Get<string>("Text"), text);
        for (var item = 1; item <= 8; item++) Assert.Contains($"\n{item}. ", text);
        Assert.Contains("client_id): AAA1_IS", text);
        Assert.Contains("org_oid): 1000777777", text);
        Assert.Contains("PROD", text);
        Assert.Contains("a. HTTP-метод: POST", text);
        Assert.Contains("b. Host: " + fx.Sandbox.BaseUri.Authority, text);
        Assert.Contains("/api/gusmev/order", text);
        Assert.Contains("Authorization: Bearer ***", text);
        Assert.Contains("\"serviceCode\":\"" + Service + "\"", text);
        Assert.Contains("Токен действителен", text);
        Assert.Contains("Ответ: HTTP 500", text);
        Assert.DoesNotContain("112-233-445 95", text);
        Assert.DoesNotContain("345-67-89", text);
        Assert.DoesNotContain(token, result.Everything());
        Assert.DoesNotContain(token.Split('.')[2], text);
        var bytes = File.ReadAllBytes(Path.Combine(files.Root, "incident.txt"));
        Assert.False(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, "UTF-8 without a BOM");
        Assert.Equal(text, Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void A_report_of_a_failed_upload_names_the_order_that_was_created()
    {
        Connect();
        Fault(FaultKind.Status, "/api/gusmev/push/chunked", status: 500);
        var result = Run(@"
            $zip = New-TestPackage -OrderId 1 -Bytes 2MB -Dir $dir
            try { Send-EpguPackage -Path $zip -ServiceCode $service -TargetCode $target -Region $region -Chunked -ChunkSize 1MB -ErrorAction Stop } catch { $failure = $_ }
            New-EpguIncidentReport -ErrorRecord $failure -Mnemonic AAA1 -Description 'Отправка архива' -AsObject").AssertSuccess();

        var report = result.Single(ReportType);
        var orderId = report.Get<string>("OrderId");
        Assert.Equal(200, fx.Sandbox.Requests.Single(r => r.Path == "/api/gusmev/order").StatusCode);
        Assert.Matches("^[0-9]+$", orderId);
        Assert.Equal("SVCDEV", report.Get<string>("Environment"));
        Assert.Contains("#Ошибка 500 при отправке архива частями", report.Get<string>("Subject"));
        Assert.Contains(orderId, report.Get<string>("Text"));
        Assert.Contains("<file chunk0, 1048576 bytes, not recorded>", report.Get<string>("Text"));
    }

    [Fact]
    public void Without_an_error_record_the_sessions_last_failure_is_reported_and_input_errors_are_refused()
    {
        Connect();
        Fault(FaultKind.Status, "/api/gusmev/order", status: 500);
        var last = Run(@"
            New-EpguOrder -ServiceCode $service -TargetCode $target -Region $region -ErrorAction SilentlyContinue
            New-EpguIncidentReport -Mnemonic AAA1 -Description 'Последняя ошибка'").AssertSuccess();
        Assert.Contains("AAA1 #API-ЕПГУ #Ошибка 500", (string)last.Output.Last().BaseObject);

        var invalid = Run(@"
            try { New-EpguOrder -ServiceCode 'abc' -TargetCode $target -Region $region -ErrorAction Stop } catch { $failure = $_ }
            New-EpguIncidentReport -ErrorRecord $failure -Mnemonic AAA1 -Description 'x'");
        var error = Assert.Single(invalid.AllErrors);
        Assert.StartsWith("Epgu.InvalidArgument", error.FullyQualifiedErrorId);
        Assert.Contains("ErrorRecord", error.ToString());
        Assert.Contains("before any request", error.ToString());
    }

    [Fact]
    public void The_log_of_a_full_flow_has_one_line_per_request_and_no_secret()
    {
        var token = Connect("-LogPath '" + Path.Combine(files.Root, "requests.jsonl") + "'");
        var result = Run(@"
            $order = New-EpguOrder -ServiceCode $service -TargetCode $target -Region $region
            $zip = New-TestPackage -OrderId $order.OrderId -Bytes 1500KB -Dir $dir
            $final = $order | Send-EpguPackage -Path $zip -Chunked -ChunkSize 1MB | Wait-EpguOrder -Timeout 120 -PollIntervalSec 0.2
            $final | Save-EpguOrderFile -Destination (Join-Path $dir 'out') -Force | Out-Null
            Get-Content -LiteralPath $log").AssertSuccess();

        var lines = result.Output.Select(o => JsonDocument.Parse((string)o.BaseObject).RootElement).ToList();
        var apiRequests = fx.Sandbox.Requests.Where(r => r.Path.StartsWith("/api/")).ToList();
        Assert.Equal(apiRequests.Count, lines.Count);
        Assert.Equal(apiRequests.Select(r => r.StatusCode), lines.Select(l => l.GetProperty("status").GetInt32()));
        Assert.Contains(lines, l => l.GetProperty("operation").GetString() == "create order" && l.GetProperty("entityId").GetString()!.StartsWith("order "));
        Assert.True(lines.Count(l => l.GetProperty("operation").GetString()!.StartsWith("send chunk")) == 2);
        Assert.Contains(lines, l => l.GetProperty("operation").GetString()!.StartsWith("download"));
        var text = File.ReadAllText(Path.Combine(files.Root, "requests.jsonl"));
        Assert.DoesNotContain(token, text);
        Assert.DoesNotContain(token.Split('.')[2], text);
        Assert.DoesNotContain("Bearer", text);
    }

    [Fact]
    public void Statistics_count_an_injected_429_and_show_the_quotas()
    {
        Connect();
        Fault(FaultKind.TooManyRequests, "/api/gusmev/order");
        var result = Run(@"
            New-EpguOrder -ServiceCode $service -TargetCode $target -Region $region | Out-Null
            Get-GosApiStatistics -ServiceName Epgu").AssertSuccess();

        var summary = result.Single(SummaryType);
        Assert.Equal(1L, summary.Get<long>("Throttled"));
        Assert.Equal(1L, summary.Get<long>("Retries"));
        Assert.Equal(fx.Sandbox.Requests.Count(r => r.Path.StartsWith("/api/")), summary.Get<long>("Requests"));
        var errors = (System.Collections.IDictionary)summary.Properties["ErrorsByCode"].Value;
        Assert.Equal(1L, errors["429"]);
        var quotas = ((System.Collections.IEnumerable)summary.Properties["Quotas"].Value).Cast<object>().Select(q => q.ToString()).ToList();
        Assert.Contains(quotas, q => q!.StartsWith("requests per day: 2 of 2880000"));
        Assert.Contains(quotas, q => q!.StartsWith($"orders of service {Service} per 10 minutes: 1 of 20"));
    }

    [Fact]
    public void Orders_beyond_the_quota_wait_for_the_window_with_a_warning_instead_of_failing()
    {
        var token = fx.NewToken();
        var result = Run($@"
            $epgu = Connect-Epgu -BaseUri '{fx.Sandbox.BaseUri}' -AccessToken (ConvertTo-SecureString '{token}' -AsPlainText -Force)
            $epgu.Options.OrdersPerTenMinutes = 2
            $epgu.Options.OrderQuotaWindow = [timespan]::FromSeconds(3)
            $watch = [Diagnostics.Stopwatch]::StartNew()
            1..3 | ForEach-Object {{ New-EpguOrder -ServiceCode $service -TargetCode $target -Region $region }} | Out-Null
            $watch.Elapsed.TotalSeconds").AssertSuccess();

        Assert.True((double)result.Output.Last().BaseObject >= 2.5, "the third order waited for the 3-second window");
        Assert.Contains(result.Warnings, w => w.Contains("2 of 2 orders of service " + Service));
        Assert.Contains(result.Warnings, w => w.Contains("waiting"));
        Assert.Equal(3, fx.Sandbox.Requests.Count(r => r.Path == "/api/gusmev/order" && r.StatusCode == 200));
    }
}
