using System;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using GosApi.Http;
using RestSharp;

namespace GosApi.FnsMobileSign
{
    /// <summary>
    /// A connection to the ФНС «Мобильная подпись» partner API: base URI, account, scenario numbers and the HTTP
    /// pipeline. Neither the password nor the token is exposed by any property or by <see cref="ToString"/>.
    /// </summary>
    public sealed class FnsSession : IDisposable
    {
        private readonly FnsAuth auth;

        public FnsSession(Uri baseUri, string username, string password, FnsAuthentication authentication = FnsAuthentication.Token,
            FnsScenarios? scenarios = null, HttpPipelineOptions? http = null, HttpMessageHandler? handler = null)
        {
            if (baseUri == null) throw new ArgumentNullException(nameof(baseUri));
            if (!baseUri.IsAbsoluteUri || (baseUri.Scheme != Uri.UriSchemeHttp && baseUri.Scheme != Uri.UriSchemeHttps))
                throw new ArgumentException($"BaseUri {baseUri}: must be an absolute http or https URI.", nameof(baseUri));
            if (string.IsNullOrWhiteSpace(username)) throw new ArgumentException("Credential: the user name must not be empty.", nameof(username));
            if (string.IsNullOrEmpty(password)) throw new ArgumentException("Credential: the password must not be empty.", nameof(password));
            BaseUri = new Uri(baseUri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? baseUri.AbsoluteUri : baseUri.AbsoluteUri + "/");
            Username = username;
            Authentication = authentication;
            Scenarios = (scenarios ?? new FnsScenarios()).Clone();
            Http = (http ?? new HttpPipelineOptions()).Clone();
            var errors = new FnsErrorTranslator();
            var statistics = new PipelineStatistics();
            PublicPipeline = new ApiPipeline(GosApiService.FnsMobileSign, BaseUri, Http, null, errors, handler, statistics);
            auth = new FnsAuth(authentication, username, password, LoginAsync);
            Pipeline = new ApiPipeline(GosApiService.FnsMobileSign, BaseUri, Http, auth, errors, handler, statistics);
            ConnectedAt = DateTimeOffset.UtcNow;
        }

        public Uri BaseUri { get; }
        public string Username { get; }
        public FnsAuthentication Authentication { get; }
        public FnsScenarios Scenarios { get; }
        public HttpPipelineOptions Http { get; }
        public DateTimeOffset ConnectedAt { get; }
        public PipelineStatistics Statistics => Pipeline.Statistics;
        public bool IsLoggedIn => Authentication == FnsAuthentication.Basic || auth.HasToken;

        internal ApiPipeline Pipeline { get; }
        internal ApiPipeline PublicPipeline { get; }

        /// <summary>Logs in now (token mode) so that wrong credentials fail at connect time.</summary>
        public async Task LogInAsync(CancellationToken cancellationToken)
        {
            if (Authentication == FnsAuthentication.Token) await auth.GetHeadersAsync(null, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>POST /api/rb/auth → result.token.</summary>
        private async Task<string> LoginAsync(string username, string password, CancellationToken cancellationToken)
        {
            var body = new JsonObject { ["username"] = username, ["password"] = password }.ToJsonString();
            var request = new RestRequest("api/rb/auth", Method.Post).AddStringBody(body, ContentType.Json);
            var response = await PublicPipeline.ExecuteAsync(request, new RequestTraits { Operation = "log in", SafeToRetry = true, Authenticated = false }, cancellationToken).ConfigureAwait(false);
            var result = FnsReader.Result(response.Content, "log in");
            // A malformed answer is an invalid response, not a KeyNotFound/InvalidOperation escaping from the JSON reader.
            var token = result.ValueKind == System.Text.Json.JsonValueKind.Object && result.TryGetProperty("token", out var value) && value.ValueKind == System.Text.Json.JsonValueKind.String
                ? value.GetString()
                : null;
            if (string.IsNullOrEmpty(token)) throw FnsReader.Shape("log in", "a token");
            return token!;
        }

        public override string ToString() => $"ФНС «Мобильная подпись» {BaseUri} as {Username}";

        public void Dispose()
        {
            Pipeline.Dispose();
            PublicPipeline.Dispose();
        }
    }
}
