using System.Management.Automation;
using GosApi.PowerShell.Tests.Infrastructure;
using GosApi.Sandbox;
using static GosApi.PowerShell.Tests.Epgu.EpguScripts;

namespace GosApi.PowerShell.Tests.Epgu;

/// <summary>A slower sandbox clock, so orders stay in each status long enough to act on it.</summary>
public sealed class SlowClockFixture : SandboxFixture
{
    protected override SandboxOptions CreateOptions() => new() { ClockSpeed = 30 };
}

/// <summary>Order details, status lists with paging, dictionaries, cancel and downloads.</summary>
public sealed class EpguQueryTests : IClassFixture<SlowClockFixture>, IDisposable
{
    private readonly SandboxFixture fx;
    private readonly TestFiles files = new();

    public EpguQueryTests(SlowClockFixture fx)
    {
        this.fx = fx;
        fx.Connect();
        fx.Sandbox.ClearRequests();
    }

    public void Dispose() => files.Dispose();

    private HostedResult Run(string script) => fx.Engine.Invoke(Helpers + script, new Dictionary<string, object>
    {
        ["dir"] = files.Root, ["service"] = Service, ["target"] = Target, ["region"] = Region,
    });

    private const string SentOrder = @"
        $order = New-EpguOrder -ServiceCode $service -TargetCode $target -Region $region
        $zip = New-TestPackage -OrderId $order.OrderId -Bytes 10 -Dir $dir
        $null = $order | Send-EpguPackage -Path $zip -Chunked
    ";

    [Fact]
    public void Order_details_parse_the_escaped_order_json_into_typed_statuses_and_files()
    {
        var details = Run(SentOrder + "$order | Wait-EpguOrder -Timeout 60 -PollIntervalSec 0.3").AssertSuccess().Single(DetailsTypeName);

        Assert.Equal("Done", details.Get<string>("ProcessingCode"));
        Assert.True(details.Get<bool>("IsFinal"));
        Assert.Equal(3, details.Get<int>("StatusId"));
        Assert.Equal("Исполнено", details.Get<string>("StatusTitle"));
        var statuses = details.Get<PSObject[]>("Statuses");
        Assert.Equal(new[] { 0, 17, 21, 2, 3 }, statuses.Select(s => s.Get<int>("StatusId")).ToArray());
        var files = details.Get<PSObject[]>("ResponseFiles");
        Assert.NotEmpty(files);
        Assert.All(files, f =>
        {
            Assert.Equal("3", f.Get<string>("ObjectType"));
            Assert.Equal(details.Get<long>("CurrentStatusHistoryId").ToString(), f.Get<string>("ObjectId"));
            Assert.StartsWith("terrabyte://", f.Get<string>("Link"));
        });
        Assert.Equal(Service, details.Get<string>("ServiceCode"));
    }

    [Fact]
    public void Statuses_of_many_orders_come_back_for_every_id_including_unknown_ones()
    {
        var result = Run(SentOrder + @"
            $second = New-EpguOrder -ServiceCode $service -TargetCode $target -Region $region
            Get-EpguOrderStatus -OrderId $order.OrderId, $second.OrderId, 1, 2").AssertSuccess();

        var statuses = result.Output.OfType(StatusTypeName);
        Assert.Equal(4, statuses.Count);
        Assert.Equal(2, statuses.Count(s => s.Get<bool>("Found")));
        Assert.Equal(new long[] { 1, 2 }, statuses.Where(s => !s.Get<bool>("Found")).Select(s => s.Get<long>("OrderId")).OrderBy(i => i).ToArray());
    }

    [Fact]
    public void Ids_beyond_one_page_are_batched_into_several_requests()
    {
        var result = Run("Get-EpguOrderStatus -OrderId (1..250)").AssertSuccess();
        Assert.Equal(250, result.Output.OfType(StatusTypeName).Count);
        Assert.Equal(3, fx.Sandbox.Requests.Count(r => r.Path.StartsWith("/api/gusmev/order/getOrdersStatus")));
    }

    [Fact]
    public void Updated_after_lists_recent_changes_and_supports_first_and_skip()
    {
        var result = Run(SentOrder + @"
            Start-Sleep -Milliseconds 500
            $all = @(Get-EpguOrderStatus -UpdatedAfter ([datetime]::UtcNow.AddMinutes(-5)))
            $all.Count
            (Get-EpguOrderStatus -UpdatedAfter ([datetime]::UtcNow.AddMinutes(-5)) -First 1).Count
            ($all | Where-Object OrderId -eq $order.OrderId).Count
            (Get-EpguOrderStatus -UpdatedAfter ([datetime]::UtcNow.AddMinutes(5))).Count").AssertSuccess();

        var numbers = result.Output.Select(o => Convert.ToInt32(o.BaseObject)).ToArray();
        Assert.True(numbers[0] >= 1);
        Assert.Equal(1, numbers[1]);
        Assert.Equal(1, numbers[2]);
        Assert.Equal(0, numbers[3]);
    }

    [Fact]
    public void Dictionary_is_read_page_by_page_and_first_stops_early()
    {
        var result = Run(@"
            (Get-EpguDictionary -Code BIC).Count
            (Get-EpguDictionary -Code BIC -First 5 -Skip 2 | Select-Object -First 1).Value
            (Get-EpguDictionary -Code BIC | Select-Object -Skip 2 -First 1).Value").AssertSuccess();
        var total = Convert.ToInt32(result.Output[0].BaseObject);
        Assert.True(total >= 250);
        Assert.Equal(result.Output[2].BaseObject, result.Output[1].BaseObject);
        var pages = (int)Math.Ceiling(total / 100.0);
        // Full read: every page once; -First 5 needs one page; Select-Object -First stops the reading after
        // the first page (the bounded pipeline queue holds the worker back; a second page may already be on
        // its way when the pipeline stops).
        Assert.InRange(fx.Sandbox.Requests.Count(r => r.Path == "/api/nsi/v1/dictionary/BIC"), pages + 2, pages + 3);
        Assert.DoesNotContain(fx.Sandbox.Requests.Where(r => r.Path.StartsWith("/api/nsi")), r => r.Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public void Hierarchical_dictionary_returns_children_of_a_parent()
    {
        var result = Run("Get-EpguDictionary -Code OKATO -Filter Subtree | Select-Object -First 1 | ForEach-Object { $_; Get-EpguDictionary -Code OKATO -ParentValue $_.Value }").AssertSuccess();
        var parent = result.Output[0];
        Assert.True(result.Output.Count > 1);
        Assert.All(result.Output.Skip(1), child => Assert.Equal(parent.Get<string>("Value"), child.Get<string>("ParentValue")));
    }

    [Fact]
    public void Dictionary_needs_no_connection_when_given_a_base_uri()
    {
        using var fresh = new ModuleHost();
        var result = fresh.Invoke("Get-EpguDictionary -Code BIC -BaseUri $uri -First 3", new Dictionary<string, object> { ["uri"] = fx.Sandbox.BaseUri }).AssertSuccess();
        Assert.Equal(3, result.Output.Count);
    }

    [Fact]
    public void Piped_attachment_files_are_downloaded_themselves()
    {
        var result = Run(SentOrder + @"
            $details = $order | Wait-EpguOrder -Timeout 60 -PollIntervalSec 0.3
            $details.AttachmentFiles | Save-EpguOrderFile -Destination (Join-Path $dir 'sent')
            $details | Save-EpguOrderFile (Join-Path $dir 'result')").AssertSuccess();

        var saved = result.Output.OfType("GosApi.Epgu.Models.EpguSavedFile");
        Assert.Contains(saved, s => s.Get<string>("Path").Contains("sent") && s.Get<string>("FileName") == "req.xml");
        Assert.Contains(saved, s => s.Get<string>("Path").Contains("result"));
        Assert.Contains(fx.Sandbox.Requests, r => r.Path.Contains("/2/download"));
    }

    [Fact]
    public void Unknown_dictionary_is_a_clear_error()
    {
        var error = Assert.Single(Run("Get-EpguDictionary -Code NO_SUCH_DICTIONARY").Errors);
        Assert.StartsWith("Epgu.nsi_", error.FullyQualifiedErrorId);
        Assert.Contains("NO_SUCH_DICTIONARY", error.ToString());
    }

    [Fact]
    public void Cancel_is_refused_in_a_status_without_cancel_allowed_and_explains_why()
    {
        var result = Run(@"
            $order = New-EpguOrder -ServiceCode $service -TargetCode $target -Region $region
            $order | Stop-EpguOrder -Confirm:$false");
        var error = Assert.Single(result.Errors);
        Assert.Equal("Epgu.cancel_not_allowed,GosApi.PowerShell.Epgu.StopEpguOrderCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
        Assert.Contains("cancelAllowed", error.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public void Cancel_succeeds_once_the_status_allows_it_and_whatif_does_nothing()
    {
        var result = Run(SentOrder + @"
            $deadline = [datetime]::UtcNow.AddSeconds(30)
            while (-not (Get-EpguOrder -OrderId $order.OrderId).CancelAllowed -and [datetime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
            $order | Stop-EpguOrder -WhatIf
            $order | Stop-EpguOrder -Confirm:$false -Reason 'Заявление подано повторно'
            Get-EpguOrder -OrderId $order.OrderId").AssertSuccess();

        var details = result.Single(DetailsTypeName);
        Assert.Equal(10, details.Get<int>("StatusId"));
        Assert.True(details.Get<bool>("IsFinal"));
        var cancels = fx.Sandbox.Requests.Where(r => r.Path.EndsWith("/cancel")).ToList();
        Assert.Single(cancels);
        Assert.Contains("reason=", cancels[0].Query);
        Assert.Contains("What if: Performing the operation \"Cancel\" on target \"EPGU order", result.HostText);
    }

    [Fact]
    public void Unknown_order_is_not_found()
    {
        var error = Assert.Single(Run("Get-EpguOrder -OrderId 123").Errors);
        Assert.Equal("Epgu.not_found,GosApi.PowerShell.Epgu.GetEpguOrderCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
    }

    [Fact]
    public void Result_files_download_through_either_route_and_only_complete_files_appear()
    {
        var result = Run(SentOrder + @"
            $final = $order | Wait-EpguOrder -Timeout 60 -PollIntervalSec 0.3
            $final | Save-EpguOrderFile -Destination (Join-Path $dir 'storage') -Name '*.xml'
            Connect-Epgu -BaseUri $session.BaseUri -AccessToken $tokenSecure -DownloadRoute Gusmev | Out-Null
            $final | Save-EpguOrderFile -Destination (Join-Path $dir 'gusmev')
            $final | Save-EpguOrderFile -Destination (Join-Path $dir 'gusmev') -ErrorAction Continue
        ".Replace("$session.BaseUri", "'" + fx.Sandbox.BaseUri + "'").Replace("$tokenSecure", "(ConvertTo-SecureString '" + fx.NewToken() + "' -AsPlainText -Force)"));

        var saved = result.Output.OfType("GosApi.Epgu.Models.EpguSavedFile");
        Assert.Single(saved, s => s.Get<string>("Path").Contains("storage"));
        Assert.True(saved.Count(s => s.Get<string>("Path").Contains("gusmev")) >= 2);
        Assert.Contains(fx.Sandbox.Requests, r => r.Path.StartsWith("/api/storage/v2/files/"));
        Assert.Contains(fx.Sandbox.Requests, r => r.Path.StartsWith("/api/gusmev/files/download/") && r.Query!.Contains("eserviceCode=" + Service));
        // Saving again without -Force refuses to overwrite, per file.
        Assert.All(result.Errors, e => Assert.Contains("already exists", e.ToString()));
        Assert.NotEmpty(result.Errors);
        Assert.Empty(Directory.GetFiles(files.Root, "*.partial-*", SearchOption.AllDirectories));
        foreach (var file in saved) Assert.Equal(new FileInfo(file.Get<string>("Path")).Length, file.Get<long>("Length"));
        fx.Connect();
    }
}
