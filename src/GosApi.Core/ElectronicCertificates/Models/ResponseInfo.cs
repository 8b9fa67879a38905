using System;

namespace GosApi.ElectronicCertificates.Models
{
    /// <summary>The ids of one exchange that an incident report to the operator needs.</summary>
    public sealed class ResponseInfo
    {
        public ResponseInfo(string requestId, string? responseId, string? correlationId, DateTimeOffset? responseDate)
        {
            RequestId = requestId;
            ResponseId = responseId;
            CorrelationId = correlationId;
            ResponseDate = responseDate;
        }

        /// <summary>x-request-id we sent.</summary>
        public string RequestId { get; }
        /// <summary>x-response-id of the answer.</summary>
        public string? ResponseId { get; }
        /// <summary>x-correlation-id of the answer (the task id of an ec-create/edit/block acknowledgement).</summary>
        public string? CorrelationId { get; }
        public DateTimeOffset? ResponseDate { get; }

        public override string ToString() => $"x-request-id {RequestId}, x-response-id {ResponseId}, x-correlation-id {CorrelationId}";
    }
}
