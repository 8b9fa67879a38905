using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace GosApi.Jws
{
    /// <summary>HMAC algorithms accepted for detached JWS.</summary>
    public enum JwsAlgorithm
    {
        /// <summary>HMAC-SHA-256.</summary>
        HS256,
        /// <summary>HMAC-SHA-512.</summary>
        HS512,
    }

    /// <summary>
    /// Detached JWS (RFC 7515 Appendix F) with the unencoded payload option (RFC 7797, "b64":false):
    /// the compact form is BASE64URL(header) + ".." + BASE64URL(signature) and the signing input is
    /// ASCII(BASE64URL(header)) || '.' || payload bytes.
    /// </summary>
    /// <remarks>
    /// Only protected headers with exactly the members alg (HS256 or HS512), b64 (false), crit (["b64"]) and
    /// optionally typ ("JWT") are produced or accepted. The header bytes are used as given, never re-serialised.
    /// </remarks>
    public static class DetachedJws
    {
        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(false, true);

        /// <summary>Signs <paramref name="payload"/> and returns the detached compact JWS.</summary>
        /// <exception cref="ArgumentException">Empty key, or a header that is not an allowed one or names another algorithm.</exception>
        public static string Sign(byte[] payload, byte[] key, JwsAlgorithm alg, string protectedHeaderJson)
        {
            if (payload == null) throw new ArgumentNullException(nameof(payload));
            if (key == null) throw new ArgumentNullException(nameof(key));
            if (protectedHeaderJson == null) throw new ArgumentNullException(nameof(protectedHeaderJson));
            if (key.Length == 0) throw new ArgumentException("The HMAC key is empty.", nameof(key));
            var headerBytes = StrictUtf8.GetBytes(protectedHeaderJson);
            var error = CheckHeader(headerBytes, out var headerAlg);
            if (error != null) throw new ArgumentException(error, nameof(protectedHeaderJson));
            if (headerAlg != alg) throw new ArgumentException($"The header names {headerAlg} but {alg} was requested.", nameof(protectedHeaderJson));
            var encodedHeader = Base64Url.Encode(headerBytes);
            var signature = Mac(alg, key, encodedHeader, payload);
            return encodedHeader + ".." + Base64Url.Encode(signature);
        }

        /// <summary>Verifies a detached JWS over <paramref name="payload"/>; the algorithm comes from the (checked) header.</summary>
        public static bool Verify(string jws, byte[] payload, byte[] key, out string reason) =>
            Verify(jws, payload, key, null, out reason);

        /// <summary>
        /// Verifies a detached JWS over <paramref name="payload"/>. When <paramref name="expectedAlgorithm"/> is given,
        /// a header naming another algorithm fails. <paramref name="reason"/> says why it failed, or is empty.
        /// </summary>
        public static bool Verify(string jws, byte[] payload, byte[] key, JwsAlgorithm? expectedAlgorithm, out string reason)
        {
            if (payload == null) throw new ArgumentNullException(nameof(payload));
            if (key == null) throw new ArgumentNullException(nameof(key));
            reason = "";
            if (string.IsNullOrEmpty(jws)) { reason = "The JWS is empty."; return false; }
            if (key.Length == 0) { reason = "The HMAC key is empty."; return false; }
            var parts = jws.Split('.');
            if (parts.Length != 3) { reason = "The JWS does not have three dot-separated parts."; return false; }
            if (parts[1].Length != 0) { reason = "The JWS is not detached: its payload part is not empty."; return false; }
            if (!Base64Url.TryDecode(parts[0], out var headerBytes) || headerBytes.Length == 0) { reason = "The protected header is not valid base64url."; return false; }
            var headerError = CheckHeader(headerBytes, out var alg);
            if (headerError != null) { reason = headerError; return false; }
            if (expectedAlgorithm.HasValue && alg != expectedAlgorithm.Value) { reason = $"The header names {alg}, {expectedAlgorithm.Value} is required."; return false; }
            if (!Base64Url.TryDecode(parts[2], out var signature) || signature.Length == 0) { reason = "The signature is not valid base64url."; return false; }
            var expected = Mac(alg, key, parts[0], payload);
            if (!FixedTimeEquals(expected, signature)) { reason = "The signature does not match the payload and key."; return false; }
            return true;
        }

        /// <summary>Null when the header is an allowed one; otherwise why not.</summary>
        internal static string? CheckHeader(byte[] headerUtf8, out JwsAlgorithm alg)
        {
            alg = default;
            JsonDocument doc;
            try { doc = JsonDocument.Parse(headerUtf8); }
            catch (JsonException) { return "The protected header is not valid JSON."; }
            using (doc)
            {
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object) return "The protected header is not a JSON object.";
                var seen = new HashSet<string>(StringComparer.Ordinal);
                bool hasAlg = false, hasB64 = false, hasCrit = false;
                foreach (var p in root.EnumerateObject())
                {
                    if (!seen.Add(p.Name)) return $"The protected header repeats \"{p.Name}\".";
                    switch (p.Name)
                    {
                        case "alg":
                            var a = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : null;
                            if (a == "HS256") alg = JwsAlgorithm.HS256;
                            else if (a == "HS512") alg = JwsAlgorithm.HS512;
                            else return "The header alg is not HS256 or HS512.";
                            hasAlg = true;
                            break;
                        case "b64":
                            if (p.Value.ValueKind != JsonValueKind.False) return "The header b64 is not false (unencoded payload required).";
                            hasB64 = true;
                            break;
                        case "crit":
                            if (p.Value.ValueKind != JsonValueKind.Array || p.Value.GetArrayLength() != 1
                                || p.Value[0].ValueKind != JsonValueKind.String || p.Value[0].GetString() != "b64")
                                return "The header crit is not [\"b64\"].";
                            hasCrit = true;
                            break;
                        case "typ":
                            if (p.Value.ValueKind != JsonValueKind.String || p.Value.GetString() != "JWT") return "The header typ is not \"JWT\".";
                            break;
                        default:
                            return $"The protected header has an unexpected member \"{p.Name}\".";
                    }
                }
                if (!hasAlg) return "The protected header has no alg.";
                if (!hasB64) return "The protected header has no b64.";
                if (!hasCrit) return "The protected header has no crit.";
                return null;
            }
        }

        private static byte[] Mac(JwsAlgorithm alg, byte[] key, string encodedHeader, byte[] payload)
        {
            var input = new byte[encodedHeader.Length + 1 + payload.Length];
            Encoding.ASCII.GetBytes(encodedHeader, 0, encodedHeader.Length, input, 0);
            input[encodedHeader.Length] = (byte)'.';
            Buffer.BlockCopy(payload, 0, input, encodedHeader.Length + 1, payload.Length);
            using (HMAC h = alg == JwsAlgorithm.HS512 ? new HMACSHA512(key) : (HMAC)new HMACSHA256(key))
                return h.ComputeHash(input);
        }

        private static bool FixedTimeEquals(byte[] a, byte[] b)
        {
            if (a.Length != b.Length) return false; // lengths are public (fixed per algorithm)
            int diff = 0;
            for (int i = 0; i < a.Length; i++) diff |= a[i] ^ b[i];
            return diff == 0;
        }
    }

    /// <summary>Unpadded base64url (RFC 7515 §2); decoding rejects padding, whitespace and other alphabets.</summary>
    internal static class Base64Url
    {
        public static string Encode(byte[] data) =>
            Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        public static bool TryDecode(string s, out byte[] data)
        {
            data = Array.Empty<byte>();
            if (s.Length % 4 == 1) return false;
            foreach (char c in s)
                if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
            var b64 = s.Replace('-', '+').Replace('_', '/');
            b64 += new string('=', (4 - b64.Length % 4) % 4);
            try { data = Convert.FromBase64String(b64); }
            catch (FormatException) { return false; }
            // Reject non-canonical encodings (unused low bits set), so that one signature has one spelling.
            return Encode(data) == s;
        }
    }
}
