using System.Security.Cryptography;
using System.Text;

namespace GosApi.Sandbox.Uc.Files;

/// <summary>The DER inside a decoded file: binary DER as is, PEM text ("-----BEGIN …-----"), or bare base64 text.</summary>
internal static class UcFileDecoder
{
    public static byte[]? Der(byte[] bytes)
    {
        if (bytes.Length == 0) return null;
        if (bytes[0] == 0x30) return bytes;
        string text;
        try { text = new UTF8Encoding(false, true).GetString(bytes).Trim('\uFEFF', ' ', '\r', '\n', '\t'); }
        catch (DecoderFallbackException) { return null; }
        if (text.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            if (!PemEncoding.TryFind(text, out var fields)) return null;
            try { return Convert.FromBase64String(text[fields.Base64Data]); }
            catch (FormatException) { return null; }
        }
        try
        {
            var der = Convert.FromBase64String(text.Replace("\r", "").Replace("\n", ""));
            return der.Length > 0 && der[0] == 0x30 ? der : null;
        }
        catch (FormatException) { return null; }
    }
}
