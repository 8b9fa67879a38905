using System.Diagnostics;
using System.Threading.RateLimiting;
using GosApi.Http;
using Xunit;

namespace GosApi.Core.Tests.Http;

// CORE BUG (not committed: fails against src as of this run). ApiPipeline.CreateLimiter sets a sub-millisecond-precise
// ReplenishmentPeriod with AutoReplenishment; TokenBucketRateLimiter runs a System.Threading.Timer with that period,
// which truncates it to whole milliseconds, and adds TokensPerPeriod on every tick.
public class RateLimiterQuotaTests
{
    [Theory]
    [InlineData(120)]
    [InlineData(2000)]   // the default: 166 + 60000/32 = 2041 a minute
    [InlineData(6000)]
    [InlineData(7919)]
    public void The_timer_the_bucket_really_runs_never_exceeds_the_quota_in_60_s(int perMinute)
    {
        using var limiter = (TokenBucketRateLimiter)ApiPipeline.CreateLimiter(perMinute);
        var burst = limiter.GetStatistics()!.CurrentAvailablePermits;
        var timerMs = (long)limiter.ReplenishmentPeriod.TotalMilliseconds; // what System.Threading.Timer uses
        Assert.True(timerMs >= 1, $"{perMinute}/min: the replenishment timer period is {limiter.ReplenishmentPeriod.TotalMilliseconds} ms, i.e. 0 — a one-shot timer");
        var perMinuteReally = burst + 60_000 / timerMs; // one token per tick
        Assert.True(perMinuteReally <= perMinute, $"{perMinute}/min: burst {burst} + one token every {timerMs} ms = {perMinuteReally} in 60 s");
    }

    [Fact]
    public async Task A_high_quota_keeps_handing_out_permits_after_the_burst()
    {
        using var limiter = ApiPipeline.CreateLimiter(100_000); // burst 8333, then 91667 a minute ≈ 1.5 per ms
        for (var i = 0; i < 8333; i++) Assert.True(limiter.AttemptAcquire(1).IsAcquired);

        var got = 0;
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        try { while (true) { using var lease = await limiter.AcquireAsync(1, stop.Token); got++; } }
        catch (OperationCanceledException) { }

        Assert.True(got > 100, $"{got} permits in 0.5 s after the burst; the quota allows ≈ 760"); // today: 1, then it stalls for good
    }

    [Fact]
    public async Task Sliding_windows_hold_the_bucket_bound()
    {
        // 6000 a minute: burst 500, then one per 10.9 ms. By the time of the k-th grant, at most burst + t/period + 1.
        const int perMinute = 6000, burst = 500;
        var period = TimeSpan.FromTicks(TimeSpan.FromMinutes(1).Ticks / (perMinute - burst));
        using var limiter = ApiPipeline.CreateLimiter(perMinute);
        var clock = Stopwatch.StartNew();
        var stamps = new List<TimeSpan>();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < TimeSpan.FromMilliseconds(1200))
            {
                using var lease = await limiter.AcquireAsync(1);
                lock (stamps) stamps.Add(clock.Elapsed);
            }
        })));
        stamps.Sort();
        for (var k = 1; k <= stamps.Count; k++)
        {
            var allowed = burst + (int)Math.Floor(stamps[k - 1].Ticks / (double)period.Ticks) + 1;
            Assert.True(k <= allowed, $"{k} permits by {stamps[k - 1].TotalMilliseconds:0} ms; at most {allowed} allowed");
        }
    }
}
