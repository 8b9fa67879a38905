using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using GosApi.Http.Exchanges;
using GosApi.Http.Quotas;

namespace GosApi.Http
{
    /// <summary>Counters of one session's HTTP traffic, its failures by code and its use of the service's quotas.</summary>
    public sealed class PipelineStatistics
    {
        private readonly ConcurrentDictionary<string, long> errorsByCode = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        private long requests;
        private long retries;
        private long throttled;
        private long failures;
        private HttpExchange? lastFailure;

        /// <summary>HTTP exchanges sent, retries and token renewals included.</summary>
        public long Requests => Interlocked.Read(ref requests);
        public long Retries => Interlocked.Read(ref retries);
        /// <summary>Answers with HTTP 429.</summary>
        public long Throttled => Interlocked.Read(ref throttled);
        /// <summary>Operations that failed after their retries.</summary>
        public long Failures => Interlocked.Read(ref failures);
        /// <summary>Unsuccessful exchanges by API code, else HTTP status, else "NoResponse" — retried ones included.</summary>
        public IReadOnlyDictionary<string, long> ErrorsByCode => errorsByCode.OrderBy(e => e.Key, StringComparer.Ordinal).ToDictionary(e => e.Key, e => e.Value);
        /// <summary>The last exchange that failed, as recorded for an incident report.</summary>
        public HttpExchange? LastFailure => Volatile.Read(ref lastFailure);

        /// <summary>The service's calendar request quotas (EPGU: 001 Appendix 3); null when the service documents none.</summary>
        public RequestQuotaWatch? RequestQuotas { get; set; }
        /// <summary>Sliding item quotas such as EPGU's orders per service in 10 minutes; null when there are none.</summary>
        public SlidingQuotaWatch? ItemQuotas { get; set; }

        /// <summary>Use of every quota now.</summary>
        public IReadOnlyList<QuotaUsage> QuotaUsage(DateTimeOffset now) =>
            (RequestQuotas?.Usage(now) ?? Array.Empty<QuotaUsage>()).Concat(ItemQuotas?.Usage(now) ?? Array.Empty<QuotaUsage>()).ToArray();

        internal void Record(HttpExchange exchange)
        {
            Interlocked.Increment(ref requests);
            if (exchange.StatusCode == 429) Interlocked.Increment(ref throttled);
            var code = exchange.FailureCode;
            if (code == null) return;
            errorsByCode.AddOrUpdate(code, 1, (_, n) => n + 1);
            Volatile.Write(ref lastFailure, exchange);
        }

        internal void CountRetry() => Interlocked.Increment(ref retries);
        internal void CountFailure() => Interlocked.Increment(ref failures);

        public override string ToString() => $"{Requests} requests, {Retries} retries, {Throttled} throttled, {Failures} failed";
    }
}
