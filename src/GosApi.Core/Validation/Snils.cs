using System.Globalization;

namespace GosApi.Validation
{
    /// <summary>
    /// СНИЛС: 9-digit number plus 2 check digits, written "11223344595" or "112-233-445 95".
    /// Check digits: S = Σ digit·(9…1); S &lt; 100 → S; S = 100 or 101 → 00; S &gt; 101 → S mod 101
    /// (100 → 00). Numbers up to 001-001-998 carry no checksum and are not checked.
    /// </summary>
    public static class Snils
    {
        public const string DefaultField = "SNILS";

        /// <summary>The largest number (first 9 digits) issued without a checksum: 001-001-998.</summary>
        public const int LastNumberWithoutChecksum = 1001998;

        private const string ShapeRule = "must be 11 digits, as 11223344595 or 112-233-445 95";

        public static bool IsValid(string? value) => Validate(value) is null;

        /// <summary>Null when valid; otherwise e.g. "SNILS 112-233-445 96: checksum is 96, expected 95".</summary>
        public static ValidationError? Validate(string? value, string field = DefaultField)
        {
            if (Rules.IsBlank(value)) return new ValidationError(field, value, Rules.Empty);
            var text = value!;
            var digits = DigitsOf(text);
            if (digits is null)
            {
                return Rules.IsDigits(text)
                    ? new ValidationError(field, text, "must be 11 digits, got " + Rules.Number(text.Length))
                    : new ValidationError(field, text, ShapeRule);
            }

            var number = int.Parse(digits.Substring(0, 9), CultureInfo.InvariantCulture);
            if (number <= LastNumberWithoutChecksum) return null;
            var expected = CheckDigits(digits);
            var actual = digits.Substring(9, 2);
            return actual == expected ? null : Rules.Checksum(field, text, actual, expected);
        }

        /// <summary>The 11 digits the APIs take ("11223344595"); throws <see cref="InputValidationException"/> when invalid.</summary>
        public static string Normalize(string? value, string field = DefaultField)
        {
            Validate(value, field)?.Throw();
            return DigitsOf(value!)!;
        }

        /// <summary>The printed form "112-233-445 95"; throws <see cref="InputValidationException"/> when invalid.</summary>
        public static string Format(string? value, string field = DefaultField)
        {
            var d = Normalize(value, field);
            return d.Substring(0, 3) + "-" + d.Substring(3, 3) + "-" + d.Substring(6, 3) + " " + d.Substring(9, 2);
        }

        /// <summary>The 11 digits of "11223344595" or "112-233-445 95"; null for any other shape.</summary>
        private static string? DigitsOf(string text)
        {
            if (text.Length == 11 && Rules.IsDigits(text)) return text;
            if (text.Length == 14 && text[3] == '-' && text[7] == '-' && text[11] == ' '
                && Rules.IsDigitsAt(text, 0, 3) && Rules.IsDigitsAt(text, 4, 3) && Rules.IsDigitsAt(text, 8, 3) && Rules.IsDigitsAt(text, 12, 2))
            {
                return text.Substring(0, 3) + text.Substring(4, 3) + text.Substring(8, 3) + text.Substring(12, 2);
            }
            return null;
        }

        private static string CheckDigits(string digits)
        {
            var sum = 0;
            for (var i = 0; i < 9; i++) sum += Rules.Digit(digits, i) * (9 - i);
            var check = sum < 100 ? sum : sum % 101;
            if (check == 100) check = 0;
            return check.ToString("00", CultureInfo.InvariantCulture);
        }
    }
}
