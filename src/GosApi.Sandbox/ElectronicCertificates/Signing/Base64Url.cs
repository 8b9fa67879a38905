namespace GosApi.Sandbox.ElectronicCertificates.Signing;

/// <summary>base64url without padding (RFC 7515 §2).</summary>
internal static class Base64Url
{
    public static string Encode(ReadOnlySpan<byte> data) => Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool IsAlphabet(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) return false;
        }
        return true;
    }

    /// <summary>Null when not base64url without padding.</summary>
    public static byte[]? TryDecode(string text)
    {
        if (!IsAlphabet(text) || text.Length % 4 == 1) return null;
        var base64 = text.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
        try { return Convert.FromBase64String(base64); }
        catch (FormatException) { return null; }
    }
}
