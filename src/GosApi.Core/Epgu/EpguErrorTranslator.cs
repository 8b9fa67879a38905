using System.Linq;
using System.Text.Json;
using GosApi.Errors;
using GosApi.Http;
using RestSharp;

namespace GosApi.Epgu
{
    /// <summary>Turns EPGU's {"code","message"} answers and bare HTTP statuses into <see cref="GosApiException"/>.</summary>
    internal sealed class EpguErrorTranslator : IApiErrorTranslator
    {
        public GosApiException Translate(RestResponse response, RequestTraits traits, string method, string redactedUrl)
        {
            var status = (int)response.StatusCode;
            ErrorBody.Read(response.Content, out var code, out var message);
            // 001 Appendix 4: only 400/403/405/409/500 answers carry {code, message}; for 401, 429 and 502–504 the
            // status itself is the error (a gateway's body is not the API's), so the ErrorId stays Epgu.<status>.
            if (code != null && !CarriesApiCode(status)) code = null;
            var byStatus = EpguErrorCatalog.ForStatus(status, traits.Operation);
            EpguErrorCatalog.Entry? byCode = null;
            if (code != null) EpguErrorCatalog.Codes.TryGetValue(code, out byCode);
            var entry = byCode ?? byStatus;
            var text = traits.Operation + " failed: " + (string.IsNullOrWhiteSpace(message) ? entry.Meaning : message + (byCode != null && message != byCode.Meaning ? " — " + byCode.Meaning : string.Empty));
            return new GosApiException(GosApiService.Epgu, entry.Kind, text)
            {
                StatusCode = status,
                ApiCode = code,
                Hint = entry.Hint,
                Method = method,
                Url = redactedUrl,
                EntityId = traits.EntityId,
                RequestId = response.Headers?.FirstOrDefault(h => string.Equals(h.Name, "X-Request-Id", System.StringComparison.OrdinalIgnoreCase))?.Value?.ToString(),
            };
        }

        private static bool CarriesApiCode(int status) => status == 400 || status == 403 || status == 404 || status == 405 || status == 409 || status == 500;
    }
}
