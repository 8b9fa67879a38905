using System.Globalization;
using System.Text;

namespace GosApi.Sandbox.ElectronicCertificates.Json;

/// <summary>
/// ECMAScript Number.prototype.toString (ECMA-262 Number::toString, radix 10) for finite doubles, as RFC 8785 §3.2.2.3
/// demands: shortest round-trip digits, plain notation for 1e-6 ≤ |x| &lt; 1e21, otherwise "d.ddde±n"; -0 is "0".
/// </summary>
internal static class EcmaScriptNumber
{
    public static string Format(double value)
    {
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(nameof(value), value, "NaN and infinities have no JSON form");
        if (value == 0) return "0"; // also -0
        if (value < 0) return "-" + Format(-value);

        var (digits, n) = ShortestDigits(value);
        var k = digits.Length;
        var text = new StringBuilder(32);
        if (k <= n && n <= 21)
        {
            text.Append(digits).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            text.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        }
        else if (-6 < n && n <= 0)
        {
            text.Append("0.").Append('0', -n).Append(digits);
        }
        else
        {
            var e = n - 1;
            text.Append(digits[0]);
            if (k > 1) text.Append('.').Append(digits, 1, k - 1);
            text.Append('e').Append(e >= 0 ? '+' : '-').Append(Math.Abs(e).ToString(CultureInfo.InvariantCulture));
        }
        return text.ToString();
    }

    /// <summary>The shortest digit string s (no leading/trailing zeros) and n such that value = 0.s × 10^n.</summary>
    private static (string Digits, int N) ShortestDigits(double value)
    {
        // .NET Core 3.0+ "R" is the shortest string that round-trips, like ECMAScript's algorithm.
        var r = value.ToString("R", CultureInfo.InvariantCulture);
        var exponent = 0;
        var e = r.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(r.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            r = r[..e];
        }
        var point = r.IndexOf('.');
        var integer = point < 0 ? r : r[..point];
        var fraction = point < 0 ? "" : r[(point + 1)..];
        var digits = (integer + fraction).TrimStart('0');
        var trimmed = digits.TrimEnd('0');
        // value = digits × 10^(exponent - fraction.Length); dropping trailing zeros moves the exponent up.
        var exp10 = exponent - fraction.Length + (digits.Length - trimmed.Length);
        return (trimmed, exp10 + trimmed.Length);
    }
}
