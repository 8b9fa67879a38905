using GosApi.PowerShell.Tests.Infrastructure;
using GosApi.Sandbox;
using static GosApi.PowerShell.Tests.Epgu.EpguScripts;

namespace GosApi.PowerShell.Tests.Epgu;

/// <summary>The access token never reaches any stream, error, object view or trace — also when things fail.</summary>
public sealed class EpguSecretTests : IClassFixture<SandboxFixture>, IDisposable
{
    private readonly SandboxFixture fx;
    private readonly TestFiles files = new();

    public EpguSecretTests(SandboxFixture fx) => this.fx = fx;

    public void Dispose()
    {
        fx.Sandbox.Faults.Clear();
        files.Dispose();
    }

    [Fact]
    public void Token_is_absent_from_every_stream_of_a_full_flow_with_debug_tracing_and_failures()
    {
        var token = fx.NewToken();
        fx.Sandbox.Faults.Add(new FaultRule { Kind = FaultKind.Status, StatusCode = 503, PathPrefix = "/api/gusmev/push/chunked", SkipFirst = 1 });
        fx.Sandbox.Faults.Add(new FaultRule { Kind = FaultKind.ExpireToken, PathPrefix = "/api/gusmev/order/" , Count = 1 });
        var result = fx.Engine.Invoke(Helpers + @"
            $DebugPreference = 'Continue'; $VerbosePreference = 'Continue'
            $session = Connect-Epgu -BaseUri $baseUri -AccessToken (ConvertTo-SecureString $token -AsPlainText -Force) -RetryDelay 00:00:00.05
            $session; $session | Format-List * -Force | Out-String; $session | ConvertTo-Json -Depth 4 -WarningAction SilentlyContinue
            $order = New-EpguOrder -ServiceCode $service -TargetCode $target -Region $region
            $zip = New-TestPackage -OrderId $order.OrderId -Bytes (2MB) -Dir $dir
            $order | Send-EpguPackage -Path $zip -Chunked -ChunkSize 1MB | Out-String
            Get-EpguOrder -OrderId $order.OrderId -ErrorAction Continue
            Get-EpguOrder -OrderId 1 -ErrorAction Continue
            Stop-EpguOrder -OrderId $order.OrderId -Confirm:$false -ErrorAction Continue
            $Error | ForEach-Object { $_ | Format-List * -Force | Out-String; $_.Exception | Format-List * -Force | Out-String }
        ", new Dictionary<string, object>
        {
            ["baseUri"] = fx.Sandbox.BaseUri, ["token"] = token, ["dir"] = files.Root,
            ["service"] = Service, ["target"] = Target, ["region"] = Region,
        });

        Assert.NotEmpty(result.Debug);
        Assert.Contains(result.Debug, d => d.Contains("HTTP 503"));
        Assert.NotEmpty(result.AllErrors);
        Assert.Contains(fx.Sandbox.Requests, r => r.Headers.TryGetValue("Authorization", out var auth) && auth == "Bearer " + token);
        var everything = result.Everything();
        Assert.DoesNotContain(token, everything);
        // Not even a recognisable part of it (the signature segment).
        Assert.DoesNotContain(token.Split('.')[2], everything);
    }
}
