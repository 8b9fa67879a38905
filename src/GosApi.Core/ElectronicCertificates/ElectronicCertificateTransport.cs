using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using GosApi.Diagnostics;
using GosApi.ElectronicCertificates.Models;
using GosApi.Http;
using GosApi.Json;
using RestSharp;

namespace GosApi.ElectronicCertificates
{
    /// <summary>A verified answer: its body and the ids of the exchange.</summary>
    internal sealed class VerifiedResponse
    {
        public VerifiedResponse(RestResponse response, ResponseInfo info) { Response = response; Info = info; }
        public RestResponse Response { get; }
        public ResponseInfo Info { get; }
        public string Content => Response.Content ?? string.Empty;
    }

    /// <summary>
    /// One exchange with ИС ЭС: x-request-id, x-request-date and x-jws-signature on the request (x-api-key comes
    /// from the pipeline's auth), the canonical body, and the answer's signature checked before it is returned.
    /// </summary>
    internal sealed class ElectronicCertificateTransport
    {
        private const string JsonContentType = "application/json; charset=utf-8";
        private readonly ApiPipeline pipeline;
        private readonly ResponseSignature signature;

        public ElectronicCertificateTransport(ApiPipeline pipeline, ResponseSignature signature)
        {
            this.pipeline = pipeline;
            this.signature = signature;
        }

        /// <summary>POST of a JSON body (written in any member order; it is sent canonicalised).</summary>
        public Task<VerifiedResponse> PostAsync(string path, string json, RequestTraits traits, CancellationToken cancellationToken)
        {
            var canonical = CanonicalJson.Canonicalize(json);
            var request = new RestRequest(path, Method.Post);
            // The media type alone: RestSharp builds a StringContent from it, which refuses parameters and adds
            // "; charset=utf-8" itself (the client's UTF-8 encoding), giving the header JsonContentType.
            request.AddStringBody(canonical, ContentType.Json);
            return SendAsync(request, Encoding.UTF8.GetBytes(canonical), traits, cancellationToken);
        }

        public Task<VerifiedResponse> GetAsync(string path, IEnumerable<KeyValuePair<string, string>> query, RequestTraits traits, CancellationToken cancellationToken)
        {
            var request = new RestRequest(path, Method.Get);
            foreach (var pair in query) request.AddQueryParameter(pair.Key, pair.Value);
            return SendAsync(request, Array.Empty<byte>(), traits, cancellationToken);
        }

        private async Task<VerifiedResponse> SendAsync(RestRequest request, byte[] payload, RequestTraits traits, CancellationToken cancellationToken)
        {
            var requestId = Guid.NewGuid().ToString(); // lower case, version 4; kept on retries of this request
            request.AddHeader("x-request-id", requestId);
            request.AddHeader("x-request-date", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
            request.AddHeader(ResponseSignature.Header, signature.Sign(payload));
            var response = await pipeline.ExecuteAsync(request, traits, cancellationToken).ConfigureAwait(false);
            signature.Verify(response, traits.Operation);
            var info = new ResponseInfo(requestId,
                ResponseSignature.HeaderValue(response, "x-response-id"),
                ResponseSignature.HeaderValue(response, "x-correlation-id"),
                JsonElementReader.ParseDate(ResponseSignature.HeaderValue(response, "x-response-date")));
            OperationScope.Debug($"ElectronicCertificate {traits.Operation}: {info}");
            return new VerifiedResponse(response, info);
        }
    }
}
