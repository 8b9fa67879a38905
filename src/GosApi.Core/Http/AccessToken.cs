using System;
using System.Text;
using System.Text.Json;

namespace GosApi.Http
{
    /// <summary>A bearer token and when it expires. <see cref="ToString"/> never shows the value.</summary>
    public sealed class AccessToken
    {
        public AccessToken(string value, DateTimeOffset? expiresAt = null)
        {
            if (string.IsNullOrWhiteSpace(value)) throw new ArgumentException("The access token is empty.", nameof(value));
            Value = value.Trim();
            ExpiresAt = expiresAt ?? TryReadJwtExpiry(Value);
            ObtainedAt = DateTimeOffset.UtcNow;
            Diagnostics.SecretScrubber.Register(Value);
        }

        internal string Value { get; }
        public DateTimeOffset? ExpiresAt { get; }
        /// <summary>When the module received the token (from the user, the provider or ESIA).</summary>
        public DateTimeOffset ObtainedAt { get; }

        private AccessTokenInfo? claims;
        /// <summary>The decoded claims, read once: every recorded exchange refers to them.</summary>
        internal AccessTokenInfo Claims => claims ??= AccessTokenInfo.From(this);

        public bool IsExpiredAt(DateTimeOffset now, TimeSpan skew) => ExpiresAt.HasValue && ExpiresAt.Value - skew <= now;

        public override string ToString() => ExpiresAt.HasValue ? $"access token (expires {ExpiresAt.Value:u})" : "access token";

        /// <summary>Reads <c>exp</c> from a JWT-shaped token; null when the token is opaque.</summary>
        public static DateTimeOffset? TryReadJwtExpiry(string token)
        {
            var claims = JwtClaims.TryDecode(token);
            if (claims == null) return null;
            // Out-of-range values (e.g. milliseconds) mean the expiry is unknown, not that the token is unusable.
            const long MinSeconds = -62135596800, MaxSeconds = 253402300799;
            return claims.Value.TryGetProperty("exp", out var exp) && exp.ValueKind == JsonValueKind.Number && exp.TryGetInt64(out var seconds)
                && seconds >= MinSeconds && seconds <= MaxSeconds
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : (DateTimeOffset?)null;
        }
    }

    /// <summary>Decodes the payload of a JWT-shaped token without verifying it (the server does that).</summary>
    public static class JwtClaims
    {
        public static JsonElement? TryDecode(string token)
        {
            var parts = token.Split('.');
            if (parts.Length != 3) return null;
            try
            {
                var json = Encoding.UTF8.GetString(Base64Url.Decode(parts[1]));
                using var document = JsonDocument.Parse(json);
                return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : (JsonElement?)null;
            }
            catch (FormatException) { return null; }
            catch (JsonException) { return null; }
        }
    }

    public static class Base64Url
    {
        public static byte[] Decode(string text)
        {
            var s = text.Replace('-', '+').Replace('_', '/');
            switch (s.Length % 4)
            {
                case 2: s += "=="; break;
                case 3: s += "="; break;
                case 1: throw new FormatException("Not base64url.");
            }
            return Convert.FromBase64String(s);
        }

        public static string Encode(byte[] data) => Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
