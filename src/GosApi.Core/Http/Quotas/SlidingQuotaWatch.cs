using System;
using System.Collections.Generic;
using System.Linq;

namespace GosApi.Http.Quotas
{
    /// <summary>
    /// Items per key in any window of a fixed length, e.g. EPGU's 20 orders per service per user in 10 minutes
    /// (001 Appendix 3). Same contract as <see cref="RequestQuotaWatch"/>: a warning at 90%, a wait when full.
    /// </summary>
    public sealed class SlidingQuotaWatch
    {
        private readonly object gate = new object();
        private readonly Dictionary<string, Queue<DateTimeOffset>> counted = new Dictionary<string, Queue<DateTimeOffset>>(StringComparer.Ordinal);

        private readonly Func<int> limit;
        private readonly Func<TimeSpan> window;

        public SlidingQuotaWatch(string itemName, int limit, TimeSpan window)
            : this(itemName, () => limit, () => window)
        {
            if (limit < 1) throw new ArgumentOutOfRangeException(nameof(limit), limit, "A quota must allow at least one item.");
            if (window <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(window), window, "The window must be positive.");
        }

        /// <summary>A quota read from settings at each item, so a changed session option applies at once.</summary>
        public SlidingQuotaWatch(string itemName, Func<int> limit, Func<TimeSpan> window)
        {
            ItemName = itemName;
            this.limit = limit ?? throw new ArgumentNullException(nameof(limit));
            this.window = window ?? throw new ArgumentNullException(nameof(window));
        }

        public string ItemName { get; }
        public int Limit => Math.Max(1, limit());
        public TimeSpan Window { get { var w = window(); return w > TimeSpan.Zero ? w : TimeSpan.FromTicks(1); } }

        public TimeSpan? TryCount(string key, DateTimeOffset now, out string? warning)
        {
            warning = null;
            lock (gate)
            {
                var times = Prune(key, now);
                var max = Limit;
                if (times.Count >= max)
                {
                    var freeAt = times.Peek() + Window;
                    warning = $"{max} {Name(key)} reached (001 Appendix 3); waiting {Math.Ceiling((freeAt - now).TotalSeconds)} s until {freeAt:yyyy-MM-dd HH:mm:ss zzz}.";
                    return freeAt > now ? freeAt - now : TimeSpan.FromMilliseconds(1);
                }
                times.Enqueue(now);
                if (times.Count >= QuotaWarning.ThresholdOf(max))
                    warning = $"{times.Count} of {max} {Name(key)} used (001 Appendix 3); further ones will wait for the window to move rather than fail.";
                return null;
            }
        }

        public IReadOnlyList<QuotaUsage> Usage(DateTimeOffset now)
        {
            lock (gate)
            {
                return counted.Keys.ToArray()
                    .Select(key => (Key: key, Times: Prune(key, now)))
                    .Where(k => k.Times.Count > 0)
                    .Select(k => new QuotaUsage(Name(k.Key), k.Times.Count, Limit, k.Times.Peek() + Window))
                    .ToArray();
            }
        }

        private Queue<DateTimeOffset> Prune(string key, DateTimeOffset now)
        {
            if (!counted.TryGetValue(key, out var times)) counted[key] = times = new Queue<DateTimeOffset>();
            while (times.Count > 0 && times.Peek() <= now - Window) times.Dequeue();
            return times;
        }

        private string Name(string key)
        {
            var span = Window;
            return $"{ItemName} of service {key} per " + (span.TotalMinutes >= 1 && span.Seconds == 0 ? $"{span.TotalMinutes:0} minutes" : $"{span.TotalSeconds:0.#} seconds");
        }
    }
}
