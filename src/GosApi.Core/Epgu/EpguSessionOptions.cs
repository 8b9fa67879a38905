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

        public void Validate()
        {
            if (MinChunkSize < 1) throw new ArgumentOutOfRangeException(nameof(MinChunkSize), MinChunkSize, "MinChunkSize must be positive.");
            if (MaxChunkSize < MinChunkSize) throw new ArgumentOutOfRangeException(nameof(MaxChunkSize), MaxChunkSize, $"MaxChunkSize must be at least MinChunkSize ({MinChunkSize}).");
            if (MaxPushSize < 1) throw new ArgumentOutOfRangeException(nameof(MaxPushSize), MaxPushSize, "MaxPushSize must be positive.");
            if (ThrottleLimit < 1) throw new ArgumentOutOfRangeException(nameof(ThrottleLimit), ThrottleLimit, "ThrottleLimit must be at least 1.");
            if (ChunkWindow <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(ChunkWindow), ChunkWindow, "ChunkWindow must be positive.");
            if (StatusPageSize < 1 || DictionaryPageSize < 1) throw new ArgumentOutOfRangeException(nameof(StatusPageSize), "Page sizes must be positive.");
        }

        public EpguSessionOptions Clone() => (EpguSessionOptions)MemberwiseClone();
    }
}
