using System;
using System.Linq;

namespace GosApi.Validation
{
    /// <summary>
    /// ОКАТО code: digits only, 2, 5, 8 or 11 long (levels of the classifier; the control number
    /// printed in the classifier is not part of the code, so there is no checksum).
    /// EPGU's Region takes the full 11 digits, e.g. "36000000000" (a region: its 2 digits padded with zeros):
    /// <c>Okato.Validate(region, "Region", Okato.FullLength)</c>.
    /// </summary>
    public static class Okato
    {
        public const string DefaultField = "OKATO";

        /// <summary>Length of a full code, as EPGU's Region takes it.</summary>
        public const int FullLength = 11;

        private static readonly int[] LevelLengths = { 2, 5, 8, 11 };

        /// <summary>Valid with the given lengths; with none, any level length (2, 5, 8, 11).</summary>
        public static bool IsValid(string? value, params int[] allowedLengths) => Validate(value, DefaultField, allowedLengths) is null;

        /// <summary>
        /// Null when valid; otherwise e.g. "Region 36: must be 11 digits, got 2" (allowed length 11)
        /// or "OKATO 3600: must be 2, 5, 8 or 11 digits, got 4" (no allowed lengths given).
        /// </summary>
        public static ValidationError? Validate(string? value, string field = DefaultField, params int[] allowedLengths)
        {
            var lengths = allowedLengths is null || allowedLengths.Length == 0 ? LevelLengths : allowedLengths.Distinct().OrderBy(l => l).ToArray();
            if (lengths.Any(l => l <= 0)) throw new ArgumentOutOfRangeException(nameof(allowedLengths), "Lengths must be positive.");
            return Rules.Digits(value, field, lengths);
        }
    }
}
