using System;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using GosApi.Diagnostics;
using GosApi.Errors;
using GosApi.Http.Exchanges;
using Polly;
using Polly.Retry;
using RestSharp;

namespace GosApi.Http
{
    /// <summary>
    /// The one HTTP pipeline every service client uses: base URI, per-service auth, client-side rate limit,
    /// retry with backoff and jitter (Polly), one token refresh on 401, timeouts, cancellation and
    /// redacted Debug tracing.
    /// </summary>
    internal sealed class ApiPipeline : IDisposable
    {
        private readonly GosApiService service;
        private readonly HttpPipelineOptions options;
        private readonly IAuthProvider? auth;
        private readonly IApiErrorTranslator errors;
        private readonly RestClient client;
        private readonly RateLimiter limiter;
        private readonly ResiliencePipeline<RestResponse> retrySafe;
        private readonly ResiliencePipeline<RestResponse> retryThrottledOnly;

        public ApiPipeline(GosApiService service, Uri baseUri, HttpPipelineOptions options, IAuthProvider? auth, IApiErrorTranslator errors, HttpMessageHandler? handler = null, PipelineStatistics? statistics = null)
        {
            options.Validate();
            this.service = service;
            this.options = options;
            this.auth = auth;
            this.errors = errors;
            BaseUri = baseUri;
            var clientOptions = new RestClientOptions(baseUri)
            {
                Timeout = options.Timeout,
                ThrowOnAnyError = false,
                UserAgent = options.UserAgent,
                FollowRedirects = false,
                ConfigureMessageHandler = inner => new ExchangeRecorder(inner),
            };
            // A given handler may be shared by several pipelines: the recorder around it must not dispose it.
            client = handler == null ? new RestClient(clientOptions) : new RestClient(new HttpClient(new ExchangeRecorder(handler), disposeHandler: false), clientOptions, disposeHttpClient: true);
            Statistics = statistics ?? new PipelineStatistics();
            limiter = CreateLimiter(options.RequestsPerMinute);
            retrySafe = BuildRetry(safeToRetry: true);
            retryThrottledOnly = BuildRetry(safeToRetry: false);
        }

        /// <summary>
        /// A token bucket that never lets more than <paramref name="perMinute"/> requests through in any 60 seconds:
        /// a burst of a twelfth of the quota, then an even pace for the rest. Callers wait for a permit; nothing fails.
        /// </summary>
        internal static RateLimiter CreateLimiter(int perMinute)
        {
            var burst = Math.Max(1, perMinute / 12);
            var paced = Math.Max(1, perMinute - burst);
            // The replenishment timer works in whole milliseconds: round the period up and add enough tokens per
            // tick to keep the pace, so the rate never exceeds the quota and never stalls at high quotas.
            var tokensPerPeriod = Math.Max(1, (int)Math.Ceiling(paced / 6000.0));
            var periodMs = Math.Ceiling(60000.0 * tokensPerPeriod / paced);
            return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = burst,
                TokensPerPeriod = tokensPerPeriod,
                ReplenishmentPeriod = TimeSpan.FromMilliseconds(periodMs),
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            });
        }

        public Uri BaseUri { get; }
        /// <summary>This pipeline's counters; sessions with two pipelines share one.</summary>
        public PipelineStatistics Statistics { get; }

        /// <summary>Sends the request and returns a successful response; any failure becomes a <see cref="GosApiException"/>.</summary>
        public async Task<RestResponse> ExecuteAsync(RestRequest request, RequestTraits traits, CancellationToken cancellationToken)
        {
            var trail = new ExchangeTrail();
            var response = await SendAsync(request, traits, trail, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode) return response;
            Statistics.CountFailure();
            var error = errors.Translate(response, traits, request.Method.ToString().ToUpperInvariant(), UrlRedactor.Redact(client.BuildUri(request)));
            error.Exchange = trail.Last;
            throw error;
        }

        /// <summary>Sends the request with retries and returns whatever HTTP answer came last; throws only when there was none.</summary>
        public Task<RestResponse> SendAsync(RestRequest request, RequestTraits traits, CancellationToken cancellationToken) =>
            SendAsync(request, traits, new ExchangeTrail(), cancellationToken);

        private async Task<RestResponse> SendAsync(RestRequest request, RequestTraits traits, ExchangeTrail trail, CancellationToken cancellationToken)
        {
            var pipeline = traits.SafeToRetry ? retrySafe : retryThrottledOnly;
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            context.Properties.Set(TraitsKey, traits);
            context.Properties.Set(RequestKey, request);
            context.Properties.Set(TrailKey, trail);
            try
            {
                var outcome = await pipeline.ExecuteOutcomeAsync(
                    async (ctx, state) =>
                    {
                        try { return Outcome.FromResult(await state.SendOnceAsync(ctx.Properties.GetValue(RequestKey, request), ctx.Properties.GetValue(TraitsKey, traits), ctx.Properties.GetValue(TrailKey, trail), ctx.CancellationToken).ConfigureAwait(false)); }
                        catch (Exception ex) { return Outcome.FromException<RestResponse>(ex); }
                    },
                    context,
                    this).ConfigureAwait(false);
                if (outcome.Exception is TransportException transport)
                {
                    Statistics.CountFailure();
                    throw new GosApiException(service, transport.TimedOut ? GosApiErrorKind.Timeout : GosApiErrorKind.Transport, transport.Message, transport.InnerException)
                    {
                        Method = request.Method.ToString().ToUpperInvariant(),
                        Url = UrlRedactor.Redact(client.BuildUri(request)),
                        EntityId = traits.EntityId,
                        Exchange = trail.Last,
                        Hint = transport.IsPermanent
                            ? "The TLS handshake was refused, which a retry cannot change; fix the trust or TLS setup (see Test-GostTlsConnection)."
                            : traits.SafeToRetry
                            ? "The request was retried " + options.MaxRetries + " times; check the network path to the service."
                            : "The request creates something and was not repeated blindly; check whether it took effect before sending it again.",
                    };
                }
                outcome.ThrowIfException();
                return outcome.Result!;
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }

        private static readonly ResiliencePropertyKey<RequestTraits> TraitsKey = new ResiliencePropertyKey<RequestTraits>("gosapi.traits");
        private static readonly ResiliencePropertyKey<RestRequest> RequestKey = new ResiliencePropertyKey<RestRequest>("gosapi.request");

        private static readonly ResiliencePropertyKey<ExchangeTrail> TrailKey = new ResiliencePropertyKey<ExchangeTrail>("gosapi.trail");

        /// <summary>The exchanges of one request (retries and renewals included): numbers them and keeps the last for its error.</summary>
        private sealed class ExchangeTrail
        {
            private int attempts;
            public HttpExchange? Last;
            public int NextAttempt() => Interlocked.Increment(ref attempts) - 1;
        }

        private async Task<RestResponse> SendOnceAsync(RestRequest request, RequestTraits traits, ExchangeTrail trail, CancellationToken cancellationToken)
        {
            var (response, credential) = await ExchangeAsync(request, traits, trail, rejected: null, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Unauthorized && traits.Authenticated && auth != null && auth.CanRefresh)
            {
                (response, _) = await ExchangeAsync(request, traits, trail, rejected: credential, cancellationToken).ConfigureAwait(false);
            }
            return response;
        }

        /// <summary>One HTTP exchange: quota and rate-limit permits, the auth headers (renewed if <paramref name="rejected"/> was refused), the call, its record.</summary>
        private async Task<(RestResponse Response, object? Credential)> ExchangeAsync(RestRequest request, RequestTraits traits, ExchangeTrail trail, object? rejected, CancellationToken cancellationToken)
        {
            // A full calendar quota makes the request wait, with a warning, instead of collecting a limitation error.
            var quotas = Statistics.RequestQuotas;
            if (quotas != null) await Http.Quotas.QuotaGate.PassAsync(quotas.TryCount, service, cancellationToken).ConfigureAwait(false);
            using (var lease = await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false))
            {
                if (!lease.IsAcquired) throw new InvalidOperationException("Client-side rate limiter refused a permit.");
            }
            object? credential = null;
            if (traits.Authenticated && auth != null)
            {
                var headers = await auth.GetHeadersAsync(rejected, cancellationToken).ConfigureAwait(false);
                credential = headers.Credential;
                foreach (var header in headers.Headers)
                    request.AddOrUpdateHeader(header.Key, header.Value);
            }
            var method = request.Method.ToString().ToUpperInvariant();
            var url = UrlRedactor.Redact(client.BuildUri(request));
            var sent = new SentRequest();
            var startedAt = DateTimeOffset.UtcNow;
            var watch = Stopwatch.StartNew();
            RestResponse response;
            using (ExchangeRecorder.Capture(sent))
                response = await client.ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
            watch.Stop();
            cancellationToken.ThrowIfCancellationRequested();
            var exchange = new HttpExchangeBuilder(service, traits, method, url, startedAt, watch.Elapsed, sent, credential);
            if (response.ResponseStatus == ResponseStatus.TimedOut || (response.StatusCode == 0 && response.ErrorException != null))
            {
                var timedOut = response.ResponseStatus == ResponseStatus.TimedOut;
                var reason = timedOut ? "timed out after " + options.Timeout.TotalSeconds + " s" : Describe(response.ErrorException);
                Record(trail, exchange.NoResponse(reason));
                OperationScope.Debug($"{service} {method} {url} -> no response ({reason}) after {watch.ElapsedMilliseconds} ms");
                throw new TransportException($"{service} {traits.Operation}: no response from the service ({reason}).", timedOut, response.ErrorException);
            }
            Record(trail, exchange.Answered(response, response.IsSuccessStatusCode ? null : ApiCodeOf(response, traits, method, url)));
            OperationScope.Debug($"{service} {method} {url} -> HTTP {(int)response.StatusCode} in {watch.ElapsedMilliseconds} ms");
            return (response, credential);
        }

        private string? ApiCodeOf(RestResponse response, RequestTraits traits, string method, string url)
        {
            try { return errors.Translate(response, traits, method, url).ApiCode; }
            catch (Exception ex) when (!(ex is OutOfMemoryException)) { return null; }
        }

        private void Record(ExchangeTrail trail, HttpExchange exchange)
        {
            exchange.Attempt = trail.NextAttempt();
            trail.Last = exchange;
            Statistics.Record(exchange);
            var log = options.RequestLog;
            if (log == null) return;
            try { log.Write(exchange); }
            catch (Exception ex) when (ex is System.IO.IOException || ex is UnauthorizedAccessException)
            {
                OperationScope.Warning($"Request log {log.Path}: {ex.Message}");
            }
        }

        private static string Describe(Exception? error)
        {
            var innermost = error;
            while (innermost?.InnerException != null) innermost = innermost.InnerException;
            return SecretScrubber.Scrub(innermost?.Message ?? error?.Message ?? "unknown error");
        }

        private ResiliencePipeline<RestResponse> BuildRetry(bool safeToRetry)
        {
            var retry = new RetryStrategyOptions<RestResponse>
            {
                MaxRetryAttempts = Math.Max(1, options.MaxRetries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldHandle = args =>
                {
                    if (options.MaxRetries == 0) return new ValueTask<bool>(false);
                    if (args.Outcome.Exception is TransportException transport) return new ValueTask<bool>(safeToRetry && !transport.IsPermanent);
                    var response = args.Outcome.Result;
                    if (response == null) return new ValueTask<bool>(false);
                    var status = (int)response.StatusCode;
                    return new ValueTask<bool>(status == 429 || (safeToRetry && (status == 502 || status == 503 || status == 504)));
                },
                DelayGenerator = args =>
                {
                    var response = args.Outcome.Result;
                    var serverDelay = response == null ? null : RetryAfter.From(response, DateTimeOffset.UtcNow);
                    if (serverDelay == null) return new ValueTask<TimeSpan?>((TimeSpan?)null);
                    return new ValueTask<TimeSpan?>(serverDelay.Value > options.MaxRetryDelay ? options.MaxRetryDelay : serverDelay.Value);
                },
                OnRetry = args =>
                {
                    Statistics.CountRetry();
                    var traits = args.Context.Properties.GetValue(TraitsKey, new RequestTraits());
                    var why = args.Outcome.Exception != null ? Describe(args.Outcome.Exception) : "HTTP " + (int)args.Outcome.Result!.StatusCode;
                    OperationScope.Verbose($"{service} {traits.Operation}: {why}; retry {args.AttemptNumber + 1} of {options.MaxRetries} in {args.RetryDelay.TotalSeconds:0.0} s");
                    return default;
                },
            };
            return new ResiliencePipelineBuilder<RestResponse>().AddRetry(retry).Build();
        }

        public void Dispose()
        {
            client.Dispose();
            limiter.Dispose();
        }
    }
}
