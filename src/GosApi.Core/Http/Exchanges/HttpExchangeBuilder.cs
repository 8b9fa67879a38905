using System;
using System.Linq;
using RestSharp;

namespace GosApi.Http.Exchanges
{
    /// <summary>Puts together the record of one exchange from what the pipeline and the recorder saw.</summary>
    internal sealed class HttpExchangeBuilder
    {
        private readonly HttpExchange exchange;
        private readonly RequestTraits traits;

        public HttpExchangeBuilder(GosApiService service, RequestTraits traits, string method, string url, DateTimeOffset startedAt, TimeSpan duration, SentRequest sent, object? credential)
        {
            this.traits = traits;
            var token = credential as AccessToken;
            exchange = new HttpExchange
            {
                Service = service,
                Operation = traits.Operation,
                Method = method,
                Url = url,
                Host = sent.Host ?? HostOf(url),
                StartedAt = startedAt,
                Duration = duration,
                RequestHeaders = sent.Headers,
                RequestBody = sent.Body,
                EntityId = traits.EntityId,
                RequestId = sent.Headers.FirstOrDefault(h => string.Equals(h.Name, "x-request-id", StringComparison.OrdinalIgnoreCase))?.Value,
                Token = token?.Claims,
                TokenObtainedAt = token?.ObtainedAt,
            };
        }

        public HttpExchange NoResponse(string reason)
        {
            exchange.Error = reason;
            return exchange;
        }

        public HttpExchange Answered(RestResponse response, string? apiCode)
        {
            exchange.StatusCode = (int)response.StatusCode;
            exchange.ApiCode = apiCode;
            if (exchange.EntityId == null && response.IsSuccessStatusCode && traits.EntityIdFromResponse != null)
            {
                try { exchange.EntityId = traits.EntityIdFromResponse(response.Content); }
                catch (Exception ex) when (!(ex is OutOfMemoryException)) { /* the caller reports a malformed answer itself */ }
            }
            return exchange;
        }

        private static string HostOf(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Authority : string.Empty;
    }
}
