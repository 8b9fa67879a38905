using System;

namespace GosApi.Http.Quotas
{
    /// <summary>How much of one quota is used in its current window.</summary>
    public sealed class QuotaUsage
    {
        public QuotaUsage(string quota, long used, long limit, DateTimeOffset resetsAt)
        {
            Quota = quota;
            Used = used;
            Limit = limit;
            ResetsAt = resetsAt;
        }

        /// <summary>What is limited, e.g. "requests per hour" or "orders of service 10000000101 per 10 minutes".</summary>
        public string Quota { get; }
        public long Used { get; }
        public long Limit { get; }
        public long Remaining => Math.Max(0, Limit - Used);
        public double Percent => Limit == 0 ? 100 : Math.Round(100.0 * Used / Limit, 1);
        /// <summary>When the current window ends (calendar quotas) or the oldest counted item leaves it (sliding ones).</summary>
        public DateTimeOffset ResetsAt { get; }
        /// <summary>At or above the share of the quota at which the module warns (<see cref="QuotaWarning.Threshold"/>).</summary>
        public bool IsNearLimit => Used >= QuotaWarning.ThresholdOf(Limit);

        public override string ToString() => $"{Quota}: {Used} of {Limit} ({Percent}%)";
    }

    /// <summary>The share of a quota at which the module starts warning.</summary>
    public static class QuotaWarning
    {
        public const double Threshold = 0.9;
        public static long ThresholdOf(long limit) => Math.Max(1, (long)Math.Ceiling(limit * Threshold));
    }
}
