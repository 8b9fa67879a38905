using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace GosApi.Crypto.Pki
{
    /// <summary>PEM (RFC 7468) reading and writing: "-----BEGIN LABEL-----", base64 in 64-character lines, "-----END LABEL-----".</summary>
    internal static class Pem
    {
        private static readonly Regex Block = new Regex(
            "-----BEGIN ([A-Z0-9 #]+)-----(.*?)-----END \\1-----",
            RegexOptions.Singleline | RegexOptions.CultureInvariant);

        internal static string Encode(string label, byte[] der)
        {
            var base64 = Convert.ToBase64String(der);
            var text = new StringBuilder(base64.Length + base64.Length / 64 + 2 * label.Length + 40);
            text.Append("-----BEGIN ").Append(label).Append("-----\n");
            for (var i = 0; i < base64.Length; i += 64)
            {
                text.Append(base64, i, Math.Min(64, base64.Length - i)).Append('\n');
            }
            text.Append("-----END ").Append(label).Append("-----\n");
            return text.ToString();
        }

        /// <summary>Every PEM block in the text, in order.</summary>
        internal static IReadOnlyList<(string Label, byte[] Der)> DecodeAll(string text)
        {
            var blocks = new List<(string, byte[])>();
            foreach (Match match in Block.Matches(text))
            {
                var label = match.Groups[1].Value;
                var body = match.Groups[2].Value;
                // RFC 1421 headers (Proc-Type, DEK-Info) of old OpenSSL-encrypted keys: not supported, say so.
                if (body.IndexOf(':') >= 0)
                {
                    throw new GostCryptoException("The PEM block " + label + " has headers (legacy OpenSSL encryption); convert it to PKCS#8 with 'openssl pkcs8 -topk8'.");
                }
                blocks.Add((label, FromBase64(body, "PEM block " + label)));
            }
            return blocks;
        }

        internal static bool LooksLikePem(string text) => text.IndexOf("-----BEGIN ", StringComparison.Ordinal) >= 0;

        /// <summary>True when the bytes are text that holds a PEM block (UTF-8 or ASCII, any leading whitespace or BOM).</summary>
        internal static bool LooksLikePem(byte[] data, out string text)
        {
            text = string.Empty;
            if (data.Length == 0 || data[0] == 0x30) return false;
            text = Encoding.UTF8.GetString(data);
            return LooksLikePem(text);
        }

        internal static byte[] FromBase64(string text, string what)
        {
            var clean = new StringBuilder(text.Length);
            foreach (var c in text)
            {
                if (!char.IsWhiteSpace(c)) clean.Append(c == '-' ? '+' : c == '_' ? '/' : c);
            }
            while (clean.Length % 4 != 0) clean.Append('=');
            try
            {
                return Convert.FromBase64String(clean.ToString());
            }
            catch (FormatException ex)
            {
                throw new GostCryptoException("The " + what + " is not valid base64.", ex);
            }
        }
    }
}
