namespace GosApi.Validation
{
    /// <summary>
    /// Russian internal passport: series of 4 digits, number of 6 digits, division code (код подразделения)
    /// of 6 digits written "520-000", "520 000" or "520000". No checksum exists.
    /// </summary>
    public static class Passport
    {
        public const string DefaultField = "Passport";
        public const string DefaultSeriesField = "PassportSeries";
        public const string DefaultNumberField = "PassportNumber";
        public const string DefaultDivisionCodeField = "PassportCode";

        public static bool IsValidSeries(string? value) => ValidateSeries(value) is null;

        /// <summary>Null when valid; otherwise e.g. "PassportSeries 221: must be 4 digits, got 3".</summary>
        public static ValidationError? ValidateSeries(string? value, string field = DefaultSeriesField) =>
            Rules.Digits(value, field, new[] { 4 });

        public static bool IsValidNumber(string? value) => ValidateNumber(value) is null;

        /// <summary>Null when valid; otherwise e.g. "PassportNumber 12312: must be 6 digits, got 5".</summary>
        public static ValidationError? ValidateNumber(string? value, string field = DefaultNumberField) =>
            Rules.Digits(value, field, new[] { 6 });

        public static bool IsValid(string? value) => Validate(value) is null;

        /// <summary>
        /// Series and number together: "2210 123123", "22 10 123123" or "2210123123".
        /// Null when valid; otherwise "Passport 2210-123123: must be 4 + 6 digits, as 2210 123123".
        /// </summary>
        public static ValidationError? Validate(string? value, string field = DefaultField)
        {
            if (Rules.IsBlank(value)) return new ValidationError(field, value, Rules.Empty);
            var text = value!;
            var ok = (text.Length == 10 && Rules.IsDigits(text))
                || (text.Length == 11 && text[4] == ' ' && Rules.IsDigitsAt(text, 0, 4) && Rules.IsDigitsAt(text, 5, 6))
                || (text.Length == 12 && text[2] == ' ' && text[5] == ' ' && Rules.IsDigitsAt(text, 0, 2) && Rules.IsDigitsAt(text, 3, 2) && Rules.IsDigitsAt(text, 6, 6));
            return ok ? null : new ValidationError(field, text, "must be 4 + 6 digits, as 2210 123123");
        }

        public static bool IsValidDivisionCode(string? value) => ValidateDivisionCode(value) is null;

        /// <summary>Null when valid; otherwise "PassportCode 52-0000: must be 6 digits, as 520-000".</summary>
        public static ValidationError? ValidateDivisionCode(string? value, string field = DefaultDivisionCodeField)
        {
            if (Rules.IsBlank(value)) return new ValidationError(field, value, Rules.Empty);
            var text = value!;
            var ok = (text.Length == 6 && Rules.IsDigits(text))
                || (text.Length == 7 && (text[3] == '-' || text[3] == ' ') && Rules.IsDigitsAt(text, 0, 3) && Rules.IsDigitsAt(text, 4, 3));
            return ok ? null : new ValidationError(field, text, "must be 6 digits, as 520-000");
        }
    }
}
