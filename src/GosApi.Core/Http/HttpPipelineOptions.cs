using System;

namespace GosApi.Http
{
    /// <summary>Transport settings shared by every service; sessions expose them so users can tune them.</summary>
    public sealed class HttpPipelineOptions
    {
        /// <summary>Client-side limit; 001 Appendix 3 allows 2,000 requests a minute by default.</summary>
        public int RequestsPerMinute { get; set; } = 2000;
        /// <summary>Retries of a request that is safe to repeat (429, 502, 503, 504, connection resets).</summary>
        public int MaxRetries { get; set; } = 4;
        /// <summary>First backoff delay; doubles with jitter on each retry.</summary>
        public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);
        /// <summary>Longest wait between retries, including a server's Retry-After.</summary>
        public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(2);
        /// <summary>Timeout of a single HTTP exchange.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(2);
        /// <summary>When set, every HTTP exchange of the session (and of its token requests) gets a line in this JSON-lines file.</summary>
        public Exchanges.RequestLog? RequestLog { get; set; }
        public string UserAgent { get; set; } = "GosApi-PowerShell/" + typeof(HttpPipelineOptions).Assembly.GetName().Version;

        public HttpPipelineOptions Clone() => (HttpPipelineOptions)MemberwiseClone();

        public void Validate()
        {
            if (RequestsPerMinute < 1) throw new ArgumentOutOfRangeException(nameof(RequestsPerMinute), RequestsPerMinute, "RequestsPerMinute must be at least 1.");
            if (MaxRetries < 0) throw new ArgumentOutOfRangeException(nameof(MaxRetries), MaxRetries, "MaxRetries must be 0 or more.");
            if (RetryBaseDelay < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(RetryBaseDelay), RetryBaseDelay, "RetryBaseDelay must not be negative.");
            if (Timeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "Timeout must be positive.");
        }
    }
}
