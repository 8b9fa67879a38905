namespace GosApi.Validation
{
    /// <summary>
    /// A plain e-mail address "local@domain": no display name, no spaces, one '@', a local part of at most
    /// 64 characters without leading, trailing or double dots, and a domain of at least two labels
    /// (letters in any script, digits, hyphens; e.g. "почта.рф"); at most 254 characters in all.
    /// </summary>
    public static class Email
    {
        public const string DefaultField = "Email";

        public const int MaxLength = 254;

        private const string ShapeRule = "must be an e-mail address like name@example.ru";

        public static bool IsValid(string? value) => Validate(value) is null;

        /// <summary>Null when valid; otherwise e.g. "Email foster06bk.ru: must be an e-mail address like name@example.ru".</summary>
        public static ValidationError? Validate(string? value, string field = DefaultField)
        {
            if (Rules.IsBlank(value)) return new ValidationError(field, value, Rules.Empty);
            var text = value!;
            if (text.Length > MaxLength) return new ValidationError(field, text, "must be at most 254 characters, got " + Rules.Number(text.Length));
            var at = text.IndexOf('@');
            if (at <= 0 || at != text.LastIndexOf('@')) return new ValidationError(field, text, ShapeRule);
            var local = text.Substring(0, at);
            var domain = text.Substring(at + 1);
            return IsLocalPart(local) && IsDomain(domain) ? null : new ValidationError(field, text, ShapeRule);
        }

        private static bool IsLocalPart(string local)
        {
            if (local.Length == 0 || local.Length > 64 || local[0] == '.' || local[local.Length - 1] == '.' || local.Contains("..")) return false;
            foreach (var c in local)
            {
                if (c <= ' ' || char.IsWhiteSpace(c) || char.IsControl(c) || "()<>[]\\,;:\"".IndexOf(c) >= 0) return false;
            }
            return true;
        }

        private static bool IsDomain(string domain)
        {
            var labels = domain.Split('.');
            if (labels.Length < 2) return false;
            foreach (var label in labels)
            {
                if (label.Length == 0 || label.Length > 63 || label[0] == '-' || label[label.Length - 1] == '-') return false;
                foreach (var c in label)
                {
                    if (!char.IsLetterOrDigit(c) && c != '-') return false;
                }
            }
            return true;
        }
    }
}
