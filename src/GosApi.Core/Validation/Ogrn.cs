namespace GosApi.Validation
{
    /// <summary>
    /// ОГРН of a legal entity: 13 digits, first digit 1 or 5; the last digit is
    /// (first 12 digits as a number mod 11) mod 10.
    /// </summary>
    public static class Ogrn
    {
        public const string DefaultField = "OGRN";

        public static bool IsValid(string? value) => Validate(value) is null;

        /// <summary>Null when valid; otherwise e.g. "OGRN 1027700132194: checksum is 4, expected 5".</summary>
        public static ValidationError? Validate(string? value, string field = DefaultField) =>
            RegistrationNumber.Validate(value, field, 13, 11, "must start with 1 or 5", '1', '5');
    }

    /// <summary>
    /// ОГРНИП of a sole proprietor: 15 digits, first digit 3; the last digit is
    /// (first 14 digits as a number mod 13) mod 10.
    /// </summary>
    public static class Ogrnip
    {
        public const string DefaultField = "OGRNIP";

        public static bool IsValid(string? value) => Validate(value) is null;

        /// <summary>Null when valid; otherwise e.g. "OGRNIP 304500116000158: checksum is 8, expected 7".</summary>
        public static ValidationError? Validate(string? value, string field = DefaultField) =>
            RegistrationNumber.Validate(value, field, 15, 13, "must start with 3", '3');
    }

    internal static class RegistrationNumber
    {
        internal static ValidationError? Validate(string? value, string field, int length, int modulus, string prefixRule, params char[] firstDigits)
        {
            var error = Rules.Digits(value, field, new[] { length });
            if (error is not null) return error;
            var number = value!;
            if (System.Array.IndexOf(firstDigits, number[0]) < 0) return new ValidationError(field, number, prefixRule);

            var body = long.Parse(number.Substring(0, length - 1), System.Globalization.CultureInfo.InvariantCulture);
            var expected = (int)(body % modulus % 10);
            var actual = Rules.Digit(number, length - 1);
            return actual == expected ? null : Rules.Checksum(field, number, Rules.Number(actual), Rules.Number(expected));
        }
    }
}
