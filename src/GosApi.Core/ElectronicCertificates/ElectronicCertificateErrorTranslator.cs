using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using GosApi.Errors;
using GosApi.Http;
using GosApi.Json;
using RestSharp;

namespace GosApi.ElectronicCertificates
{
    /// <summary>
    /// Turns an unsuccessful answer into a GosApiException, trusting its {"Errors":[{code,msg}]} body only when the
    /// signature verifies. 429 and 502–504 come from gateways and carry no signed body: the status is the error.
    /// </summary>
    internal sealed class ElectronicCertificateErrorTranslator : IApiErrorTranslator
    {
        private readonly ResponseSignature signature;

        public ElectronicCertificateErrorTranslator(ResponseSignature signature) { this.signature = signature; }

        public GosApiException Translate(RestResponse response, RequestTraits traits, string method, string redactedUrl)
        {
            var status = (int)response.StatusCode;
            var requestId = ResponseSignature.HeaderValue(response.Request, "x-request-id");
            if (status != 429 && status != 502 && status != 503 && status != 504)
            {
                try { signature.Verify(response, traits.Operation); }
                catch (GosApiException untrusted)
                {
                    return new GosApiException(untrusted.Service, untrusted.Kind, untrusted.ApiMessage)
                    {
                        ApiCode = untrusted.ApiCode, StatusCode = status, Hint = untrusted.Hint, Method = method, Url = redactedUrl,
                        EntityId = traits.EntityId, RequestId = requestId,
                    };
                }
            }
            var errors = status == 429 || status >= 502 ? new List<(string Code, string? Message)>() : ReadErrors(response.Content);
            var byStatus = ElectronicCertificateErrorCatalog.ForStatus(status);
            var first = errors.FirstOrDefault();
            ElectronicCertificateErrorCatalog.Entry? byCode = null;
            if (first.Code != null) ElectronicCertificateErrorCatalog.Codes.TryGetValue(first.Code, out byCode);
            var entry = byCode ?? byStatus;
            var details = errors.Count == 0
                ? entry.Meaning
                : string.Join("; ", errors.Select(e => e.Code + (ElectronicCertificateErrorCatalog.Codes.TryGetValue(e.Code, out var known) ? " " + known.Meaning : "") + (string.IsNullOrWhiteSpace(e.Message) ? "" : ": " + e.Message)));
            var ids = " (x-request-id " + requestId + ", x-response-id " + ResponseSignature.HeaderValue(response, "x-response-id") + ")";
            return new GosApiException(GosApiService.ElectronicCertificate, entry.Kind, traits.Operation + " failed: " + details + ids)
            {
                StatusCode = status,
                ApiCode = first.Code,
                Hint = entry.Hint,
                Method = method,
                Url = redactedUrl,
                EntityId = traits.EntityId,
                RequestId = requestId,
            };
        }

        private static List<(string Code, string? Message)> ReadErrors(string? content)
        {
            var list = new List<(string, string?)>();
            if (string.IsNullOrWhiteSpace(content)) return list;
            try
            {
                using var document = JsonDocument.Parse(content!);
                foreach (var error in document.RootElement.Array("Errors"))
                {
                    var code = error.Str("code");
                    if (code != null) list.Add((ElectronicCertificateErrorCatalog.NormalizeCode(code), error.Str("msg")));
                }
            }
            catch (JsonException)
            {
            }
            return list;
        }
    }
}
