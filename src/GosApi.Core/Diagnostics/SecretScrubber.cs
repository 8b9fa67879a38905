using System;
using System.Collections.Generic;
using System.Linq;

namespace GosApi.Diagnostics
{
    /// <summary>
    /// Last line of defence: every secret the module holds (tokens, keys, passwords) is registered
    /// here, and any text leaving the module through traces or error messages is scrubbed of them.
    /// </summary>
    public static class SecretScrubber
    {
        public const string Mask = "***";
        private static readonly object Gate = new object();
        private static string[] secrets = Array.Empty<string>();

        /// <summary>Registers a secret value. Values shorter than 6 characters are ignored (they would mask ordinary text).</summary>
        public static void Register(string? secret)
        {
            if (secret == null || secret.Length < 6) return;
            lock (Gate)
            {
                if (secrets.Contains(secret, StringComparer.Ordinal)) return;
                secrets = secrets.Concat(new[] { secret }).OrderByDescending(s => s.Length).ToArray();
            }
        }

        public static void Unregister(string? secret)
        {
            if (secret == null) return;
            lock (Gate) secrets = secrets.Where(s => !string.Equals(s, secret, StringComparison.Ordinal)).ToArray();
        }

        public static string Scrub(string? text)
        {
            if (string.IsNullOrEmpty(text)) return text ?? string.Empty;
            var current = secrets;
            var result = text!;
            foreach (var secret in current)
            {
                if (result.IndexOf(secret, StringComparison.Ordinal) >= 0) result = result.Replace(secret, Mask);
            }
            return result;
        }

        internal static IReadOnlyList<string> Snapshot => secrets;
    }
}
