using System;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace GosApi.Json
{
    /// <summary>Lenient reads of loosely typed service JSON (numbers as strings, "Y"/"N" flags, odd date formats).</summary>
    internal static class JsonElementReader
    {
        private static readonly Regex CompactOffset = new Regex(@"([+-]\d{2})(\d{2})$", RegexOptions.CultureInvariant);

        public static string? Str(this JsonElement e, string name)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v)) return null;
            switch (v.ValueKind)
            {
                case JsonValueKind.String: return v.GetString();
                case JsonValueKind.Number: return v.GetRawText();
                case JsonValueKind.True: return "true";
                case JsonValueKind.False: return "false";
                default: return null;
            }
        }

        public static long? Long(this JsonElement e, string name)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v)) return null;
            if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n)) return n;
            if (v.ValueKind == JsonValueKind.String && long.TryParse(v.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out n)) return n;
            return null;
        }

        public static int? Int(this JsonElement e, string name)
        {
            var value = e.Long(name);
            return value.HasValue && value.Value >= int.MinValue && value.Value <= int.MaxValue ? (int)value.Value : (int?)null;
        }

        public static bool Bool(this JsonElement e, string name)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v)) return false;
            switch (v.ValueKind)
            {
                case JsonValueKind.True: return true;
                case JsonValueKind.String:
                    var s = v.GetString();
                    return string.Equals(s, "true", StringComparison.OrdinalIgnoreCase) || string.Equals(s, "Y", StringComparison.OrdinalIgnoreCase);
                default: return false;
            }
        }

        public static JsonElement? Obj(this JsonElement e, string name) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : (JsonElement?)null;

        public static JsonElement.ArrayEnumerator Array(this JsonElement e, string name) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : default;

        /// <summary>
        /// Dates as EPGU writes them: "2022-07-25T13:01:52.121+0300" (offset without colon) or
        /// "2022-12-21T20:49:37.672" (UTC per 001's footnote).
        /// </summary>
        public static DateTimeOffset? Date(this JsonElement e, string name) => ParseDate(e.Str(name));

        public static DateTimeOffset? ParseDate(string? text)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            var normalized = CompactOffset.Replace(text!.Trim(), "$1:$2");
            return DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
                ? value
                : (DateTimeOffset?)null;
        }
    }
}
