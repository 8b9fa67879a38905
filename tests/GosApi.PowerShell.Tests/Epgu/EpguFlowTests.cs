using GosApi.PowerShell.Tests.Infrastructure;

namespace GosApi.PowerShell.Tests.Epgu;

/// <summary>The whole "ИП онлайн" flow as a user pipes it, against the sandbox over loopback HTTP.</summary>
public sealed class EpguFlowTests : IClassFixture<SandboxFixture>, IDisposable
{
    private const string Service = "10000092161";
    private const string Target = "-1959599598";
    private const string Region = "45000000000";
    private readonly SandboxFixture fx;
    private readonly TestFiles files = new();

    public EpguFlowTests(SandboxFixture fx)
    {
        this.fx = fx;
        fx.Connect();
    }

    public void Dispose() => files.Dispose();

    [Fact]
    public void Full_flow_creates_sends_chunked_waits_and_saves_result_files()
    {
        var result = fx.Engine.Invoke(@"
            $order = New-EpguOrder -ServiceCode $service -TargetCode $target -Region $region
            $xml = Join-Path $dir 'req.xml'
            Set-Content -Path $xml -Value ""<Request><OrderId>$($order.OrderId)</OrderId></Request>"" -Encoding utf8
            $package = New-EpguPackage -Path $xml, $attachment -Destination (Join-Path $dir 'order.zip')
            $order | Send-EpguPackage -Path $package.Path -Chunked -ThrottleLimit 2 |
                Wait-EpguOrder -Timeout 120 -PollIntervalSec 0.2 -MaxPollIntervalSec 0.5 |
                Save-EpguOrderFile -Destination (Join-Path $dir 'out')
        ", new Dictionary<string, object>
        {
            ["service"] = Service, ["target"] = Target, ["region"] = Region, ["dir"] = files.Root,
            ["attachment"] = files.Attachment(12 * 1024 * 1024),
        }).AssertSuccess();

        var saved = result.Output.OfType("GosApi.Epgu.Models.EpguSavedFile");
        Assert.NotEmpty(saved);
        Assert.All(saved, f => Assert.True(new FileInfo(f.Get<string>("Path")).Length == f.Get<long>("Length") && f.Get<long>("Length") > 0, f.Get<string>("Path")));
        var chunkRequests = fx.Sandbox.Requests.Where(r => r.Path == "/api/gusmev/push/chunked").ToList();
        Assert.True(chunkRequests.Count >= 3, "a 12 MiB archive needs at least three 5 MiB chunks");
        Assert.All(chunkRequests, r => Assert.InRange(r.StatusCode, 200, 206));
        Assert.Contains(result.Progress, p => p.PercentComplete == 100);
    }
}
