namespace GosApi.Validation
{
    /// <summary>
    /// КПП: 9 characters — 4 digits (tax office), 2 digits or capital Latin letters A-Z (reason), 3 digits.
    /// There is no checksum. Some services (ИС «Электронный сертификат») accept digits only.
    /// </summary>
    public static class Kpp
    {
        public const string DefaultField = "KPP";

        public static bool IsValid(string? value) => Validate(value) is null;

        /// <summary>Null when valid; otherwise e.g. "KPP 77370100: must be 9 characters, got 8".</summary>
        public static ValidationError? Validate(string? value, string field = DefaultField)
        {
            if (Rules.IsBlank(value)) return new ValidationError(field, value, Rules.Empty);
            var kpp = value!;
            if (kpp.Length != 9) return new ValidationError(field, kpp, "must be 9 characters, got " + Rules.Number(kpp.Length));
            if (!Rules.IsDigitsAt(kpp, 0, 4) || !IsDigitOrCapital(kpp[4]) || !IsDigitOrCapital(kpp[5]) || !Rules.IsDigitsAt(kpp, 6, 3))
            {
                return new ValidationError(field, kpp, "must be 4 digits, 2 digits or capital letters A-Z, 3 digits");
            }
            return null;
        }

        private static bool IsDigitOrCapital(char c) => (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
    }
}
