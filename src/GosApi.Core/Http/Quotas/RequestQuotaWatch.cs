using System;
using System.Collections.Generic;
using System.Linq;

namespace GosApi.Http.Quotas
{
    /// <summary>A limit of requests per calendar period.</summary>
    public sealed class RequestQuota
    {
        private readonly Func<long> limit;

        public RequestQuota(CalendarPeriod period, long limit)
        {
            if (limit < 1) throw new ArgumentOutOfRangeException(nameof(limit), limit, "A quota must allow at least one request.");
            Period = period;
            this.limit = () => limit;
        }

        /// <summary>A quota read from settings at each request, so a changed session option applies at once.</summary>
        public RequestQuota(CalendarPeriod period, Func<long> limit)
        {
            Period = period;
            this.limit = limit ?? throw new ArgumentNullException(nameof(limit));
        }

        public CalendarPeriod Period { get; }
        public long Limit => Math.Max(1, limit());
        public string Name => "requests per " + Period.ToString().ToLowerInvariant();
    }

    /// <summary>
    /// Counts a session's requests in the current calendar windows of its quotas. Before each request the pipeline
    /// asks it for a permit: it warns once per window when 90% is used and, when a window is full, says how long to
    /// wait for the next one — so a scheduled script slows down instead of collecting limitation errors.
    /// </summary>
    public sealed class RequestQuotaWatch
    {
        private readonly object gate = new object();
        private readonly Window[] windows;

        public RequestQuotaWatch(IEnumerable<RequestQuota> quotas)
        {
            windows = quotas.Select(q => new Window(q)).ToArray();
        }

        public IReadOnlyList<RequestQuota> Quotas => windows.Select(w => w.Quota).ToArray();

        /// <summary>Counts one request now, or returns how long to wait because a window is full (then nothing is counted).</summary>
        public TimeSpan? TryCount(DateTimeOffset now, out string? warning)
        {
            warning = null;
            lock (gate)
            {
                foreach (var window in windows) window.Roll(now);
                var full = windows.FirstOrDefault(w => w.Used >= w.Quota.Limit);
                if (full != null)
                {
                    var wait = full.EndsAt - now;
                    warning = $"Quota of {full.Quota.Limit} {full.Quota.Name} (001 Appendix 3) is used up; waiting {Math.Ceiling(wait.TotalSeconds)} s until {full.EndsAt:yyyy-MM-dd HH:mm:ss zzz}.";
                    return wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1);
                }
                foreach (var window in windows)
                {
                    window.Used++;
                    if (!window.Warned && window.Used >= QuotaWarning.ThresholdOf(window.Quota.Limit))
                    {
                        window.Warned = true;
                        warning = $"{window.Used} of {window.Quota.Limit} {window.Quota.Name} used (001 Appendix 3); the window ends at {window.EndsAt:yyyy-MM-dd HH:mm:ss zzz}. Requests will wait for the next window rather than fail.";
                    }
                }
                return null;
            }
        }

        public IReadOnlyList<QuotaUsage> Usage(DateTimeOffset now)
        {
            lock (gate)
            {
                return windows.Select(w =>
                {
                    w.Roll(now);
                    return new QuotaUsage(w.Quota.Name, w.Used, w.Quota.Limit, w.EndsAt);
                }).ToArray();
            }
        }

        private sealed class Window
        {
            public Window(RequestQuota quota) { Quota = quota; }
            public RequestQuota Quota { get; }
            public DateTimeOffset EndsAt { get; private set; } = DateTimeOffset.MinValue;
            public long Used { get; set; }
            public bool Warned { get; set; }

            public void Roll(DateTimeOffset now)
            {
                if (now < EndsAt) return;
                EndsAt = CalendarWindows.EndOf(Quota.Period, now);
                Used = 0;
                Warned = false;
            }
        }
    }
}
