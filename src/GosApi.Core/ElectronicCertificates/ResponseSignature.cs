using System;
using System.Linq;
using GosApi.Errors;
using GosApi.Json;
using GosApi.Jws;
using RestSharp;

namespace GosApi.ElectronicCertificates
{
    /// <summary>
    /// Signs request bodies and checks the x-jws-signature of every answer before its body is read: RFC 8785
    /// canonical JSON for JSON bodies, the raw bytes of a text body, the empty payload for no body.
    /// </summary>
    internal sealed class ResponseSignature
    {
        public const string Header = "x-jws-signature";
        private readonly byte[] key;

        public ResponseSignature(byte[] key) { this.key = key; }

        public string Sign(byte[] payload) => DetachedJws.Sign(payload, key, JwsAlgorithm.HS512, ElectronicCertificateJws.ProtectedHeader);

        /// <summary>Throws ElectronicCertificate.InvalidResponseSignature when the answer's signature is missing or wrong.</summary>
        public void Verify(RestResponse response, string operation)
        {
            var jws = HeaderValue(response, Header);
            string reason;
            if (string.IsNullOrEmpty(jws)) reason = "the answer carries no x-jws-signature";
            else if (!TryPayload(response, out var payload, out reason)) { }
            else if (DetachedJws.Verify(jws!, payload, key, JwsAlgorithm.HS512, out var why)) return;
            else reason = "the x-jws-signature does not match the body (" + why.TrimEnd('.') + ")";

            throw new GosApiException(GosApiService.ElectronicCertificate, GosApiErrorKind.Security,
                $"{operation}: the answer (HTTP {(int)response.StatusCode}) was not trusted: {reason}")
            {
                ApiCode = "InvalidResponseSignature",
                StatusCode = (int)response.StatusCode,
                RequestId = HeaderValue(response.Request, "x-request-id"),
                Hint = (int)response.StatusCode == 401
                    ? "The service refused the request: check -ApiKey and -SharedSecret of Connect-ElectronicCertificateService."
                    : "Either the shared secret differs from the service's or the answer was altered on the way; nothing in it was used.",
            };
        }

        private static bool TryPayload(RestResponse response, out byte[] payload, out string reason)
        {
            var body = response.RawBytes ?? Array.Empty<byte>();
            reason = string.Empty;
            if (body.Length == 0 || response.ContentType == null || response.ContentType.IndexOf("json", StringComparison.OrdinalIgnoreCase) < 0)
            {
                payload = body;
                return true;
            }
            try
            {
                payload = CanonicalJson.CanonicalizeToUtf8(body);
                return true;
            }
            catch (FormatException ex)
            {
                payload = Array.Empty<byte>();
                reason = "the JSON body cannot be canonicalised (" + ex.Message.TrimEnd('.') + ")";
                return false;
            }
        }

        public static string? HeaderValue(RestResponse response, string name) =>
            response.Headers?.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase))?.Value?.ToString();

        public static string? HeaderValue(RestRequest? request, string name) =>
            request?.Parameters.FirstOrDefault(p => p.Type == ParameterType.HttpHeader && string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))?.Value?.ToString();
    }
}
