using System.Globalization;

namespace GosApi.Sandbox.ElectronicCertificates.Domain;

/// <summary>Unique 25-digit certificate numbers (date, time, 11-digit counter) and 16-digit transaction numbers.</summary>
internal sealed class CertificateNumbers
{
    private long _certificates;
    private long _transactions;

    public string NextCertificate(DateTimeOffset now) =>
        now.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)
        + (Interlocked.Increment(ref _certificates) % 100_000_000_000L).ToString("D11", CultureInfo.InvariantCulture);

    public long NextTransaction() => 1_000_000_000_000_000L + Interlocked.Increment(ref _transactions);
}
