namespace GosApi.Validation
{
    /// <summary>
    /// A version 4 UUID in its 36-character form "xxxxxxxx-xxxx-4xxx-Nxxx-xxxxxxxxxxxx", N one of 8, 9, a, b
    /// (either case). ИС «Электронный сертификат» ids follow this pattern; generate them lowercase
    /// (Guid.NewGuid().ToString()): its schema allows only lowercase a/b in the variant position.
    /// </summary>
    public static class Uuid
    {
        public const string DefaultField = "UUID";

        private const string ShapeRule = "must be a UUID like 3f2504e0-4f89-41d3-9a0c-0305e82c3301";

        public static bool IsValid(string? value) => Validate(value) is null;

        /// <summary>
        /// Null when valid; otherwise e.g. "TaskId 3f2504e0-4f89-11d3-9a0c-0305e82c3301: must be a version 4 UUID, got version 1".
        /// </summary>
        public static ValidationError? Validate(string? value, string field = DefaultField)
        {
            if (Rules.IsBlank(value)) return new ValidationError(field, value, Rules.Empty);
            var text = value!;
            if (text.Length != 36) return new ValidationError(field, text, ShapeRule);
            for (var i = 0; i < 36; i++)
            {
                var ok = i == 8 || i == 13 || i == 18 || i == 23 ? text[i] == '-' : IsHex(text[i]);
                if (!ok) return new ValidationError(field, text, ShapeRule);
            }
            if (text[14] != '4') return new ValidationError(field, text, "must be a version 4 UUID, got version " + text[14]);
            if ("89abAB".IndexOf(text[19]) < 0)
            {
                return new ValidationError(field, text, "must be an RFC 4122 UUID: character 20 must be 8, 9, a or b, got " + text[19]);
            }
            return null;
        }

        private static bool IsHex(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
