using GosApi.Http.Quotas;
using Xunit;

namespace GosApi.Core.Tests.Http.Quotas;

/// <summary>001 Appendix 3 quotas: calendar windows in Moscow time, a warning at 90%, a wait instead of a refusal.</summary>
public sealed class QuotaWatchTests
{
    private static readonly DateTimeOffset Moscow2359 = new(2026, 11, 25, 23, 59, 0, TimeSpan.FromHours(3));

    [Theory]
    [InlineData(CalendarPeriod.Minute, "2026-11-25T23:59:00+03:00", "2026-11-26T00:00:00+03:00")]
    [InlineData(CalendarPeriod.Hour, "2026-11-25T23:00:00+03:00", "2026-11-26T00:00:00+03:00")]
    [InlineData(CalendarPeriod.Day, "2026-11-25T00:00:00+03:00", "2026-11-26T00:00:00+03:00")]
    [InlineData(CalendarPeriod.Month, "2026-11-01T00:00:00+03:00", "2026-12-01T00:00:00+03:00")]
    [InlineData(CalendarPeriod.Year, "2026-01-01T00:00:00+03:00", "2027-01-01T00:00:00+03:00")]
    public void Windows_are_calendar_periods_in_Moscow_time(CalendarPeriod period, string start, string end)
    {
        // 20:59:30 UTC is 23:59:30 in Moscow: still 25 November there.
        var time = new DateTimeOffset(2026, 11, 25, 20, 59, 30, TimeSpan.Zero);
        Assert.Equal(DateTimeOffset.Parse(start), CalendarWindows.StartOf(period, time));
        Assert.Equal(DateTimeOffset.Parse(end), CalendarWindows.EndOf(period, time));
    }

    [Fact]
    public void A_calendar_quota_warns_once_at_90_percent_and_then_says_how_long_to_wait()
    {
        var watch = new RequestQuotaWatch(new[] { new RequestQuota(CalendarPeriod.Hour, 10) });
        var warnings = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            Assert.Null(watch.TryCount(Moscow2359.AddSeconds(i), out var warning));
            if (warning != null) warnings.Add(warning);
        }
        Assert.Single(warnings);
        Assert.Contains("9 of 10 requests per hour", warnings[0]);

        var wait = watch.TryCount(Moscow2359.AddSeconds(30), out var full);
        Assert.Equal(TimeSpan.FromSeconds(30), wait);
        Assert.Contains("used up", full);
        Assert.Equal(10, watch.Usage(Moscow2359.AddSeconds(30)).Single().Used);

        // The next hour starts a new window.
        Assert.Null(watch.TryCount(Moscow2359.AddMinutes(1), out _));
        Assert.Equal(1, watch.Usage(Moscow2359.AddMinutes(1)).Single().Used);
    }

    [Fact]
    public void A_quota_read_from_settings_follows_their_changes()
    {
        long limit = 1;
        var watch = new RequestQuotaWatch(new[] { new RequestQuota(CalendarPeriod.Day, () => limit) });
        Assert.Null(watch.TryCount(Moscow2359, out _));
        Assert.NotNull(watch.TryCount(Moscow2359, out _));
        limit = 5;
        Assert.Null(watch.TryCount(Moscow2359, out _));
    }

    [Fact]
    public void Orders_per_service_are_counted_in_a_sliding_window_per_service()
    {
        var watch = new SlidingQuotaWatch("orders", 20, TimeSpan.FromMinutes(10));
        var start = DateTimeOffset.UtcNow;
        string? lastWarning = null;
        for (var i = 0; i < 20; i++)
        {
            Assert.Null(watch.TryCount("10000000101", start.AddSeconds(i), out var warning));
            if (i == 16) Assert.Null(warning);
            if (warning != null) lastWarning = warning;
        }
        Assert.Contains("20 of 20 orders of service 10000000101 per 10 minutes", lastWarning);

        // Another service has its own count; the 21st order of the first one waits until the first order is 10 minutes old.
        Assert.Null(watch.TryCount("10000000113", start.AddSeconds(30), out _));
        Assert.Equal(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(30), watch.TryCount("10000000101", start.AddSeconds(30), out var wait));
        Assert.Contains("waiting", wait);
        Assert.Null(watch.TryCount("10000000101", start.AddMinutes(10).AddSeconds(0.5), out _));

        var usage = watch.Usage(start.AddMinutes(10).AddSeconds(0.5));
        Assert.Equal(20, usage.Single(u => u.Quota.Contains("10000000101")).Used);
        Assert.True(usage.Single(u => u.Quota.Contains("10000000101")).IsNearLimit);
    }
}
