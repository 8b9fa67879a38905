using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using GosApi.Diagnostics;

namespace GosApi.Http.Exchanges
{
    /// <summary>What the recorder saw of a request on its way out, before the body stream was consumed.</summary>
    internal sealed class SentRequest
    {
        public IReadOnlyList<HttpHeaderValue> Headers { get; set; } = Array.Empty<HttpHeaderValue>();
        public string? Body { get; set; }
        public string? Host { get; set; }
    }

    /// <summary>
    /// The innermost-but-one handler of every pipeline: notes the headers and the body of the request being sent
    /// into the <see cref="SentRequest"/> the pipeline put in <see cref="Capture"/> for the current exchange.
    /// </summary>
    internal sealed class ExchangeRecorder : DelegatingHandler
    {
        private static readonly AsyncLocal<SentRequest?> Current = new AsyncLocal<SentRequest?>();

        // Values never recorded: credentials that travel in headers.
        private static readonly HashSet<string> SecretHeaders = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Authorization", "Proxy-Authorization", "x-api-key", "api-key", "apikey", "Cookie",
        };

        public ExchangeRecorder(HttpMessageHandler inner) : base(inner) { }

        /// <summary>Makes the next request sent on this logical flow describe itself into <paramref name="target"/>.</summary>
        public static IDisposable Capture(SentRequest target)
        {
            var previous = Current.Value;
            Current.Value = target;
            return new Restore(previous);
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var target = Current.Value;
            if (target != null)
            {
                target.Host = request.Headers.Host ?? request.RequestUri?.Authority;
                target.Headers = HeadersOf(request);
                target.Body = await RequestContentDescriber.DescribeAsync(request.Content).ConfigureAwait(false);
            }
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        private static IReadOnlyList<HttpHeaderValue> HeadersOf(HttpRequestMessage request)
        {
            var headers = new List<HttpHeaderValue>();
            if (request.Headers.Host == null && request.RequestUri != null) headers.Add(new HttpHeaderValue("Host", request.RequestUri.Authority));
            var all = request.Content == null ? request.Headers : request.Headers.Concat(request.Content.Headers);
            foreach (var header in all)
                headers.Add(new HttpHeaderValue(header.Key, Safe(header.Key, string.Join(", ", header.Value))));
            return headers;
        }

        internal static string Safe(string name, string value)
        {
            if (!SecretHeaders.Contains(name)) return SecretScrubber.Scrub(value);
            // Keep the scheme ("Bearer", "Basic", "Token"): it tells support which kind of credential went.
            var space = value.IndexOf(' ');
            return space > 0 && name.IndexOf("Authorization", StringComparison.OrdinalIgnoreCase) >= 0
                ? value.Substring(0, space) + " " + SecretScrubber.Mask
                : SecretScrubber.Mask;
        }

        private sealed class Restore : IDisposable
        {
            private readonly SentRequest? previous;
            public Restore(SentRequest? previous) { this.previous = previous; }
            public void Dispose() => Current.Value = previous;
        }
    }
}
