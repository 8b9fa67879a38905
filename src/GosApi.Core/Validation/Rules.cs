using System.Globalization;
using System.Linq;

namespace GosApi.Validation
{
    /// <summary>Shared wording and digit helpers of the checks.</summary>
    internal static class Rules
    {
        internal const string Empty = "must not be empty";
        internal const string DigitsOnly = "must contain digits only";

        internal static bool IsBlank(string? value) => value is null || value.Trim().Length == 0;

        /// <summary>ASCII digits only (no Unicode digits such as '７' or '٣'); false for "".</summary>
        internal static bool IsDigits(string value)
        {
            if (value.Length == 0) return false;
            foreach (var c in value)
            {
                if (c < '0' || c > '9') return false;
            }
            return true;
        }

        internal static bool IsDigitsAt(string value, int start, int count)
        {
            for (var i = start; i < start + count; i++)
            {
                if (value[i] < '0' || value[i] > '9') return false;
            }
            return true;
        }

        internal static int Digit(string value, int index) => value[index] - '0';

        internal static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary>"10", "10 or 12", "2, 5, 8 or 11".</summary>
        internal static string Lengths(int[] lengths)
        {
            if (lengths.Length == 1) return Number(lengths[0]);
            var head = string.Join(", ", lengths.Take(lengths.Length - 1).Select(l => Number(l)));
            return head + " or " + Number(lengths[lengths.Length - 1]);
        }

        /// <summary>
        /// The common first steps: not blank, ASCII digits only, one of the lengths.
        /// <paramref name="what"/> (e.g. " (legal entity)") follows "digits" in the length rule.
        /// </summary>
        internal static ValidationError? Digits(string? value, string field, int[] lengths, string what = "")
        {
            if (IsBlank(value)) return new ValidationError(field, value, Empty);
            var text = value!;
            if (!IsDigits(text)) return new ValidationError(field, text, DigitsOnly);
            if (!lengths.Contains(text.Length))
            {
                return new ValidationError(field, text, "must be " + Lengths(lengths) + " digits" + what + ", got " + Number(text.Length));
            }
            return null;
        }

        internal static ValidationError Checksum(string field, string value, string actual, string expected) =>
            new ValidationError(field, value, "checksum is " + actual + ", expected " + expected);
    }
}
