namespace GosApi.Sandbox;

/// <summary>Behaviour knobs of the sandbox. Defaults follow EPGU API specification 1.11 (seed 001).</summary>
public sealed class SandboxOptions
{
    /// <summary>Status progression time compression: sandbox seconds per real second.</summary>
    public double ClockSpeed { get; set; } = 60;

    /// <summary>All chunks of an archive must arrive within this real time of the first one (001 §2.1.2: 5 minutes).</summary>
    public TimeSpan ChunkWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Minimum size of a non-last chunk (001: 1 MB).</summary>
    public long MinChunkSize { get; set; } = 1_048_576;

    /// <summary>Maximum size of any chunk and of a /push archive (001: 5 MB).</summary>
    public long MaxChunkSize { get; set; } = 5_242_880;

    /// <summary>Requests per minute per access token; above it the sandbox answers 429 with Retry-After (001 Приложение 3).</summary>
    public int RequestsPerMinute { get; set; } = 2000;

    /// <summary>Orders per user per serviceCode per 10 minutes (001 Приложение 3).</summary>
    public int OrdersPerTenMinutes { get; set; } = 20;

    /// <summary>Later spec versions: cancel without 'reason' is answered 400 "Required request parameter 'reason'".</summary>
    public bool RequireCancelReason { get; set; } = false;

    /// <summary>Chunks and archives live here; the directory is deleted when the server is disposed.</summary>
    public string StorageDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "gosapi-sandbox-" + Guid.NewGuid().ToString("N"));

    internal void Validate()
    {
        if (!(ClockSpeed > 0)) throw new ArgumentOutOfRangeException(nameof(ClockSpeed), ClockSpeed, "must be greater than 0");
        if (ChunkWindow <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(ChunkWindow), ChunkWindow, "must be positive");
        if (MinChunkSize < 1) throw new ArgumentOutOfRangeException(nameof(MinChunkSize), MinChunkSize, "must be at least 1");
        if (MaxChunkSize < MinChunkSize) throw new ArgumentOutOfRangeException(nameof(MaxChunkSize), MaxChunkSize, "must not be less than MinChunkSize");
        if (RequestsPerMinute < 1) throw new ArgumentOutOfRangeException(nameof(RequestsPerMinute), RequestsPerMinute, "must be at least 1");
        if (OrdersPerTenMinutes < 1) throw new ArgumentOutOfRangeException(nameof(OrdersPerTenMinutes), OrdersPerTenMinutes, "must be at least 1");
        if (string.IsNullOrWhiteSpace(StorageDirectory)) throw new ArgumentException("must not be empty", nameof(StorageDirectory));
    }
}
