using System;
using System.Net.Http;
using System.Text.Json.Nodes;
using GosApi.Diagnostics;
using GosApi.Http;

namespace GosApi.Uc
{
    /// <summary>
    /// A connection to УЦ «Основание» External API v2. The manager's login and password travel in every JSON body
    /// (the spec's only way); the password is held here, registered with the scrubber and never exposed.
    /// </summary>
    public sealed class UcSession : IDisposable
    {
        public static readonly Uri DefaultBaseUri = new Uri("https://apinew.iecp.ru/api/external/v2/");
        private readonly string password;

        public UcSession(Uri? baseUri, string login, string password, HttpPipelineOptions? http = null, HttpMessageHandler? handler = null)
        {
            baseUri ??= DefaultBaseUri;
            if (!baseUri.IsAbsoluteUri || (baseUri.Scheme != Uri.UriSchemeHttp && baseUri.Scheme != Uri.UriSchemeHttps))
                throw new ArgumentException($"BaseUri {baseUri}: must be an absolute http or https URI.", nameof(baseUri));
            if (string.IsNullOrWhiteSpace(login)) throw new ArgumentException("Credential: the login must not be empty.", nameof(login));
            if (string.IsNullOrEmpty(password)) throw new ArgumentException("Credential: the password must not be empty.", nameof(password));
            BaseUri = new Uri(baseUri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? baseUri.AbsoluteUri : baseUri.AbsoluteUri + "/");
            Login = login;
            this.password = password;
            SecretScrubber.Register(password);
            SecretScrubber.Register(JsonValue.Create(password)!.ToJsonString().Trim('"')); // the escaped form a body echo would show
            Http = (http ?? new HttpPipelineOptions()).Clone();
            Pipeline = new ApiPipeline(GosApiService.Uc, BaseUri, Http, null, new UcErrorTranslator(), handler);
            ConnectedAt = DateTimeOffset.UtcNow;
        }

        public Uri BaseUri { get; }
        public string Login { get; }
        public HttpPipelineOptions Http { get; }
        public DateTimeOffset ConnectedAt { get; }
        public PipelineStatistics Statistics => Pipeline.Statistics;

        internal ApiPipeline Pipeline { get; }

        /// <summary>A body with the credentials every method needs.</summary>
        internal JsonObject Body() => new JsonObject { ["login"] = Login, ["pass"] = password };

        internal string Password => password;

        public override string ToString() => $"УЦ «Основание» {BaseUri} as {Login}";

        public void Dispose() => Pipeline.Dispose();
    }
}
