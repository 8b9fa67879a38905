namespace GosApi.Validation
{
    /// <summary>Which INN lengths a field takes.</summary>
    public enum InnKind
    {
        /// <summary>10 digits (legal entity) or 12 digits (person, sole proprietor).</summary>
        Any,
        /// <summary>10 digits only.</summary>
        LegalEntity,
        /// <summary>12 digits only (person or sole proprietor).</summary>
        Person,
    }

    /// <summary>
    /// ИНН: 10 digits for a legal entity (one check digit), 12 for a person or sole proprietor
    /// (two check digits); each check digit is (Σ weight·digit mod 11) mod 10 (ФНС algorithm).
    /// </summary>
    public static class Inn
    {
        public const string DefaultField = "INN";

        private static readonly int[] Weights10 = { 2, 4, 10, 3, 5, 9, 4, 6, 8 };
        private static readonly int[] Weights11 = { 7, 2, 4, 10, 3, 5, 9, 4, 6, 8 };
        private static readonly int[] Weights12 = { 3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8 };

        public static bool IsValid(string? value, InnKind kind = InnKind.Any) => Validate(value, DefaultField, kind) is null;

        /// <summary>
        /// Null when valid; otherwise e.g. "INN 7707083894: checksum is 4, expected 3",
        /// "INN 770708389: must be 10 or 12 digits, got 9",
        /// "Organization.Inn 500100732259: must be 10 digits (legal entity), got 12".
        /// </summary>
        public static ValidationError? Validate(string? value, string field = DefaultField, InnKind kind = InnKind.Any)
        {
            var error = kind switch
            {
                InnKind.LegalEntity => Rules.Digits(value, field, new[] { 10 }, " (legal entity)"),
                InnKind.Person => Rules.Digits(value, field, new[] { 12 }, " (person or sole proprietor)"),
                _ => Rules.Digits(value, field, new[] { 10, 12 }),
            };
            if (error is not null) return error;
            var inn = value!;

            if (inn.Length == 10)
            {
                var expected = CheckDigit(inn, Weights10);
                var actual = Rules.Digit(inn, 9);
                return actual == expected ? null : Rules.Checksum(field, inn, Rules.Number(actual), Rules.Number(expected));
            }

            // The 12th digit covers the 11th, so the expected pair is computed from a corrected 11th digit.
            var expected11 = CheckDigit(inn, Weights11);
            var corrected = inn.Substring(0, 10) + (char)('0' + expected11);
            var expected12 = CheckDigit(corrected, Weights12);
            var actualPair = inn.Substring(10, 2);
            var expectedPair = Rules.Number(expected11) + Rules.Number(expected12);
            return actualPair == expectedPair ? null : Rules.Checksum(field, inn, actualPair, expectedPair);
        }

        private static int CheckDigit(string digits, int[] weights)
        {
            var sum = 0;
            for (var i = 0; i < weights.Length; i++) sum += weights[i] * Rules.Digit(digits, i);
            return sum % 11 % 10;
        }
    }
}
