using System;

namespace GosApi.ElectronicCertificates.Models
{
    /// <summary>One record sent by ec-create, ec-edit or ec-block, and the task that will process it.</summary>
    public sealed class ElectronicCertificateRequestRecord
    {
        internal ElectronicCertificateRequestRecord(RecordBatch batch, BatchItem item, string? acknowledgement, ResponseInfo response)
        {
            Operation = ElectronicCertificateRecord.Path(batch.Operation);
            Batch = batch.Number;
            InputIndex = item.InputIndex;
            RecordId = item.RecordId;
            Snils = item.Record.ShownSnils;
            CertificateNumber = item.Record.ShownCertificateNumber;
            FactAssignmentUuid = item.Record.ShownFactAssignmentUuid;
            Acknowledgement = ElectronicCertificateCodes.Describe(ElectronicCertificateCodes.Acknowledgements, acknowledgement);
            TaskId = response.CorrelationId;
            RequestId = response.RequestId;
            ResponseId = response.ResponseId;
            CorrelationId = response.CorrelationId;
            SubmittedAt = response.ResponseDate ?? DateTimeOffset.UtcNow;
        }

        /// <summary>ec-create, ec-edit or ec-block.</summary>
        public string Operation { get; }
        /// <summary>Number of the request (of at most 100 records) within the command.</summary>
        public int Batch { get; }
        /// <summary>1-based position of the record in the command's input.</summary>
        public long InputIndex { get; }
        public int RecordId { get; }
        public string? Snils { get; }
        public string? CertificateNumber { get; }
        public string? FactAssignmentUuid { get; }
        /// <summary>REQUEST_IS_QUEUED or REQUEST_IS_ACCEPTED.</summary>
        public ElectronicCertificateCode? Acknowledgement { get; }
        /// <summary>The task that processes the request (x-correlation-id of the acknowledgement).</summary>
        public string? TaskId { get; }
        public string RequestId { get; }
        public string? ResponseId { get; }
        public string? CorrelationId { get; }
        public DateTimeOffset SubmittedAt { get; }

        public override string ToString() => $"{Operation} record {RecordId} → task {TaskId}";
    }
}
