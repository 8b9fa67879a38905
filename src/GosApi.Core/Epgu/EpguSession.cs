using System;
using System.Net.Http;
using GosApi.Http;

namespace GosApi.Epgu
{
    /// <summary>
    /// A connection to one EPGU contour: base URI, credentials, limits and the shared HTTP pipeline.
    /// Shows no secret in any property or in <see cref="ToString"/>.
    /// </summary>
    public sealed class EpguSession : IDisposable
    {
        private readonly BearerTokenAuth auth;
        private readonly ITokenSource tokenSource;

        public EpguSession(EpguEnvironment environment, Uri baseUri, ITokenSource tokenSource, EpguSessionOptions? options = null, HttpPipelineOptions? http = null, HttpMessageHandler? handler = null)
        {
            if (baseUri == null) throw new ArgumentNullException(nameof(baseUri));
            if (!baseUri.IsAbsoluteUri || (baseUri.Scheme != Uri.UriSchemeHttp && baseUri.Scheme != Uri.UriSchemeHttps))
                throw new ArgumentException($"BaseUri {baseUri}: must be an absolute http or https URI.", nameof(baseUri));
            Environment = environment;
            BaseUri = baseUri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? baseUri : new Uri(baseUri.AbsoluteUri + "/");
            Options = options ?? new EpguSessionOptions();
            Options.Validate();
            Http = (http ?? new HttpPipelineOptions()).Clone();
            auth = new BearerTokenAuth(tokenSource ?? throw new ArgumentNullException(nameof(tokenSource)));
            AuthenticationMethod = tokenSource is StaticTokenSource ? "AccessToken" : tokenSource is NoTokenSource ? "None" : tokenSource is Esia.EsiaApiKeyTokenSource ? "ApiKey" : "TokenProvider";
            this.tokenSource = tokenSource;
            // Both pipelines count against the same quotas of the information system (001 Appendix 3).
            var statistics = new PipelineStatistics
            {
                RequestQuotas = Options.RequestQuotaWatch(Http.RequestsPerMinute),
                ItemQuotas = Options.OrderQuotaWatch(),
            };
            Pipeline = new ApiPipeline(GosApiService.Epgu, BaseUri, Http, auth, new EpguErrorTranslator(), handler, statistics);
            // Dictionaries need no token (001 §4); a separate pipeline keeps auth out of those requests entirely.
            PublicPipeline = new ApiPipeline(GosApiService.Epgu, BaseUri, Http, null, new EpguErrorTranslator(), handler, statistics);
            ConnectedAt = DateTimeOffset.UtcNow;
        }

        /// <summary>A session without credentials: enough for the NSI dictionaries, which need no token (001 §4).</summary>
        public static EpguSession Anonymous(EpguEnvironment environment, Uri baseUri, EpguSessionOptions? options = null, HttpPipelineOptions? http = null) =>
            new EpguSession(environment, baseUri, new NoTokenSource(), options, http);

        public EpguEnvironment Environment { get; }
        public Uri BaseUri { get; }
        public EpguSessionOptions Options { get; }
        /// <summary>Transport settings this session was created with.</summary>
        public HttpPipelineOptions Http { get; }
        public string AuthenticationMethod { get; }
        public DateTimeOffset ConnectedAt { get; }
        /// <summary>Expiry of the token in use, when the token carries one (JWT <c>exp</c>).</summary>
        public DateTimeOffset? TokenExpiresAt => auth.CurrentToken?.ExpiresAt;
        /// <summary>The decoded claims of the token in use (never the token itself); null before the first token.</summary>
        public AccessTokenInfo? TokenInfo => auth.CurrentToken?.Claims;
        /// <summary>Requests, failures by code and use of 001's quotas, for this session.</summary>
        public PipelineStatistics Statistics => Pipeline.Statistics;

        internal ApiPipeline Pipeline { get; }
        internal ApiPipeline PublicPipeline { get; }
        /// <summary>Gets (or reuses) the access token, e.g. to fail early at connect time. The token's value stays hidden.</summary>
        public System.Threading.Tasks.Task<AccessToken> GetTokenAsync(System.Threading.CancellationToken cancellationToken) => auth.GetTokenAsync(null, cancellationToken);

        public override string ToString() => $"EPGU {Environment} {BaseUri}";

        public void Dispose()
        {
            Pipeline.Dispose();
            PublicPipeline.Dispose();
            (tokenSource as IDisposable)?.Dispose();
        }

        private sealed class NoTokenSource : ITokenSource
        {
            public bool CanRefresh => false;

            public System.Threading.Tasks.Task<AccessToken> GetTokenAsync(System.Threading.CancellationToken cancellationToken) =>
                throw new Errors.GosApiException(GosApiService.Epgu, Errors.GosApiErrorKind.Authentication, "This session has no access token; it can read NSI dictionaries only")
                {
                    Hint = "Connect with Connect-Epgu -AccessToken or -TokenProvider.",
                };
        }
    }
}
