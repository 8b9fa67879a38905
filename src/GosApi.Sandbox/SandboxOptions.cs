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

    /// <summary>
    /// For services that require signatures, every x.sig in an archive must be a valid detached GOST CMS over x by a
    /// certificate of the test CA (<see cref="EsiaCaCertificate"/>); false: any non-empty x.sig passes, as before.
    /// </summary>
    public bool EpguVerifySignatures { get; set; } = true;

    /// <summary>
    /// Test CA for the ESIA token endpoint and the EPGU archive signatures: PEM text or a path to a PEM/DER certificate (GOST R 34.10-2012, cA true).
    /// Null: a fresh CA is generated at every start. Needs <see cref="EsiaCaPrivateKey"/>.
    /// </summary>
    public string? EsiaCaCertificate { get; set; }

    /// <summary>The CA's unencrypted PKCS#8 key: PEM text ("PRIVATE KEY") or a path to a PEM/DER file (openssl and BouncyCastle encodings).</summary>
    public string? EsiaCaPrivateKey { get; set; }

    /// <summary>How far the CMS signingTime may be from the server's time, either way (ESIA-007015 beyond it).</summary>
    public TimeSpan EsiaSigningTimeTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Lifetime of the access token the ESIA token endpoint issues.</summary>
    public TimeSpan EsiaTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Whether the token answer carries "expiresIn" next to "accessTkn". Public clients of the real route read only
    /// accessTkn (and take the expiry from the JWT's exp); turn this off to check that a client copes without it.
    /// </summary>
    public bool EsiaTokenExpiresIn { get; set; } = true;

    internal void Validate()
    {
        if (!(ClockSpeed > 0)) throw new ArgumentOutOfRangeException(nameof(ClockSpeed), ClockSpeed, "must be greater than 0");
        if (ChunkWindow <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(ChunkWindow), ChunkWindow, "must be positive");
        if (MinChunkSize < 1) throw new ArgumentOutOfRangeException(nameof(MinChunkSize), MinChunkSize, "must be at least 1");
        if (MaxChunkSize < MinChunkSize) throw new ArgumentOutOfRangeException(nameof(MaxChunkSize), MaxChunkSize, "must not be less than MinChunkSize");
        if (RequestsPerMinute < 1) throw new ArgumentOutOfRangeException(nameof(RequestsPerMinute), RequestsPerMinute, "must be at least 1");
        if (OrdersPerTenMinutes < 1) throw new ArgumentOutOfRangeException(nameof(OrdersPerTenMinutes), OrdersPerTenMinutes, "must be at least 1");
        if (string.IsNullOrWhiteSpace(StorageDirectory)) throw new ArgumentException("must not be empty", nameof(StorageDirectory));
        if ((EsiaCaCertificate is null) != (EsiaCaPrivateKey is null))
            throw new ArgumentException("EsiaCaCertificate and EsiaCaPrivateKey go together: set both or neither", EsiaCaCertificate is null ? nameof(EsiaCaCertificate) : nameof(EsiaCaPrivateKey));
        if (EsiaSigningTimeTolerance <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(EsiaSigningTimeTolerance), EsiaSigningTimeTolerance, "must be positive");
        if (EsiaTokenLifetime <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(EsiaTokenLifetime), EsiaTokenLifetime, "must be positive");
    }
}
