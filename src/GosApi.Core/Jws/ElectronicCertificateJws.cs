using System;
using GosApi.Json;

namespace GosApi.Jws
{
    /// <summary>
    /// x-jws-signature of ИС «Электронный сертификат» (spec 002): detached JWS (RFC 7515 Appendix F, RFC 7797)
    /// with the fixed header {"b64":false,"crit":["b64"],"typ":"JWT","alg":"HS512"} over the RFC 8785
    /// canonical form of the request or response body, HMAC-SHA-512 with the shared secret.
    /// </summary>
    /// <remarks>
    /// The spec says only "вычисленная от body запроса или ответа" yet requires x-jws-signature on GET
    /// /ec-detailed-statement, which has no body. A missing, empty or whitespace-only body is therefore signed
    /// as the empty payload (RFC 7797 allows it): signing input = ASCII(BASE64URL(header)) || '.'.
    /// </remarks>
    public static class ElectronicCertificateJws
    {
        /// <summary>The protected header the spec fixes, byte for byte as written in the issue.</summary>
        public const string ProtectedHeader = "{\"b64\":false,\"crit\":[\"b64\"],\"typ\":\"JWT\",\"alg\":\"HS512\"}";

        /// <summary>The JWS payload for a body: its RFC 8785 canonical UTF-8 bytes, or nothing for no body.</summary>
        /// <exception cref="FormatException">The body is not JSON that RFC 8785 can canonicalise.</exception>
        public static byte[] Payload(string? jsonBody) =>
            string.IsNullOrWhiteSpace(jsonBody) ? Array.Empty<byte>() : CanonicalJson.CanonicalizeToUtf8(jsonBody!);

        /// <summary>The x-jws-signature value for a request body (null or empty for a request without body).</summary>
        public static string Sign(string? jsonBody, byte[] sharedSecret) =>
            DetachedJws.Sign(Payload(jsonBody), sharedSecret, JwsAlgorithm.HS512, ProtectedHeader);

        /// <summary>
        /// Checks a response's x-jws-signature against its body: HS512 only, an allowed header, a matching MAC.
        /// A body that is not canonicalisable JSON fails with a reason instead of throwing.
        /// </summary>
        public static bool Verify(string? jws, string? jsonBody, byte[] sharedSecret, out string reason)
        {
            if (string.IsNullOrEmpty(jws)) { reason = "The x-jws-signature is missing."; return false; }
            byte[] payload;
            try { payload = Payload(jsonBody); }
            catch (FormatException ex) { reason = "The body cannot be canonicalised (RFC 8785): " + ex.Message; return false; }
            return DetachedJws.Verify(jws!, payload, sharedSecret, JwsAlgorithm.HS512, out reason);
        }
    }
}
