using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace GosApi.Sandbox.ElectronicCertificates.Signing;

/// <summary>
/// The ИС ЭС x-jws-signature: a detached compact JWS "header..signature" (RFC 7515 App. F) with unencoded payload
/// (RFC 7797, b64:false), protected header exactly {"b64":false,"crit":["b64"],"typ":"JWT","alg":"HS512"},
/// HMAC-SHA-512 keyed with the UTF-8 bytes of the shared secret over ASCII(header) || '.' || payload.
/// </summary>
internal static class DetachedJws
{
    public const int MaxLength = 1195;
    public const string ProtectedHeader = """{"b64":false,"crit":["b64"],"typ":"JWT","alg":"HS512"}""";
    private static readonly string EncodedHeader = Base64Url.Encode(Encoding.UTF8.GetBytes(ProtectedHeader));

    public static string Sign(ReadOnlySpan<byte> payload, string sharedSecret) =>
        EncodedHeader + ".." + Base64Url.Encode(Mac(EncodedHeader, payload, sharedSecret));

    /// <summary>The syntax check alone (400 when it fails): three parts, empty middle, base64url parts, at most 1195 characters.</summary>
    public static string? SyntaxProblem(string value)
    {
        if (value.Length == 0) return "is empty";
        if (value.Length > MaxLength) return $"is longer than {MaxLength} characters";
        var parts = value.Split('.');
        if (parts.Length != 3 || parts[1].Length != 0) return "is not a detached compact JWS \"header..signature\"";
        if (parts[0].Length == 0 || parts[2].Length == 0 || !Base64Url.IsAlphabet(parts[0]) || !Base64Url.IsAlphabet(parts[2]))
            return "header and signature must be non-empty base64url without padding";
        return null;
    }

    /// <summary>Null when the signature is valid for the payload; otherwise why not (401 EC00272).</summary>
    public static string? VerifyProblem(string value, ReadOnlySpan<byte> payload, string sharedSecret)
    {
        var parts = value.Split('.');
        var header = Base64Url.TryDecode(parts[0]);
        if (header is null) return "the JWS protected header is not base64url";
        var headerProblem = HeaderProblem(header);
        if (headerProblem is not null) return headerProblem;
        var signature = Base64Url.TryDecode(parts[2]);
        if (signature is null) return "the JWS signature is not base64url";
        var expected = Mac(parts[0], payload, sharedSecret);
        return CryptographicOperations.FixedTimeEquals(signature, expected)
            ? null
            : "the JWS signature does not match the body (HS512 with the shared secret over the RFC 8785 canonical body)";
    }

    private static byte[] Mac(string encodedHeader, ReadOnlySpan<byte> payload, string sharedSecret)
    {
        var input = new byte[encodedHeader.Length + 1 + payload.Length];
        Encoding.ASCII.GetBytes(encodedHeader, input);
        input[encodedHeader.Length] = (byte)'.';
        payload.CopyTo(input.AsSpan(encodedHeader.Length + 1));
        return HMACSHA512.HashData(Encoding.UTF8.GetBytes(sharedSecret), input);
    }

    private static string? HeaderProblem(byte[] header)
    {
        const string Expected = "the JWS protected header must be exactly {\"b64\":false,\"crit\":[\"b64\"],\"typ\":\"JWT\",\"alg\":\"HS512\"}";
        try
        {
            using var document = Json.CanonicalJson.Parse(header);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return Expected;
            if (root.TryGetProperty("alg", out var alg) && alg.ValueKind == JsonValueKind.String && alg.GetString() != "HS512")
                return $"JWS algorithm \"{alg.GetString()}\" is not accepted: {Expected}";
            var canonical = Json.CanonicalJson.CanonicalString(root);
            return canonical == """{"alg":"HS512","b64":false,"crit":["b64"],"typ":"JWT"}""" ? null : Expected;
        }
        catch (FormatException)
        {
            return Expected;
        }
    }
}
