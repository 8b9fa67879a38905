using System.Collections.Generic;
using GosApi.Errors;
using GosApi.Http;
using RestSharp;

namespace GosApi.Esia
{
    /// <summary>ESIA REST errors: {"code":"ESIA-NNNNNN","message":…} with 400/401/403.</summary>
    internal sealed class EsiaErrorTranslator : IApiErrorTranslator
    {
        private static readonly Dictionary<string, string> Hints = new Dictionary<string, string>
        {
            ["ESIA-007002"] = "The certificate does not carry the organisation the API key belongs to: sign with a certificate of that organisation.",
            ["ESIA-007003"] = "The signature parameter is not base64url: the module sends base64url without padding; check proxies that rewrite the URL.",
            ["ESIA-007014"] = "A required parameter is missing.",
            ["ESIA-007015"] = "The signing time is too far from ESIA's clock: synchronise this machine's clock (NTP).",
            ["ESIA-007053"] = "The signature does not verify: sign with the certificate registered for the API key (GOST R 34.10-2012, detached CMS with signingCertificateV2).",
            ["ESIA-008010"] = "ESIA does not know this API key: check the key issued for the information system (vendor/consumer guide on partners.gosuslugi.ru).",
        };

        public GosApiException Translate(RestResponse response, RequestTraits traits, string method, string redactedUrl)
        {
            var status = (int)response.StatusCode;
            ErrorBody.Read(response.Content, out var code, out var message);
            var kind = status == 401 ? GosApiErrorKind.Authentication : status == 403 ? GosApiErrorKind.PermissionDenied : status >= 500 ? GosApiErrorKind.ServerError : status == 429 ? GosApiErrorKind.LimitExceeded : GosApiErrorKind.InvalidRequest;
            string? hint = null;
            if (code != null) Hints.TryGetValue(code, out hint);
            return new GosApiException(GosApiService.Epgu, kind, traits.Operation + " failed: " + (message ?? "ESIA answered HTTP " + status))
            {
                StatusCode = status,
                ApiCode = code,
                Hint = hint ?? "Check the API key, the signing certificate and the ESIA address.",
                Method = method,
                Url = redactedUrl,
            };
        }
    }
}
