using GosApi.Validation;

namespace GosApi.FnsMobileSign.Requests
{
    /// <summary>Field rules shared by the request blocks.</summary>
    internal static class FnsFields
    {
        public static bool IsDigits(string text, int min, int max)
        {
            if (text.Length < min || text.Length > max) return false;
            foreach (var c in text) if (c < '0' || c > '9') return false;
            return true;
        }

        /// <summary>The 11 digits of a valid SNILS; the value as given (and an error) otherwise.</summary>
        public static string? Snils(ValidationResult result, string field, string? value)
        {
            var error = Validation.Snils.Validate(value, field);
            if (error != null) { result.Add(error); return value; }
            return Validation.Snils.Normalize(value, field);
        }

        /// <summary>The spec's ^7\d{10}$ after normalising "+7 (900) 586-34-54", "89005863454" and the like.</summary>
        public static string? Phone(ValidationResult result, string field, string? value, bool required)
        {
            if (Rules.IsBlank(value))
            {
                if (required) result.Add(field, value, "is required");
                return null;
            }
            var normalized = Validation.Phone.Normalize(value, PhoneFormat.WithCountryCode);
            result.Add(Validation.Phone.Validate(normalized, field, PhoneFormat.WithCountryCode));
            return normalized;
        }
    }
}
