using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using GosApi.Crypto.Cms;
using GosApi.Crypto.Signers;
using GosApi.Diagnostics;
using GosApi.Errors;
using GosApi.Http;
using RestSharp;

namespace GosApi.Esia
{
    /// <summary>
    /// The organisation's access token by API key (ESIA "маркер по идентификационному ключу", FIELD-NOTES):
    /// GET {esia}/esia-rs/api/public/v1/orgs/ext-app/{apiKey}/tkn?signature={detached GOST CMS over the key, base64url}.
    /// Asked again whenever the token expires or is refused.
    /// </summary>
    public sealed class EsiaApiKeyTokenSource : ITokenSource, IDisposable
    {
        private readonly string apiKey;
        private readonly IGostSigner signer;
        private readonly ApiPipeline pipeline;

        public EsiaApiKeyTokenSource(Uri esiaBaseUri, string apiKey, IGostSigner signer, HttpPipelineOptions? http = null, HttpMessageHandler? handler = null)
        {
            if (string.IsNullOrWhiteSpace(apiKey)) throw new ArgumentException("ApiKey: must not be empty.", nameof(apiKey));
            this.apiKey = apiKey.Trim();
            this.signer = signer ?? throw new ArgumentNullException(nameof(signer));
            SecretScrubber.Register(this.apiKey);
            EsiaBaseUri = esiaBaseUri;
            pipeline = new ApiPipeline(GosApiService.Epgu, esiaBaseUri, http ?? new HttpPipelineOptions(), null, new EsiaErrorTranslator(), handler);
        }

        public Uri EsiaBaseUri { get; }

        public bool CanRefresh => true;

        public async Task<AccessToken> GetTokenAsync(CancellationToken cancellationToken)
        {
            byte[] signature;
            using (var content = new MemoryStream(Encoding.UTF8.GetBytes(apiKey)))
                signature = await signer.SignDetachedAsync(content, new CmsSignatureOptions(), cancellationToken).ConfigureAwait(false);
            var request = new RestRequest("esia-rs/api/public/v1/orgs/ext-app/{apiKey}/tkn", Method.Get)
                .AddUrlSegment("apiKey", apiKey)
                .AddQueryParameter("signature", CmsEncoding.ToBase64Url(signature));
            var traits = new RequestTraits { Operation = "get ESIA token by API key", SafeToRetry = true, Authenticated = false };
            var response = await pipeline.ExecuteAsync(request, traits, cancellationToken).ConfigureAwait(false);
            var token = Parse(response.Content);
            OperationScope.Verbose($"Got an ESIA access token for the API key ({token}).");
            return token;
        }

        private static AccessToken Parse(string? body)
        {
            try
            {
                using var document = JsonDocument.Parse(body ?? string.Empty);
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("accessTkn", out var value) && value.ValueKind == JsonValueKind.String)
                {
                    DateTimeOffset? expires = null;
                    foreach (var name in new[] { "expiresIn", "expires_in" })
                        if (root.TryGetProperty(name, out var seconds) && seconds.ValueKind == JsonValueKind.Number && seconds.TryGetInt64(out var s) && s > 0)
                            expires = DateTimeOffset.UtcNow.AddSeconds(s);
                    return new AccessToken(value.GetString()!, expires);
                }
            }
            catch (JsonException) { }
            throw new GosApiException(GosApiService.Epgu, GosApiErrorKind.InvalidResponse, "get ESIA token by API key: the answer has no accessTkn");
        }

        public void Dispose() => pipeline.Dispose();
    }
}
