namespace GosApi.Sandbox.FnsMobileSign.Domain;

/// <summary>Sandbox-wide number sequences, so that ids never repeat across partners.</summary>
internal sealed class FnsIds
{
    private long _workflow = 2_052_000;
    private long _document = 2_960_000;
    private long _agent = 100;
    private long _certificate = 625_000;
    private long _scan = 639_000;
    private long _confirmation = 99_800;

    public long Workflow() => Interlocked.Increment(ref _workflow);
    public long Document() => Interlocked.Increment(ref _document);
    public long Agent() => Interlocked.Increment(ref _agent);
    public long Certificate() => Interlocked.Increment(ref _certificate);
    public long Scan() => Interlocked.Increment(ref _scan);
    public long Confirmation() => Interlocked.Increment(ref _confirmation);

    /// <summary>40 lowercase hex characters, as the spec's tokens.</summary>
    public static string Token() => System.Security.Cryptography.RandomNumberGenerator.GetHexString(40, lowercase: true);

    /// <summary>8 characters [A-Z0-9], as the spec's signature file names.</summary>
    public static string SignatureName() => System.Security.Cryptography.RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 8);
}
