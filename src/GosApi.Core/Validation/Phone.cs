using System.Text;

namespace GosApi.Validation
{
    /// <summary>How a service wants a Russian phone number.</summary>
    public enum PhoneFormat
    {
        /// <summary>10 digits without +7 or 8, e.g. "9104560011" (ИС «Электронный сертификат», УЦ «Основание»).</summary>
        TenDigits,
        /// <summary>11 digits starting with 7, e.g. "79005863454" (ФНС «Мобильная подпись», ^7\d{10}$).</summary>
        WithCountryCode,
    }

    /// <summary>Russian phone numbers, digits only; no check of the operator code.</summary>
    public static class Phone
    {
        public const string DefaultField = "Phone";

        public static bool IsValid(string? value, PhoneFormat format = PhoneFormat.TenDigits) => Validate(value, DefaultField, format) is null;

        /// <summary>
        /// Null when valid; otherwise e.g. "Phone 79104560011: must be 10 digits without +7 or 8, got 11"
        /// or "Consumer.Phone 89005863454: must start with 7".
        /// </summary>
        public static ValidationError? Validate(string? value, string field = DefaultField, PhoneFormat format = PhoneFormat.TenDigits)
        {
            if (format == PhoneFormat.TenDigits) return Rules.Digits(value, field, new[] { 10 }, " without +7 or 8");
            var error = Rules.Digits(value, field, new[] { 11 }, " starting with 7");
            if (error is not null) return error;
            return value![0] == '7' ? null : new ValidationError(field, value, "must start with 7");
        }

        /// <summary>
        /// Turns what a user typed ("+7 (910) 456-00-11", "8 910 456 00 11", "79104560011", "9104560011")
        /// into <paramref name="format"/>; returns the input unchanged when it is not recognisably a Russian
        /// number, so that <see cref="Validate"/> then reports it as typed.
        /// </summary>
        public static string? Normalize(string? value, PhoneFormat format = PhoneFormat.TenDigits)
        {
            if (Rules.IsBlank(value)) return value;
            var text = value!.Trim();
            var plus = text.StartsWith("+", System.StringComparison.Ordinal);
            var digits = new StringBuilder(text.Length);
            for (var i = plus ? 1 : 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c >= '0' && c <= '9') digits.Append(c);
                else if (c != ' ' && c != '-' && c != '(' && c != ')') return value;
            }

            var d = digits.ToString();
            string ten;
            if (plus && d.Length == 11 && d[0] == '7') ten = d.Substring(1);
            else if (!plus && d.Length == 11 && (d[0] == '7' || d[0] == '8')) ten = d.Substring(1);
            else if (!plus && d.Length == 10) ten = d;
            else return value;
            return format == PhoneFormat.TenDigits ? ten : "7" + ten;
        }
    }
}
