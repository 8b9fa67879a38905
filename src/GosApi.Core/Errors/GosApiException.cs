using System;
using System.Text;

namespace GosApi.Errors
{
    /// <summary>
    /// An API or transport failure of one of the services. Carries everything a user needs for
    /// a retry decision or an incident report, and never any secret (URLs are redacted).
    /// </summary>
    public class GosApiException : Exception
    {
        public GosApiException(GosApiService service, GosApiErrorKind kind, string apiMessage, Exception? inner = null)
            : base(apiMessage, inner)
        {
            Service = service;
            Kind = kind;
            ApiMessage = apiMessage;
        }

        public GosApiService Service { get; }
        public GosApiErrorKind Kind { get; }
        public int? StatusCode { get; init; }
        /// <summary>The service's own error code, e.g. <c>cancel_not_allowed</c>.</summary>
        public string? ApiCode { get; init; }
        public string ApiMessage { get; }
        /// <summary>What to do about it, from the specification's recommendations.</summary>
        public string? Hint { get; init; }
        public string? Method { get; init; }
        /// <summary>Request URL with secrets redacted.</summary>
        public string? Url { get; init; }
        public string? RequestId { get; init; }
        /// <summary>What the failed operation concerns or had already created (order, workflow, request), so that id is never lost.</summary>
        public string? EntityId { get; init; }
        public DateTimeOffset Time { get; } = DateTimeOffset.UtcNow;
        /// <summary>The last HTTP exchange of the failed request as the module recorded it (secrets replaced), for incident reports.</summary>
        public Http.Exchanges.HttpExchange? Exchange { get; internal set; }

        /// <summary>The error id suffix: the API code when there is one, else the HTTP status, else the kind.</summary>
        public string ErrorCode => ApiCode ?? (StatusCode.HasValue ? StatusCode.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : Kind.ToString());

        public string ErrorId => Service + "." + ErrorCode;

        public override string Message
        {
            get
            {
                var text = new StringBuilder();
                text.Append(ApiMessage);
                if (ApiCode != null || StatusCode != null)
                {
                    text.Append(" (");
                    if (ApiCode != null) text.Append(ApiCode);
                    if (ApiCode != null && StatusCode != null) text.Append(", ");
                    if (StatusCode != null) text.Append("HTTP ").Append(StatusCode.Value);
                    text.Append(')');
                }
                if (Method != null && Url != null) text.Append(" at ").Append(Method).Append(' ').Append(Url);
                if (EntityId != null) text.Append(" [").Append(EntityId).Append(']');
                if (!string.IsNullOrEmpty(Hint)) text.Append(". ").Append(Hint);
                return Diagnostics.SecretScrubber.Scrub(text.ToString());
            }
        }

        /// <summary>A copy that also names an id created earlier in the same operation, with advice about it first.</summary>
        public GosApiException WithEntityId(string entityId, string? advice = null) => new GosApiException(Service, Kind, ApiMessage, this)
        {
            StatusCode = StatusCode,
            ApiCode = ApiCode,
            Hint = advice == null ? Hint : advice + (string.IsNullOrEmpty(Hint) ? string.Empty : " " + Hint),
            Method = Method,
            Url = Url,
            RequestId = RequestId,
            EntityId = entityId,
            Exchange = Exchange,
        };
    }
}
