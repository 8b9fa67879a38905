using System;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using GosApi.Validation;

namespace GosApi.ElectronicCertificates.Models
{
    /// <summary>The field rules of seed 002's schemas, worded for users.</summary>
    internal static class FieldRules
    {
        private static readonly Regex Letters = new Regex("^[a-zA-Zа-яА-ЯёЁ0-9]+$", RegexOptions.CultureInvariant);
        private static readonly Regex SpecUuid = new Regex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[34][0-9a-fA-F]{3}-[89ab][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$", RegexOptions.CultureInvariant);

        public static bool Blank(string? value) => value == null || value.Trim().Length == 0;

        /// <summary>Exactly <paramref name="length"/> ASCII digits.</summary>
        public static string? Digits(ValidationResult result, string field, string? value, int min, int max, bool required = true)
        {
            if (Blank(value)) { if (required) result.Add(field, value, "is required"); return null; }
            var text = value!.Trim();
            var ok = text.Length >= min && text.Length <= max;
            foreach (var c in text) ok &= c >= '0' && c <= '9';
            if (!ok) result.Add(field, value, min == max ? $"must be {min} digits" : $"must be {min} to {max} digits");
            return text;
        }

        /// <summary>Latin or Cyrillic letters and digits, exactly <paramref name="length"/> of them.</summary>
        public static string? Alphanumeric(ValidationResult result, string field, string? value, int length)
        {
            if (Blank(value)) { result.Add(field, value, "is required"); return null; }
            var text = value!.Trim();
            if (text.Length != length || !Letters.IsMatch(text)) result.Add(field, value, $"must be {length} letters or digits");
            return text;
        }

        public static string? Text(ValidationResult result, string field, string? value, int maxLength, int minLength = 1, bool required = true)
        {
            if (Blank(value)) { if (required) result.Add(field, value, "is required"); return null; }
            var text = value!.Trim();
            if (text.Length > maxLength || text.Length < minLength)
                result.Add(field, value, minLength == maxLength ? $"must be {maxLength} characters" : minLength > 1 ? $"must be {minLength} to {maxLength} characters" : $"must be at most {maxLength} characters");
            return text;
        }

        /// <summary>A card number of 16 to 19 digits; spaces and hyphens as printed on cards are dropped.</summary>
        public static string? PaymentInstrument(ValidationResult result, string field, string? value, bool required = true)
        {
            if (Blank(value)) { if (required) result.Add(field, value, "is required"); return null; }
            var digits = new StringBuilder();
            foreach (var c in value!)
            {
                if (c == ' ' || c == '-') continue;
                digits.Append(c);
            }
            return Digits(result, field, digits.Length == 0 ? value : digits.ToString(), 16, 19);
        }

        public static string? Snils(ValidationResult result, string field, string? value, bool required = true)
        {
            if (Blank(value)) { if (required) result.Add(field, value, "is required"); return null; }
            var error = Validation.Snils.Validate(value!.Trim(), field);
            // An invalid value is kept as typed: a second Validate reports the same error, not "is required".
            if (error != null) { result.Add(error); return value.Trim(); }
            return Validation.Snils.Normalize(value.Trim(), field);
        }

        public static string? Phone(ValidationResult result, string field, string? value, bool required = true)
        {
            if (Blank(value)) { if (required) result.Add(field, value, "is required"); return null; }
            var normalized = Validation.Phone.Normalize(value!.Trim());
            result.Add(Validation.Phone.Validate(normalized, field));
            return normalized;
        }

        public static string? Uuid(ValidationResult result, string field, string? value)
        {
            if (Blank(value)) { result.Add(field, value, "is required"); return null; }
            var text = value!.Trim();
            if (!SpecUuid.IsMatch(text)) result.Add(field, value, "must be a UUID (version 3 or 4) like 3f2504e0-4f89-41d3-9a0c-0305e82c3301");
            return text;
        }

        public static string? CertificateNumber(ValidationResult result, string field, string? value) => Digits(result, field, value, 25, 25);

        /// <summary>A code of <paramref name="list"/> typed with Latin or Cyrillic look-alikes, returned in the spec's spelling.</summary>
        public static string? Code(ValidationResult result, string field, string? value, System.Collections.Generic.IReadOnlyDictionary<string, string> list)
        {
            if (Blank(value)) { result.Add(field, value, "is required"); return null; }
            var code = ElectronicCertificateCodes.Normalize(list, value);
            if (code == null) result.Add(field, value, "must be one of " + string.Join(", ", list.Keys));
            return code;
        }

        public static void Range(ValidationResult result, string field, long? value, long min, long max)
        {
            if (value.HasValue && (value.Value < min || value.Value > max))
                result.Add(field, value.Value.ToString(CultureInfo.InvariantCulture), $"must be between {min} and {max}");
        }

        /// <summary>ISO 8601 with offset, as the spec's example 2021-04-05T10:43:07+00:00.</summary>
        public static string DateTime(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }
}
