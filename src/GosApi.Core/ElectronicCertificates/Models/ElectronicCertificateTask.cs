using System;

namespace GosApi.ElectronicCertificates.Models
{
    /// <summary>TaskStatus: where a task of the service stands.</summary>
    public sealed class ElectronicCertificateTask
    {
        public ElectronicCertificateTask(string taskId, string? taskType, string status, DateTimeOffset observedAt)
        {
            TaskId = taskId;
            TaskType = taskType;
            Status = status;
            StatusMeaning = ElectronicCertificateCodes.TaskStatuses.TryGetValue(status, out var meaning) ? meaning : string.Empty;
            ObservedAt = observedAt;
        }

        public string TaskId { get; }
        /// <summary>ec_create, ec_edit, ec_block, …</summary>
        public string? TaskType { get; }
        /// <summary>InteractionStatusType, e.g. underProcessing or taskIsExecuted.</summary>
        public string Status { get; }
        public string StatusMeaning { get; }
        /// <summary>When this status was learnt (from the service or, for a new task, from its acknowledgement).</summary>
        public DateTimeOffset ObservedAt { get; }

        /// <summary>The task will not change any more.</summary>
        public bool IsCompleted => IsSuccessful || IsFailed;

        /// <summary>Executed: its results can be received.</summary>
        public bool IsSuccessful => Status == "taskIsExecuted";

        public bool IsFailed =>
            Status == "requestIsRejectedBySmev" || Status == "responseIsRejectedBySmev" || Status == "cancelled"
            || Status == "doesNotExist" || Status == "messageIsArchived";

        public override string ToString() => $"{TaskType} {TaskId}: {Status}";
    }
}
