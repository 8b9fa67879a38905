using System;

namespace GosApi.Epgu
{
    /// <summary>Where result files are downloaded from.</summary>
    public enum EpguDownloadRoute
    {
        /// <summary>001 v1.11: GET /api/storage/v2/files/{objectId}/{objectType}/download?mnemonic=…</summary>
        Storage,
        /// <summary>Later spec versions (1.13+): GET /api/gusmev/files/download/{objectId}/{objectType}?mnemonic=…&amp;eserviceCode=…</summary>
        Gusmev,
    }

    /// <summary>
    /// EPGU limits and routes that changed between versions of the specification. Defaults follow 001 (v1.11);
    /// users of newer contours change them per session instead of waiting for a release.
    /// </summary>
    public sealed class EpguSessionOptions
    {
        public const long Megabyte = 1024 * 1024;

        /// <summary>Smallest non-last chunk (001: 1 MB; later versions: 5,000,000 bytes).</summary>
        public long MinChunkSize { get; set; } = 1 * Megabyte;
        /// <summary>Largest chunk (001: 5 MB; later versions: 50,000,000 bytes).</summary>
        public long MaxChunkSize { get; set; } = 5 * Megabyte;
        /// <summary>Largest archive for the single-request /push (001: 5 MB).</summary>
        public long MaxPushSize { get; set; } = 5 * Megabyte;
        /// <summary>All chunks must arrive within this time of the first one (001: 5 minutes).</summary>
        public TimeSpan ChunkWindow { get; set; } = TimeSpan.FromMinutes(5);
        /// <summary>Middle chunks sent at once.</summary>
        public int ThrottleLimit { get; set; } = 4;
        public EpguDownloadRoute DownloadRoute { get; set; } = EpguDownloadRoute.Storage;
        /// <summary>Reason sent with a cancel when the user gives none (the test contour of later versions requires one).</summary>
        public string? DefaultCancelReason { get; set; }
        /// <summary>Largest page for getOrdersStatus / getUpdatedAfter.</summary>
        public int StatusPageSize { get; set; } = 100;
        /// <summary>Page size for NSI dictionaries.</summary>
        public int DictionaryPageSize { get; set; } = 100;
        /// <summary>
        /// 001 Appendix 3: requests of the information system per calendar hour, day, month and year (Moscow time);
        /// the per-minute quota is <see cref="Http.HttpPipelineOptions.RequestsPerMinute"/>. Raise them when the operator raised yours.
        /// </summary>
        public long RequestsPerHour { get; set; } = 120_000;
        public long RequestsPerDay { get; set; } = 2_880_000;
        public long RequestsPerMonth { get; set; } = 86_400_000;
        public long RequestsPerYear { get; set; } = 1_036_800_000;
        /// <summary>001 Appendix 3: orders per service per user in 10 minutes (a service's own spec may set another number).</summary>
        public int OrdersPerTenMinutes { get; set; } = 20;
        /// <summary>The window of <see cref="OrdersPerTenMinutes"/> (10 minutes in 001; a service's spec may say otherwise).</summary>
        public TimeSpan OrderQuotaWindow { get; set; } = TimeSpan.FromMinutes(10);

        public void Validate()
        {
            if (MinChunkSize < 1) throw new ArgumentOutOfRangeException(nameof(MinChunkSize), MinChunkSize, "MinChunkSize must be positive.");
            if (MaxChunkSize < MinChunkSize) throw new ArgumentOutOfRangeException(nameof(MaxChunkSize), MaxChunkSize, $"MaxChunkSize must be at least MinChunkSize ({MinChunkSize}).");
            if (MaxPushSize < 1) throw new ArgumentOutOfRangeException(nameof(MaxPushSize), MaxPushSize, "MaxPushSize must be positive.");
            if (ThrottleLimit < 1) throw new ArgumentOutOfRangeException(nameof(ThrottleLimit), ThrottleLimit, "ThrottleLimit must be at least 1.");
            if (ChunkWindow <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(ChunkWindow), ChunkWindow, "ChunkWindow must be positive.");
            if (StatusPageSize < 1 || DictionaryPageSize < 1) throw new ArgumentOutOfRangeException(nameof(StatusPageSize), "Page sizes must be positive.");
            if (RequestsPerHour < 1 || RequestsPerDay < 1 || RequestsPerMonth < 1 || RequestsPerYear < 1) throw new ArgumentOutOfRangeException(nameof(RequestsPerHour), "Request quotas must be at least 1.");
            if (OrderQuotaWindow <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(OrderQuotaWindow), OrderQuotaWindow, "OrderQuotaWindow must be positive.");
            if (OrdersPerTenMinutes < 1) throw new ArgumentOutOfRangeException(nameof(OrdersPerTenMinutes), OrdersPerTenMinutes, "OrdersPerTenMinutes must be at least 1.");
        }

        public EpguSessionOptions Clone() => (EpguSessionOptions)MemberwiseClone();

        /// <summary>The calendar request quotas of 001 Appendix 3, following later changes of these options.</summary>
        internal Http.Quotas.RequestQuotaWatch RequestQuotaWatch(int requestsPerMinute) => new Http.Quotas.RequestQuotaWatch(new[]
        {
            new Http.Quotas.RequestQuota(Http.Quotas.CalendarPeriod.Minute, requestsPerMinute),
            new Http.Quotas.RequestQuota(Http.Quotas.CalendarPeriod.Hour, () => RequestsPerHour),
            new Http.Quotas.RequestQuota(Http.Quotas.CalendarPeriod.Day, () => RequestsPerDay),
            new Http.Quotas.RequestQuota(Http.Quotas.CalendarPeriod.Month, () => RequestsPerMonth),
            new Http.Quotas.RequestQuota(Http.Quotas.CalendarPeriod.Year, () => RequestsPerYear),
        });

        /// <summary>Orders per service in any 10 minutes (001 Appendix 3), following later changes of these options.</summary>
        internal Http.Quotas.SlidingQuotaWatch OrderQuotaWatch() => new Http.Quotas.SlidingQuotaWatch("orders", () => OrdersPerTenMinutes, () => OrderQuotaWindow);
    }
}
