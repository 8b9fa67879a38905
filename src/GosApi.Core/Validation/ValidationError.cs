using System;
using System.Text;

namespace GosApi.Validation
{
    /// <summary>
    /// One broken rule of one input field. <see cref="Message"/> reads
    /// "&lt;Field&gt; &lt;Value&gt;: &lt;Rule&gt;", e.g. "SNILS 112-233-445 96: checksum is 96, expected 95",
    /// or "&lt;Field&gt;: &lt;Rule&gt;" when the value is empty ("INN: must not be empty").
    /// </summary>
    /// <remarks>
    /// The message echoes only the checked value. Never build a ValidationError for a secret.
    /// </remarks>
    public sealed class ValidationError : IEquatable<ValidationError>
    {
        /// <summary>Longest value shown in <see cref="Message"/>; longer values are cut and end with "…".</summary>
        public const int MaxShownValueLength = 64;

        public ValidationError(string field, string? value, string rule)
        {
            if (string.IsNullOrEmpty(field)) throw new ArgumentException("A field name is required.", nameof(field));
            if (string.IsNullOrEmpty(rule)) throw new ArgumentException("A rule is required.", nameof(rule));
            Field = field;
            Value = value ?? string.Empty;
            Rule = rule;
        }

        /// <summary>The parameter or property the user typed, e.g. "Region" or "Organization.Inn".</summary>
        public string Field { get; }

        /// <summary>The value exactly as given ("" for null).</summary>
        public string Value { get; }

        /// <summary>The broken rule, e.g. "must be 9 digits, got 8" or "checksum is 4, expected 3".</summary>
        public string Rule { get; }

        /// <summary>"&lt;Field&gt; &lt;Value&gt;: &lt;Rule&gt;"; the value is left out when blank.</summary>
        public string Message
        {
            get
            {
                var shown = Show(Value);
                return shown.Length == 0 ? Field + ": " + Rule : Field + " " + shown + ": " + Rule;
            }
        }

        /// <summary>Throws an <see cref="InputValidationException"/> for this error: <c>Snils.Validate(x, "Snils")?.Throw();</c></summary>
        public void Throw() => throw new InputValidationException(this);

        public override string ToString() => Message;

        public bool Equals(ValidationError? other) =>
            other is not null && Field == other.Field && Value == other.Value && Rule == other.Rule;

        public override bool Equals(object? obj) => Equals(obj as ValidationError);

        public override int GetHashCode()
        {
            unchecked
            {
                return ((Field.GetHashCode() * 397) ^ Value.GetHashCode()) * 397 ^ Rule.GetHashCode();
            }
        }

        /// <summary>The value as it appears in a message: blank values vanish, control characters become '?', long values are cut.</summary>
        internal static string Show(string value)
        {
            if (value.Trim().Length == 0) return string.Empty;
            var cut = value.Length > MaxShownValueLength;
            var text = new StringBuilder(cut ? MaxShownValueLength + 1 : value.Length);
            var length = cut ? MaxShownValueLength : value.Length;
            for (var i = 0; i < length; i++)
            {
                var c = value[i];
                text.Append(char.IsControl(c) ? '?' : c);
            }
            if (cut) text.Append('…');
            return text.ToString();
        }
    }
}
