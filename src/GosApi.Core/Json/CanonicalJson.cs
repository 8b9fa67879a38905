using System;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace GosApi.Json
{
    /// <summary>
    /// JSON Canonicalization Scheme (RFC 8785): members sorted by the UTF-16 code units of their names,
    /// no whitespace, minimal string escaping, numbers as ECMAScript's Number.prototype.toString.
    /// </summary>
    /// <remarks>
    /// Input that RFC 8785 cannot canonicalise is rejected with <see cref="FormatException"/>: malformed JSON,
    /// duplicate member names, numbers that overflow an IEEE-754 double, lone surrogates in strings.
    /// </remarks>
    public static class CanonicalJson
    {
        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(false, true);
        private static readonly JsonDocumentOptions ParseOptions = new JsonDocumentOptions { MaxDepth = 256 };

        /// <summary>Canonical form of a JSON text.</summary>
        public static string Canonicalize(string json)
        {
            if (json == null) throw new ArgumentNullException(nameof(json));
            JsonDocument doc;
            try { doc = JsonDocument.Parse(json, ParseOptions); }
            catch (JsonException ex) { throw new FormatException("Not valid JSON: " + ex.Message, ex); }
            using (doc) return Canonicalize(doc.RootElement);
        }

        /// <summary>Canonical form of a JSON value.</summary>
        public static string Canonicalize(JsonElement element)
        {
            var sb = new StringBuilder();
            Write(sb, element, "$");
            return sb.ToString();
        }

        /// <summary>UTF-8 bytes of the canonical form of a JSON text (the bytes RFC 8785 hashes or signs).</summary>
        public static byte[] CanonicalizeToUtf8(string json) => ToUtf8(Canonicalize(json));

        /// <summary>UTF-8 bytes of the canonical form of a JSON value.</summary>
        public static byte[] CanonicalizeToUtf8(JsonElement element) => ToUtf8(Canonicalize(element));

        /// <summary>UTF-8 JSON text in, UTF-8 canonical bytes out (a leading BOM is not accepted).</summary>
        public static byte[] CanonicalizeToUtf8(byte[] utf8Json)
        {
            if (utf8Json == null) throw new ArgumentNullException(nameof(utf8Json));
            JsonDocument doc;
            try { doc = JsonDocument.Parse(utf8Json, ParseOptions); }
            catch (JsonException ex) { throw new FormatException("Not valid JSON: " + ex.Message, ex); }
            using (doc) return CanonicalizeToUtf8(doc.RootElement);
        }

        private static byte[] ToUtf8(string s)
        {
            try { return StrictUtf8.GetBytes(s); }
            catch (EncoderFallbackException ex) { throw new FormatException("A JSON string contains a lone surrogate.", ex); }
        }

        private static void Write(StringBuilder sb, JsonElement e, string path)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    var members = new List<KeyValuePair<string, JsonElement>>();
                    foreach (var p in e.EnumerateObject()) members.Add(new KeyValuePair<string, JsonElement>(ReadName(p, path), p.Value));
                    // Stable ordinal sort by UTF-16 code units (List.Sort is unstable, duplicates are rejected anyway).
                    members.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
                    sb.Append('{');
                    for (int i = 0; i < members.Count; i++)
                    {
                        if (i > 0)
                        {
                            if (string.Equals(members[i - 1].Key, members[i].Key, StringComparison.Ordinal))
                                throw new FormatException("Duplicate member name \"" + members[i].Key + "\" in " + path + ".");
                            sb.Append(',');
                        }
                        WriteString(sb, members[i].Key);
                        sb.Append(':');
                        Write(sb, members[i].Value, path + "." + members[i].Key);
                    }
                    sb.Append('}');
                    break;
                case JsonValueKind.Array:
                    sb.Append('[');
                    int n = 0;
                    foreach (var item in e.EnumerateArray())
                    {
                        if (n > 0) sb.Append(',');
                        Write(sb, item, path + "[" + n.ToString(CultureInfo.InvariantCulture) + "]");
                        n++;
                    }
                    sb.Append(']');
                    break;
                case JsonValueKind.String:
                    string? s;
                    try { s = e.GetString(); }
                    catch (InvalidOperationException ex) { throw new FormatException("Invalid string at " + path + ": " + ex.Message, ex); }
                    WriteString(sb, s ?? "");
                    break;
                case JsonValueKind.Number:
                    var raw = e.GetRawText();
                    if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || double.IsNaN(d) || double.IsInfinity(d))
                        throw new FormatException("Number " + raw + " at " + path + " is outside the IEEE-754 double range.");
                    sb.Append(SerializeNumber(d));
                    break;
                case JsonValueKind.True: sb.Append("true"); break;
                case JsonValueKind.False: sb.Append("false"); break;
                case JsonValueKind.Null: sb.Append("null"); break;
                default: throw new FormatException("Unsupported JSON value at " + path + ".");
            }
        }

        private static string ReadName(JsonProperty p, string path)
        {
            try { return p.Name; }
            catch (InvalidOperationException ex) { throw new FormatException("Invalid member name in " + path + ": " + ex.Message, ex); }
        }

        /// <summary>A JSON string literal with the minimal escaping of RFC 8785 §3.2.2.2.</summary>
        public static string SerializeString(string value)
        {
            if (value == null) throw new ArgumentNullException(nameof(value));
            var sb = new StringBuilder(value.Length + 2);
            WriteString(sb, value);
            return sb.ToString();
        }

        private static void WriteString(StringBuilder sb, string s)
        {
            sb.Append('"');
            foreach (char c in s)
            {
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    case '\b': sb.Append("\\b"); break;
                    case '\f': sb.Append("\\f"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\r': sb.Append("\\r"); break;
                    case '\t': sb.Append("\\t"); break;
                    default:
                        if (c < 0x20) sb.Append("\\u00").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                        else sb.Append(c);
                        break;
                }
            }
            sb.Append('"');
        }

        /// <summary>
        /// A double as ECMAScript's Number.prototype.toString writes it (RFC 8785 §3.2.2.3): shortest round-trip
        /// digits, fixed notation for 1e-7 &lt; |v| &lt; 1e21, otherwise exponent notation such as 1e+21; -0 is "0".
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">NaN or an infinity.</exception>
        public static string SerializeNumber(double value)
        {
            if (double.IsNaN(value) || double.IsInfinity(value))
                throw new ArgumentOutOfRangeException(nameof(value), "RFC 8785 cannot represent NaN or Infinity.");
            if (value == 0) return "0"; // also -0
            ShortestDigits(Math.Abs(value), out var digits, out var pointPos);
            return FormatEcmaScript(value < 0, digits, pointPos);
        }

        // .NET Core 3.0+ "R" gives the shortest round-trip digits (closest to the value among the shortest);
        // .NET Framework's "R" tries 15 then 17 digits, so there the shortest length is searched instead.
        private static readonly bool RoundTripIsShortest =
            !RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// Shortest digits of a positive finite double: value = 0.d1d2…dk × 10^pointPos, no leading or trailing zeros.
        /// </summary>
        internal static void ShortestDigits(double positive, out string digits, out int pointPos)
        {
            if (RoundTripIsShortest) ParseDecimal(positive.ToString("R", CultureInfo.InvariantCulture), out digits, out pointPos);
            else ShortestDigitsBySearch(positive, out digits, out pointPos);
        }

        /// <summary>
        /// Portable fallback for runtimes whose "R" is not shortest (.NET Framework formats at most 15 correct digits,
        /// "R" adds a 17-digit retry): the first precision up to 15 whose rounded "E" form parses back to the value,
        /// else the 16-digit neighbours of the 17-digit form (the closer one that round-trips), else 17 digits.
        /// </summary>
        internal static void ShortestDigitsBySearch(double positive, out string digits, out int pointPos)
        {
            for (int precision = 1; precision <= 15; precision++)
            {
                var s = positive.ToString("E" + (precision - 1).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
                if (double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture) == positive)
                {
                    ParseDecimal(s, out digits, out pointPos);
                    return;
                }
            }
            // 17 significant digits: exact "E16" where formatting is IEEE-correct, "R" (its 17-digit retry) on .NET Framework.
            ParseDecimal(positive.ToString(RoundTripIsShortest ? "E16" : "R", CultureInfo.InvariantCulture), out var d17, out var p17);
            if (d17.Length <= 16) { digits = d17; pointPos = p17; return; }
            var down = d17.Substring(0, 16);
            var up = IncrementDigits(down, out var carried);
            var upPoint = carried ? p17 + 1 : p17;
            bool downOk = RoundTrips(down, p17, positive), upOk = RoundTrips(up, upPoint, positive);
            if (downOk && (!upOk || PreferLower(positive, down, p17 - 16))) { digits = down.TrimEnd('0'); pointPos = p17; return; }
            if (upOk) { digits = up.TrimEnd('0'); pointPos = upPoint; return; }
            digits = d17;
            pointPos = p17;
        }

        /// <summary>
        /// Whether D × 10^q is closer to the value than (D + 1) × 10^q, ties to the even last digit (ECMA-262):
        /// compares 2v with (2D + 1) × 10^q exactly.
        /// </summary>
        private static bool PreferLower(double positive, string down, int q)
        {
            long bits = BitConverter.DoubleToInt64Bits(positive);
            int expBits = (int)((bits >> 52) & 0x7FF);
            long fraction = bits & ((1L << 52) - 1);
            BigInteger m = expBits == 0 ? fraction : fraction | (1L << 52);
            int e = expBits == 0 ? -1074 : expBits - 1075;
            BigInteger d = BigInteger.Parse(down, CultureInfo.InvariantCulture);
            BigInteger left = 2 * m, right = 2 * d + 1;
            if (e >= 0) left <<= e; else right <<= -e;
            if (q >= 0) right *= BigInteger.Pow(10, q); else left *= BigInteger.Pow(10, -q);
            int c = left.CompareTo(right);
            return c < 0 || (c == 0 && d.IsEven);
        }

        private static bool RoundTrips(string digits, int pointPos, double value) =>
            double.Parse("0." + digits + "E" + pointPos.ToString(CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture) == value;

        private static string IncrementDigits(string digits, out bool carried)
        {
            var c = digits.ToCharArray();
            int i = c.Length - 1;
            while (i >= 0 && c[i] == '9') c[i--] = '0';
            carried = i < 0;
            if (carried) return "1" + new string(c, 0, c.Length - 1);
            c[i]++;
            return new string(c);
        }

        /// <summary>Splits "123.45", "1.5E+23", "5E-324" into significant digits and decimal point position.</summary>
        internal static void ParseDecimal(string s, out string digits, out int pointPos)
        {
            int exp = 0;
            int e = s.IndexOfAny(new[] { 'E', 'e' });
            string mantissa = s;
            if (e >= 0)
            {
                exp = int.Parse(s.Substring(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                mantissa = s.Substring(0, e);
            }
            if (mantissa.StartsWith("-", StringComparison.Ordinal)) mantissa = mantissa.Substring(1);
            int dot = mantissa.IndexOf('.');
            string all = dot >= 0 ? mantissa.Remove(dot, 1) : mantissa;
            int point = (dot >= 0 ? dot : mantissa.Length) + exp;
            int lead = 0;
            while (lead < all.Length - 1 && all[lead] == '0') lead++;
            all = all.Substring(lead);
            point -= lead;
            all = all.TrimEnd('0');
            if (all.Length == 0) throw new FormatException("No significant digits in \"" + s + "\".");
            digits = all;
            pointPos = point;
        }

        /// <summary>ECMA-262 Number::toString for radix 10, given the digits s (length k) and n with value = 0.s × 10^n.</summary>
        private static string FormatEcmaScript(bool negative, string s, int n)
        {
            int k = s.Length;
            var sb = new StringBuilder(k + 26);
            if (negative) sb.Append('-');
            if (k <= n && n <= 21)
            {
                sb.Append(s).Append('0', n - k);
            }
            else if (0 < n && n <= 21)
            {
                sb.Append(s, 0, n).Append('.').Append(s, n, k - n);
            }
            else if (-6 < n && n <= 0)
            {
                sb.Append("0.").Append('0', -n).Append(s);
            }
            else
            {
                int e = n - 1;
                sb.Append(s[0]);
                if (k > 1) sb.Append('.').Append(s, 1, k - 1);
                sb.Append('e').Append(e < 0 ? '-' : '+').Append(Math.Abs(e).ToString(CultureInfo.InvariantCulture));
            }
            return sb.ToString();
        }
    }
}
