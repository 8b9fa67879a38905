using System.Globalization;
using System.Text.RegularExpressions;

namespace GosApi.Sandbox.ElectronicCertificates.Domain;

/// <summary>Date-time forms on the ИС ЭС wire: IsoDateTime with an offset (2021-04-05T10:43:07+00:00) and dates (2021-04-05).</summary>
internal static partial class EcTime
{
    public static string Format(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>RFC 3339 date-time: seconds required, fraction optional, offset required (Z or ±hh:mm).</summary>
    public static bool TryParseDateTime(string text, out DateTimeOffset value)
    {
        value = default;
        return DateTimePattern().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    /// <summary>The calendar date of a date-time in its own offset, yyyy-MM-dd.</summary>
    public static string DateOf(string dateTime) => dateTime[..10];

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})\z")]
    private static partial Regex DateTimePattern();
}
