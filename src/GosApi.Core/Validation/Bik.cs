namespace GosApi.Validation
{
    /// <summary>
    /// БИК: 9 digits, no checksum. Banks' BIKs start with 04, but since 2021 Federal Treasury bodies
    /// have BIKs such as 004525988, 017003983 or 024501901, so no prefix is required.
    /// </summary>
    public static class Bik
    {
        public const string DefaultField = "BIK";

        public static bool IsValid(string? value) => Validate(value) is null;

        /// <summary>Null when valid; otherwise e.g. "BIK 04452522: must be 9 digits, got 8".</summary>
        public static ValidationError? Validate(string? value, string field = DefaultField) =>
            Rules.Digits(value, field, new[] { 9 });
    }
}
