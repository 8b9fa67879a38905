using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using GosApi.Http;

namespace GosApi.ElectronicCertificates
{
    /// <summary>
    /// A connection to an ИС «Электронный сертификат» instance: base URI, API key, shared secret and the HTTP
    /// pipeline. Neither secret is exposed by any property or by <see cref="ToString"/>.
    /// </summary>
    public sealed class ElectronicCertificateSession : IDisposable
    {
        /// <summary>The address the manual gives (§4.2.1.1); «У» and «ес» are Cyrillic and are sent percent-encoded.</summary>
        public static readonly Uri DefaultBaseUri = new Uri("http://localhost:8080/api/1.2.1-У/ес/");

        private readonly byte[] sharedSecret;
        private readonly string secretText; // stays registered with the scrubber: another session may share it

        public ElectronicCertificateSession(Uri? baseUri, string apiKey, byte[] sharedSecret, HttpPipelineOptions? http = null, HttpMessageHandler? handler = null)
        {
            baseUri ??= DefaultBaseUri;
            if (!baseUri.IsAbsoluteUri || (baseUri.Scheme != Uri.UriSchemeHttp && baseUri.Scheme != Uri.UriSchemeHttps))
                throw new ArgumentException($"BaseUri {baseUri}: must be an absolute http or https URI.", nameof(baseUri));
            if (string.IsNullOrWhiteSpace(apiKey)) throw new ArgumentException("ApiKey: must not be empty.", nameof(apiKey));
            if (sharedSecret == null || sharedSecret.Length == 0) throw new ArgumentException("SharedSecret: must not be empty.", nameof(sharedSecret));
            BaseUri = new Uri(baseUri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? baseUri.AbsoluteUri : baseUri.AbsoluteUri + "/");
            Http = (http ?? new HttpPipelineOptions()).Clone();
            this.sharedSecret = (byte[])sharedSecret.Clone();
            secretText = System.Text.Encoding.UTF8.GetString(sharedSecret);
            Diagnostics.SecretScrubber.Register(secretText);
            var signature = new ResponseSignature(this.sharedSecret);
            Pipeline = new ApiPipeline(GosApiService.ElectronicCertificate, BaseUri, Http, new ApiKeyAuth(apiKey), new ElectronicCertificateErrorTranslator(signature), handler);
            Transport = new ElectronicCertificateTransport(Pipeline, signature);
            ConnectedAt = DateTimeOffset.UtcNow;
        }

        /// <summary>The base URI as sent: non-ASCII path segments percent-encoded as UTF-8.</summary>
        public Uri BaseUri { get; }
        /// <summary>The base URI as a person reads it (Cyrillic letters shown as letters).</summary>
        public string DisplayUri => Uri.UnescapeDataString(BaseUri.AbsoluteUri);
        public HttpPipelineOptions Http { get; }
        public DateTimeOffset ConnectedAt { get; }
        public PipelineStatistics Statistics => Pipeline.Statistics;
        /// <summary>Tasks this session has seen, with their last known status.</summary>
        public IReadOnlyCollection<Models.ElectronicCertificateTask> KnownTasks => Tasks.All;

        internal ApiPipeline Pipeline { get; }
        internal ElectronicCertificateTransport Transport { get; }
        internal TaskStatusRegistry Tasks { get; } = new TaskStatusRegistry();

        public override string ToString() => "ИС ЭС " + DisplayUri;

        public void Dispose()
        {
            Pipeline.Dispose();
            Array.Clear(sharedSecret, 0, sharedSecret.Length);
        }

        /// <summary>x-api-key on every request; a 401 is final (there is nothing to renew).</summary>
        private sealed class ApiKeyAuth : IAuthProvider
        {
            private readonly AuthHeaders headers;

            public ApiKeyAuth(string apiKey)
            {
                headers = new AuthHeaders(new[] { new KeyValuePair<string, string>("x-api-key", apiKey) }, null);
                Diagnostics.SecretScrubber.Register(apiKey);
            }

            public bool CanRefresh => false;

            public Task<AuthHeaders> GetHeadersAsync(object? rejected, CancellationToken cancellationToken) => Task.FromResult(headers);
        }
    }
}
