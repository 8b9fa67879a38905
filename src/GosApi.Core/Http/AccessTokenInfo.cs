using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using GosApi.Json;

namespace GosApi.Http
{
    /// <summary>
    /// What an access token says about its bearer (decoded JWT claims, not verified — the server does that):
    /// client_id, org_oid, scopes, permissions, times. The token itself is never part of it.
    /// </summary>
    public sealed class AccessTokenInfo
    {
        /// <summary>001: a token whose permissions lack this substring is refused with access_denied_system.</summary>
        public const string RequiredPermission = "APIPGU";

        public string? ClientId { get; private set; }
        public string? OrgOid { get; private set; }
        public string? Subject { get; private set; }
        public string? Issuer { get; private set; }
        public IReadOnlyList<string> Scopes { get; private set; } = Array.Empty<string>();
        public string? Permissions { get; private set; }
        public DateTimeOffset? IssuedAt { get; private set; }
        public DateTimeOffset? ExpiresAt { get; private set; }
        /// <summary>The token is a JWT whose claims could be read (an opaque token gives only what the server said).</summary>
        public bool IsJwt { get; private set; }

        public bool HasRequiredPermission => Permissions != null && Permissions.IndexOf(RequiredPermission, StringComparison.Ordinal) >= 0;
        public TimeSpan? ExpiresIn => ExpiresAt.HasValue ? ExpiresAt.Value - DateTimeOffset.UtcNow : (TimeSpan?)null;

        /// <summary>What a sysadmin should know about the token, e.g. a missing APIPGU permission or a close expiry.</summary>
        public IReadOnlyList<string> Warnings(TimeSpan soon)
        {
            var warnings = new List<string>();
            if (IsJwt && !HasRequiredPermission)
                warnings.Add($"The token's permissions ({(string.IsNullOrEmpty(Permissions) ? "none" : Permissions)}) lack {RequiredPermission}: EPGU refuses it with access_denied_system (001). Ask for the API ЕПГУ permission for the information system.");
            if (ExpiresIn.HasValue && ExpiresIn.Value <= TimeSpan.Zero) warnings.Add($"The token expired at {ExpiresAt:u}.");
            else if (ExpiresIn.HasValue && ExpiresIn.Value <= soon) warnings.Add($"The token expires at {ExpiresAt:u}, in {Math.Max(0, (int)ExpiresIn.Value.TotalSeconds)} s.");
            return warnings;
        }

        public static AccessTokenInfo From(AccessToken token)
        {
            var info = new AccessTokenInfo { ExpiresAt = token.ExpiresAt };
            var claims = JwtClaims.TryDecode(token.Value);
            if (claims == null) return info;
            var c = claims.Value;
            info.IsJwt = true;
            info.ClientId = c.Str("client_id");
            info.OrgOid = c.Str("org_oid");
            info.Subject = c.Str("sub");
            info.Issuer = c.Str("iss");
            info.Permissions = c.TryGetProperty("permissions", out var p) && p.ValueKind == JsonValueKind.Array
                ? string.Join(" ", p.EnumerateArray().Select(x => x.ToString()))
                : c.Str("permissions");
            var scope = c.Str("scope");
            info.Scopes = string.IsNullOrWhiteSpace(scope) ? Array.Empty<string>() : scope!.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
            info.IssuedAt = Seconds(c, "iat");
            info.ExpiresAt = token.ExpiresAt ?? Seconds(c, "exp");
            return info;
        }

        private static DateTimeOffset? Seconds(JsonElement claims, string name) =>
            claims.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var s) && s > 0 && s < 253402300799
                ? DateTimeOffset.FromUnixTimeSeconds(s) : (DateTimeOffset?)null;

        public override string ToString() => $"{ClientId} (org {OrgOid}), permissions {Permissions}, expires {ExpiresAt:u}";
    }
}
