using System.Globalization;

namespace GosApi.Sandbox.Epgu.Orders;

/// <summary>Date formats as they appear in 001's examples.</summary>
internal static class EpguDates
{
    private static readonly TimeSpan Moscow = TimeSpan.FromHours(3);

    /// <summary>Order JSON: 2022-07-25T13:01:47.438+0300 (Moscow time).</summary>
    public static string OrderDate(DateTimeOffset value) =>
        value.ToOffset(Moscow).ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture) + "+0300";

    /// <summary>Status lists and updatedAfter: 2022-12-21T20:49:37.672, UTC without an offset.</summary>
    public const string UtcFormat = "yyyy-MM-dd'T'HH:mm:ss.fff";

    public static string Utc(DateTimeOffset value) => value.UtcDateTime.ToString(UtcFormat, CultureInfo.InvariantCulture);

    public static bool TryParseUtc(string text, out DateTimeOffset value)
    {
        var ok = DateTime.TryParseExact(text, UtcFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed);
        value = ok ? new DateTimeOffset(parsed, TimeSpan.Zero) : default;
        return ok;
    }
}
