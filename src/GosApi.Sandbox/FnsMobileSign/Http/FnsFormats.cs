using System.Globalization;
using System.Text.RegularExpressions;

namespace GosApi.Sandbox.FnsMobileSign.Http;

/// <summary>Formats and check digits of the spec's fields.</summary>
internal static partial class FnsFormats
{
    public static bool Snils(string value)
    {
        if (!Digits(value, 11)) return false;
        var number = long.Parse(value.AsSpan(0, 9), CultureInfo.InvariantCulture);
        if (number <= 1_001_998) return true;
        var sum = 0;
        for (var i = 0; i < 9; i++) sum += (value[i] - '0') * (9 - i);
        var check = sum % 101;
        if (check == 100) check = 0;
        return check == int.Parse(value.AsSpan(9, 2), CultureInfo.InvariantCulture);
    }

    private static readonly int[] Inn10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
    private static readonly int[] Inn11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
    private static readonly int[] Inn12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

    /// <summary>ИНН of a person (12 digits).</summary>
    public static bool PersonInn(string value) =>
        Digits(value, 12) && Check(value, Inn11) == value[10] - '0' && Check(value, Inn12) == value[11] - '0';

    /// <summary>ИНН of a legal entity (10 digits).</summary>
    public static bool LegalEntityInn(string value) => Digits(value, 10) && Check(value, Inn10) == value[9] - '0';

    public static bool Ogrn(string value) =>
        Digits(value, 13) && long.Parse(value.AsSpan(0, 12), CultureInfo.InvariantCulture) % 11 % 10 == value[12] - '0';

    public static bool Ogrnip(string value) =>
        Digits(value, 15) && long.Parse(value.AsSpan(0, 14), CultureInfo.InvariantCulture) % 13 % 10 == value[14] - '0';

    public static bool Kpp(string value) => Digits(value, 9);

    public static bool Phone(string value) => PhonePattern().IsMatch(value);

    public static bool Date(string value) =>
        DatePattern().IsMatch(value) && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    public static bool IssueCode(string value) => IssueCodePattern().IsMatch(value);

    public static bool Digits(string value, int length) => value.Length == length && value.All(char.IsAsciiDigit);

    public static bool Uuid(string value) => Guid.TryParse(value, out _);

    public static bool HttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length > 0;

    /// <summary>Characters outside [\w\s.()-] become "_" (documents.title).</summary>
    public static string SanitizeTitle(string title) => TitleForbidden().Replace(title, "_");

    public static byte[]? Base64(string value)
    {
        try { return Convert.FromBase64String(value.Trim()); }
        catch (FormatException) { return null; }
    }

    private static int Check(string value, int[] weights)
    {
        var sum = 0;
        for (var i = 0; i < weights.Length; i++) sum += (value[i] - '0') * weights[i];
        return sum % 11 % 10;
    }

    [GeneratedRegex(@"^7\d{10}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^\d{3}-\d{3}$")]
    private static partial Regex IssueCodePattern();

    [GeneratedRegex(@"[^\w\s.()\-]")]
    private static partial Regex TitleForbidden();
}
