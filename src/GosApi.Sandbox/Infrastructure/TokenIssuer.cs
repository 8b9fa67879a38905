using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace GosApi.Sandbox.Infrastructure;

/// <summary>Claims the sandbox reads from an access token.</summary>
internal sealed record AccessToken(
    string Raw, string ClientId, string OrgOid, string Subject, IReadOnlyList<string> Scopes, string Permissions,
    DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt);

internal enum TokenFailure { None, Malformed, BadSignature, Expired }

/// <summary>Issues and checks JWT-shaped tokens (HS256, key random per server) carrying ESIA-like claims.</summary>
internal sealed class TokenIssuer(TimeProvider time)
{
    private static readonly string Header = Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8);
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public string Issue(TokenRequest request)
    {
        var now = time.GetUtcNow();
        var payload = new Dictionary<string, object>
        {
            ["iss"] = "http://esia-sandbox.gosapi.local/",
            ["client_id"] = request.ClientId,
            ["org_oid"] = request.OrgOid,
            ["sub"] = request.Subject,
            ["scope"] = string.Join(' ', request.Scopes),
            ["permissions"] = request.Permissions,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = (now + request.Lifetime).ToUnixTimeSeconds(),
        };
        var body = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload));
        var signingInput = Header + "." + body;
        return signingInput + "." + Base64Url.EncodeToString(Sign(signingInput));
    }

    public TokenFailure Validate(string raw, out AccessToken? token, out string reason)
    {
        token = null;
        var parts = raw.Split('.');
        if (parts.Length != 3)
        {
            reason = "access token is not a JWT (header.payload.signature)";
            return TokenFailure.Malformed;
        }
        byte[] signature;
        try { signature = Base64Url.DecodeFromChars(parts[2]); }
        catch (FormatException) { reason = "access token signature is not base64url"; return TokenFailure.Malformed; }
        if (!CryptographicOperations.FixedTimeEquals(signature, Sign(parts[0] + "." + parts[1])))
        {
            reason = "access token signature is not valid (issued by another server?)";
            return TokenFailure.BadSignature;
        }
        try
        {
            using var doc = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            var root = doc.RootElement;
            token = new AccessToken(
                raw,
                root.GetProperty("client_id").GetString() ?? "",
                root.GetProperty("org_oid").GetString() ?? "",
                root.GetProperty("sub").GetString() ?? "",
                (root.GetProperty("scope").GetString() ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries),
                root.GetProperty("permissions").GetString() ?? "",
                DateTimeOffset.FromUnixTimeSeconds(root.GetProperty("iat").GetInt64()),
                DateTimeOffset.FromUnixTimeSeconds(root.GetProperty("exp").GetInt64()));
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            reason = "access token payload is not valid: " + ex.Message;
            return TokenFailure.Malformed;
        }
        if (token.ExpiresAt <= time.GetUtcNow())
        {
            reason = $"access token expired at {token.ExpiresAt:yyyy-MM-ddTHH:mm:ssZ}";
            return TokenFailure.Expired;
        }
        reason = "";
        return TokenFailure.None;
    }

    private byte[] Sign(string signingInput) => HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(signingInput));
}
