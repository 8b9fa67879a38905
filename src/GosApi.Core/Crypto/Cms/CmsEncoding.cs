using System;
using System.Text;
using GosApi.Crypto.Pki;

namespace GosApi.Crypto.Cms
{
    /// <summary>Text forms of a DER CMS signature, and reading any of them back.</summary>
    public static class CmsEncoding
    {
        /// <summary>PEM "-----BEGIN CMS-----" (what <c>openssl cms -outform PEM</c> writes).</summary>
        public static string ToPem(byte[] der) => Pem.Encode("CMS", der ?? throw new ArgumentNullException(nameof(der)));

        /// <summary>
        /// Plain base64, as УЦ «Основание» takes a signed request ("MIIPEwYJKoZIhvcNAQcCoII…") and CryptoPro writes with -base64;
        /// with <paramref name="lineBreaks"/> in 64-character lines.
        /// </summary>
        public static string ToBase64(byte[] der, bool lineBreaks = false)
        {
            if (der is null) throw new ArgumentNullException(nameof(der));
            if (!lineBreaks) return Convert.ToBase64String(der);
            var text = Convert.ToBase64String(der);
            var result = new StringBuilder(text.Length + text.Length / 64 + 1);
            for (var i = 0; i < text.Length; i += 64)
            {
                if (i > 0) result.Append("\r\n");
                result.Append(text, i, Math.Min(64, text.Length - i));
            }
            return result.ToString();
        }

        /// <summary>base64url without padding (RFC 4648 §5), as the ESIA API-key flow takes the signature.</summary>
        public static string ToBase64Url(byte[] der) => ToBase64(der).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        /// <summary>DER from DER, PEM (CMS, PKCS7 or SIGNED MESSAGE), base64 or base64url — whatever a .sig/.p7s file holds.</summary>
        public static byte[] Decode(byte[] data)
        {
            if (data is null) throw new ArgumentNullException(nameof(data));
            if (data.Length > 0 && data[0] == 0x30) return data;
            return Decode(Encoding.UTF8.GetString(data));
        }

        /// <summary>DER from PEM (any label), base64 or base64url text.</summary>
        public static byte[] Decode(string text)
        {
            if (text is null) throw new ArgumentNullException(nameof(text));
            if (Pem.LooksLikePem(text))
            {
                var blocks = Pem.DecodeAll(text);
                if (blocks.Count == 0) throw new GostCryptoException("The PEM text has no complete block.");
                return blocks[0].Der;
            }
            var trimmed = text.Trim().TrimStart('\uFEFF');
            if (trimmed.Length == 0) throw new GostCryptoException("The signature is empty.");
            return Pem.FromBase64(trimmed, "signature");
        }
    }
}
