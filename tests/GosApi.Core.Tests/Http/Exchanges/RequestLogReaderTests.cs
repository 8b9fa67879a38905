using GosApi.Http;
using GosApi.Http.Exchanges;
using GosApi.Http.Quotas;
using Xunit;

namespace GosApi.Core.Tests.Http.Exchanges;

/// <summary>Summaries of request logs that several scheduled scripts wrote into one file.</summary>
public sealed class RequestLogReaderTests : IDisposable
{
    private readonly string path = Path.GetTempFileName();

    public void Dispose() => File.Delete(path);

    private static HttpExchange Line(DateTimeOffset at, GosApiService service, int? status, string? apiCode = null, int attempt = 0) => new()
    {
        StartedAt = at, Service = service, Method = "POST", Url = "https://x/api", StatusCode = status, ApiCode = apiCode, Attempt = attempt,
        Error = status == null ? "connection refused" : null,
    };

    [Fact]
    public void Lines_are_summed_per_service_with_errors_by_code_and_the_current_quota_windows()
    {
        var now = new DateTimeOffset(2026, 11, 25, 21, 30, 30, TimeSpan.Zero); // 00:30:30 Moscow, 26 November
        var log = new RequestLog(path);
        log.Write(Line(now.AddDays(-1), GosApiService.Epgu, 200));            // yesterday: this month and year only
        log.Write(Line(now.AddMinutes(-31), GosApiService.Epgu, 429));        // 23:59:30 Moscow: previous day
        log.Write(Line(now.AddMinutes(-31).AddSeconds(1), GosApiService.Epgu, 200, attempt: 1));
        log.Write(Line(now.AddSeconds(-20), GosApiService.Epgu, 500, "internal_error"));
        log.Write(Line(now.AddSeconds(-10), GosApiService.Uc, null));

        var summaries = RequestLogReader.Summarise(path, now, out var skipped);
        Assert.Empty(skipped);

        var epgu = summaries.Single(s => s.Service == GosApiService.Epgu);
        Assert.Equal(4, epgu.Requests);
        Assert.Equal(1, epgu.Retries);
        Assert.Equal(1, epgu.Throttled);
        Assert.Equal(new Dictionary<string, long> { ["429"] = 1, ["internal_error"] = 1 }, epgu.ErrorsByCode);
        var used = epgu.Quotas.ToDictionary(q => q.Quota, q => q.Used);
        Assert.Equal(1, used["requests per minute"]);
        Assert.Equal(1, used["requests per hour"]);
        Assert.Equal(1, used["requests per day"]);
        Assert.Equal(4, used["requests per month"]);
        Assert.Equal(120_000, epgu.Quotas.Single(q => q.Quota == "requests per hour").Limit);
        var uc = summaries.Single(s => s.Service == GosApiService.Uc);
        Assert.Equal(1, uc.ErrorsByCode["NoResponse"]);
        Assert.Empty(uc.Quotas);
    }

    [Fact]
    public void Lines_that_are_not_log_lines_are_skipped_and_numbered()
    {
        // A foreign line and a last line another process is still writing.
        File.WriteAllText(path, "{\"time\":\"2026-11-25T10:00:00Z\",\"service\":\"Epgu\",\"status\":200}\nnot json\n{\"time\":\"2026-11-25T10:00:01Z\",\"service\":\"Epgu\",\"status\":200}\n{\"time\":\"2026-11-");
        var summary = Assert.Single(RequestLogReader.Summarise(path, DateTimeOffset.UtcNow, out var skipped));
        Assert.Equal(2, summary.Requests);
        Assert.Equal(new[] { 2, 4 }, skipped);
    }
}
