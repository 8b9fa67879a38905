using GosApi.PowerShell.Tests.Infrastructure;
using static GosApi.PowerShell.Tests.Epgu.EpguScripts;

namespace GosApi.PowerShell.Tests.Epgu;

/// <summary>Push versus chunked, chunk rules, -WhatIf and progress of Send-EpguPackage.</summary>
public sealed class EpguSendTests : IClassFixture<SandboxFixture>, IDisposable
{
    private readonly SandboxFixture fx;
    private readonly TestFiles files = new();

    public EpguSendTests(SandboxFixture fx)
    {
        this.fx = fx;
        fx.Connect();
        fx.Sandbox.ClearRequests();
    }

    public void Dispose() => files.Dispose();

    private HostedResult Run(string script, Dictionary<string, object>? vars = null)
    {
        var all = new Dictionary<string, object> { ["dir"] = files.Root, ["service"] = Service, ["target"] = Target, ["region"] = Region };
        foreach (var pair in vars ?? new()) all[pair.Key] = pair.Value;
        return fx.Engine.Invoke(Helpers + script, all);
    }

    private int Count(string path) => fx.Sandbox.Requests.Count(r => r.Path == path);

    [Fact]
    public void Small_archive_without_order_goes_by_push_and_creates_the_order()
    {
        var result = Run(@"
            $zip = New-TestPackage -OrderId 0 -Bytes 1000 -Dir $dir
            Send-EpguPackage -Path $zip -ServiceCode $pushService -TargetCode $pushTarget -Region $region",
            new() { ["pushService"] = PushService, ["pushTarget"] = PushTarget }).AssertSuccess();

        var upload = result.Single(UploadTypeName);
        Assert.Equal("Push", upload.Get<string>("Method"));
        Assert.True(upload.Get<long>("OrderId") > 0);
        Assert.Equal(1, Count("/api/gusmev/push"));
        Assert.Equal(0, Count("/api/gusmev/push/chunked"));
        Assert.Equal(0, Count("/api/gusmev/order"));
    }

    [Fact]
    public void Archive_over_5_MB_without_order_creates_the_order_then_sends_chunks()
    {
        var result = Run(@"
            $zip = New-TestPackage -OrderId 0 -Bytes (6MB) -Dir $dir
            Send-EpguPackage -Path $zip -ServiceCode $pushService -TargetCode $pushTarget -Region $region -Verbose",
            new() { ["pushService"] = PushService, ["pushTarget"] = PushTarget }).AssertSuccess();

        var upload = result.Single(UploadTypeName);
        Assert.Equal("Chunked", upload.Get<string>("Method"));
        Assert.Equal(2, upload.Get<int>("Chunks"));
        Assert.Equal(1, Count("/api/gusmev/order"));
        Assert.Equal(2, Count("/api/gusmev/push/chunked"));
        Assert.Equal(0, Count("/api/gusmev/push"));
        Assert.Contains(result.Verbose, v => v.Contains("Order " + upload.Get<long>("OrderId") + " created"));
    }

    [Fact]
    public void Chunked_with_explicit_chunk_size_sends_first_middle_and_last_in_the_required_order()
    {
        var result = Run(@"
            $order = New-EpguOrder -ServiceCode $service -TargetCode $target -Region $region
            $zip = New-TestPackage -OrderId $order.OrderId -Bytes (5MB) -Dir $dir
            $order | Send-EpguPackage -Path $zip -Chunked -ChunkSize 1MB -ThrottleLimit 3").AssertSuccess();

        var upload = result.Single(UploadTypeName);
        Assert.Equal(6, upload.Get<int>("Chunks"));
        var chunks = fx.Sandbox.Requests.Where(r => r.Path == "/api/gusmev/push/chunked").ToList();
        Assert.Equal(6, chunks.Count);
        // The sandbox rejects any order other than first-first and last-last; 206 five times, then 200.
        Assert.Equal(new[] { 206, 206, 206, 206, 206, 200 }, chunks.Select(c => c.StatusCode).ToArray());
        Assert.Contains(result.Progress, p => p.PercentComplete == 100 && p.StatusDescription.Contains("chunk 6/6"));
    }

    [Fact]
    public void Small_archive_with_chunked_switch_goes_as_one_chunk()
    {
        var result = Run(@"
            $order = New-EpguOrder -ServiceCode $service -TargetCode $target -Region $region
            $zip = New-TestPackage -OrderId $order.OrderId -Bytes 100 -Dir $dir
            $order | Send-EpguPackage -Path $zip -Chunked").AssertSuccess();

        Assert.Equal(1, result.Single(UploadTypeName).Get<int>("Chunks"));
        Assert.Equal(200, Assert.Single(fx.Sandbox.Requests, r => r.Path == "/api/gusmev/push/chunked").StatusCode);
    }

    [Fact]
    public void WhatIf_sends_nothing_and_says_what_would_happen()
    {
        var result = Run(@"
            New-EpguOrder -ServiceCode $service -TargetCode $target -Region $region -WhatIf
            $zip = New-TestPackage -OrderId 1 -Bytes 10 -Dir $dir
            Send-EpguPackage -Path $zip -OrderId 764255248 -ServiceCode $service -TargetCode $target -Region $region -WhatIf").AssertSuccess();

        Assert.Empty(result.Output);
        Assert.Empty(fx.Sandbox.Requests);
        Assert.Contains("What if: Performing the operation \"Create EPGU order\"", result.HostText);
        Assert.Contains("into order 764255248", result.HostText);
    }

    [Fact]
    public void Chunk_size_outside_the_limits_is_rejected_before_any_request()
    {
        var result = Run(@"
            $zip = New-TestPackage -OrderId 1 -Bytes 10 -Dir $dir
            Send-EpguPackage -Path $zip -OrderId 764255248 -ServiceCode $service -TargetCode $target -Region $region -ChunkSize 512KB");

        var error = Assert.Single(result.Errors);
        Assert.Equal("Epgu.InvalidArgument,GosApi.PowerShell.Epgu.SendEpguPackageCommand", error.FullyQualifiedErrorId);
        Assert.Contains("ChunkSize 524288", error.ToString());
        Assert.Contains("between 1048576 and 5242880", error.ToString());
        Assert.Empty(fx.Sandbox.Requests);
    }

    [Fact]
    public void Session_limits_follow_later_spec_versions_when_configured()
    {
        fx.Connect("-MinChunkSize 2MB -MaxChunkSize 3MB");
        try
        {
            var result = Run(@"
                $order = New-EpguOrder -ServiceCode $service -TargetCode $target -Region $region
                $zip = New-TestPackage -OrderId $order.OrderId -Bytes (7MB) -Dir $dir
                $order | Send-EpguPackage -Path $zip -Chunked").AssertSuccess();
            Assert.Equal(3, result.Single(UploadTypeName).Get<int>("Chunks"));
        }
        finally
        {
            fx.Connect();
        }
    }
}
