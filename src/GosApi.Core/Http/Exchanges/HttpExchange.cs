using System;
using System.Collections.Generic;

namespace GosApi.Http.Exchanges
{
    /// <summary>One header of a recorded request; secret values are already replaced.</summary>
    public sealed class HttpHeaderValue
    {
        public HttpHeaderValue(string name, string value) { Name = name; Value = value; }
        public string Name { get; }
        public string Value { get; }
        public override string ToString() => Name + ": " + Value;
    }

    /// <summary>
    /// What the module recorded about one HTTP exchange: enough for a request log line and for an incident report
    /// (001 Appendix 2), and never a secret — Authorization and API-key headers are replaced, URLs redacted,
    /// registered secrets scrubbed from the body, file contents not kept.
    /// </summary>
    public sealed class HttpExchange
    {
        public GosApiService Service { get; internal set; }
        /// <summary>Short name of the operation, e.g. "create order".</summary>
        public string Operation { get; internal set; } = "request";
        /// <summary>0 for the first attempt, then 1, 2… for retries and token renewals of the same request.</summary>
        public int Attempt { get; internal set; }
        public DateTimeOffset StartedAt { get; internal set; }
        public TimeSpan Duration { get; internal set; }
        public string Method { get; internal set; } = string.Empty;
        /// <summary>Request URL with secrets redacted.</summary>
        public string Url { get; internal set; } = string.Empty;
        public string Host { get; internal set; } = string.Empty;
        /// <summary>The headers as sent (request and content headers), secret values replaced.</summary>
        public IReadOnlyList<HttpHeaderValue> RequestHeaders { get; internal set; } = Array.Empty<HttpHeaderValue>();
        /// <summary>The request body as text when it was small and buffered; files and streams are described, not copied; null when there was none.</summary>
        public string? RequestBody { get; internal set; }
        public int? StatusCode { get; internal set; }
        /// <summary>The service's own error code of a failed answer, e.g. <c>limitation_exception</c>.</summary>
        public string? ApiCode { get; internal set; }
        /// <summary>The order, workflow or request the exchange concerns, when known.</summary>
        public string? EntityId { get; internal set; }
        /// <summary>The client-chosen request id header (ИС ЭС x-request-id), when one was sent.</summary>
        public string? RequestId { get; internal set; }
        /// <summary>Why no answer came (connection refused, timeout); null when there was an answer.</summary>
        public string? Error { get; internal set; }
        /// <summary>Claims of the access token used (never the token itself), when the request carried one.</summary>
        public AccessTokenInfo? Token { get; internal set; }
        /// <summary>When the module obtained the access token used.</summary>
        public DateTimeOffset? TokenObtainedAt { get; internal set; }

        public bool Succeeded => StatusCode.HasValue && StatusCode.Value >= 200 && StatusCode.Value < 300;

        /// <summary>The failure's code for statistics: the API code, else the HTTP status, else "NoResponse".</summary>
        public string? FailureCode =>
            Succeeded ? null
            : ApiCode ?? (StatusCode.HasValue ? StatusCode.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : "NoResponse");

        public override string ToString() =>
            $"{StartedAt:u} {Service} {Method} {Url} -> {(StatusCode.HasValue ? "HTTP " + StatusCode.Value : "no response")}{(ApiCode == null ? string.Empty : " " + ApiCode)}";
    }
}
