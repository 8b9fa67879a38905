using System;
using System.Collections.Generic;
using System.Linq;
using GosApi.Http.Quotas;

namespace GosApi.Http
{
    /// <summary>What Get-GosApiStatistics shows for one session or one service in a request log.</summary>
    public sealed class TrafficSummary
    {
        public TrafficSummary(string source, GosApiService service, DateTimeOffset? since, long requests, long retries, long throttled, long? failures,
            IReadOnlyDictionary<string, long> errorsByCode, IReadOnlyList<QuotaUsage> quotas)
        {
            Source = source;
            Service = service;
            Since = since;
            Requests = requests;
            Retries = retries;
            Throttled = throttled;
            Failures = failures;
            ErrorsByCode = errorsByCode;
            Quotas = quotas;
        }

        /// <summary>The session ("EPGU Test https://…") or the log file the numbers come from.</summary>
        public string Source { get; }
        public GosApiService Service { get; }
        /// <summary>Start of the counting: the session's connect time or the log's first line.</summary>
        public DateTimeOffset? Since { get; }
        /// <summary>HTTP exchanges, retries and token renewals included.</summary>
        public long Requests { get; }
        public long Retries { get; }
        /// <summary>Answers with HTTP 429.</summary>
        public long Throttled { get; }
        /// <summary>Operations that failed after their retries (sessions only; a log shows exchanges).</summary>
        public long? Failures { get; }
        /// <summary>Unsuccessful exchanges by API code, else HTTP status, else "NoResponse".</summary>
        public IReadOnlyDictionary<string, long> ErrorsByCode { get; }
        /// <summary>Use of the service's documented quotas in their current windows (EPGU: 001 Appendix 3).</summary>
        public IReadOnlyList<QuotaUsage> Quotas { get; }
        /// <summary>The quotas at or above 90% use.</summary>
        public IReadOnlyList<QuotaUsage> NearLimit => Quotas.Where(q => q.IsNearLimit).ToArray();

        public static TrafficSummary Of(string source, GosApiService service, DateTimeOffset since, PipelineStatistics statistics, DateTimeOffset now) =>
            new TrafficSummary(source, service, since, statistics.Requests, statistics.Retries, statistics.Throttled, statistics.Failures, statistics.ErrorsByCode, statistics.QuotaUsage(now));

        public override string ToString() => $"{Source}: {Requests} requests, {Retries} retries, {Throttled} throttled";
    }
}
