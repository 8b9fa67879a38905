using System.Text.Json;
using GosApi.PowerShell.Tests.Infrastructure;

namespace GosApi.PowerShell.Tests.Uc;

/// <summary>The request log and statistics work for УЦ too: a line per exchange, no credential (they travel in every body).</summary>
public sealed class UcRequestLogTests : IClassFixture<UcSupportFixture>, IDisposable
{
    private readonly UcSupportFixture fx;
    private readonly TestFiles files = new();

    public UcRequestLogTests(UcSupportFixture fx) => this.fx = fx;

    public void Dispose() => files.Dispose();

    [Fact]
    public void The_preference_variable_gives_every_exchange_a_line_without_the_password()
    {
        var log = Path.Combine(files.Root, "uc.jsonl");
        fx.Sandbox.ClearRequests();
        var result = fx.Engine.Invoke(
            "$GosApiLogPath = $log; " + UcSupportFixture.Connect + " | Out-Null; Remove-Variable GosApiLogPath; " +
            "Get-UcProduct | Out-Null; Get-UcRequest | Out-Null; Get-GosApiStatistics -ServiceName Uc; Get-Content -LiteralPath $log",
            new Dictionary<string, object> { ["u"] = fx.ApiUri, ["user"] = fx.Manager.Login, ["pass"] = UcSupportFixture.Password, ["log"] = log }).AssertSuccess();

        var lines = result.Output.Where(o => o.BaseObject is string).Select(o => JsonDocument.Parse((string)o.BaseObject).RootElement).ToList();
        Assert.Equal(fx.Sandbox.Requests.Count(r => r.Path.StartsWith("/api/external/v2/")), lines.Count);
        Assert.True(lines.Count >= 2);
        Assert.All(lines, l => Assert.Equal("Uc", l.GetProperty("service").GetString()));
        var summary = Assert.Single(result.Output.OfType("GosApi.Http.TrafficSummary"));
        Assert.Equal((long)lines.Count, summary.Get<long>("Requests"));
        Assert.DoesNotContain(UcSupportFixture.Password, File.ReadAllText(log));
        Assert.DoesNotContain(UcSupportFixture.Password, result.Everything());
    }
}
