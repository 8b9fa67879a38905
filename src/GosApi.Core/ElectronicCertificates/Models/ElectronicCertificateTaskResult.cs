using System;
using System.Collections.Generic;
using System.Linq;

namespace GosApi.ElectronicCertificates.Models
{
    /// <summary>message of responseData.processingProtocol: an error (1) or a warning (2) about one record.</summary>
    public sealed class ProcessingMessage
    {
        public ProcessingMessage(int messageType, string? ruleCode, string? text) { MessageType = messageType; RuleCode = ruleCode; Text = text ?? string.Empty; }
        /// <summary>1 error, 2 warning.</summary>
        public int MessageType { get; }
        public bool IsError => MessageType == 1;
        /// <summary>Three-digit code of the broken rule.</summary>
        public string? RuleCode { get; }
        public string Text { get; }
        public override string ToString() => (IsError ? "error" : "warning") + (RuleCode == null ? "" : " " + RuleCode) + ": " + Text;
    }

    /// <summary>The result of one record of an executed task (ec_tasks_results).</summary>
    public sealed class ElectronicCertificateTaskResult
    {
        public ElectronicCertificateTaskResult(string taskId, string? taskType, int recordId, bool isProcessedSuccessfully, IReadOnlyList<ProcessingMessage> messages,
            DateTimeOffset? receivingTime, DateTimeOffset? processingTime, string? factAssignmentUuid, ElectronicCertificate? certificate, ResponseInfo response)
        {
            TaskId = taskId;
            TaskType = taskType;
            RecordId = recordId;
            IsProcessedSuccessfully = isProcessedSuccessfully;
            Messages = messages;
            ReceivingTime = receivingTime;
            ProcessingTime = processingTime;
            FactAssignmentUuid = factAssignmentUuid ?? certificate?.FactAssignmentUuid;
            Certificate = certificate;
            RequestId = response.RequestId;
            ResponseId = response.ResponseId;
            CorrelationId = response.CorrelationId;
        }

        public string TaskId { get; }
        public string? TaskType { get; }
        public int RecordId { get; }
        public bool IsProcessedSuccessfully { get; }
        public IReadOnlyList<ProcessingMessage> Messages { get; }
        public DateTimeOffset? ReceivingTime { get; }
        public DateTimeOffset? ProcessingTime { get; }
        public string? FactAssignmentUuid { get; }
        public string? CertificateNumber => Certificate?.CertificateNumber;
        public ElectronicCertificate? Certificate { get; }
        public string RequestId { get; }
        public string? ResponseId { get; }
        public string? CorrelationId { get; }

        /// <summary>The errors and warnings as one line, for tables and logs.</summary>
        public string MessageText => string.Join("; ", Messages.Select(m => m.ToString()));

        public override string ToString() => $"{TaskType} {TaskId} record {RecordId}: " + (IsProcessedSuccessfully ? "ok" : "failed " + MessageText);
    }
}
