using System;
using System.Collections.Generic;
using System.Linq;

namespace GosApi.Epgu.Models
{
    /// <summary>Details of an order: POST /api/gusmev/order/{orderId}, with the escaped <c>order</c> JSON parsed.</summary>
    public sealed class EpguOrderDetails
    {
        public long OrderId { get; set; }
        public EpguProcessingCode ProcessingCode { get; set; }
        /// <summary>The code exactly as the service sent it.</summary>
        public string? ProcessingCodeText { get; set; }
        public string ProcessingCodeMeaning => EpguProcessingCodes.Meaning(ProcessingCode);
        public string? Message { get; set; }
        /// <summary>Status of the order on the portal; null while the order exists only as a request.</summary>
        public EpguOrderStatusEntry? CurrentStatus { get; set; }
        public IReadOnlyList<EpguOrderStatusEntry> Statuses { get; set; } = Array.Empty<EpguOrderStatusEntry>();
        public IReadOnlyList<EpguOrderFile> ResponseFiles { get; set; } = Array.Empty<EpguOrderFile>();
        public IReadOnlyList<EpguOrderFile> AttachmentFiles { get; set; } = Array.Empty<EpguOrderFile>();
        public string? ServiceCode { get; set; }
        public string? TargetCode { get; set; }
        public string? Region { get; set; }
        public string? ServiceName { get; set; }
        public DateTimeOffset? OrderDate { get; set; }
        public DateTimeOffset? Updated { get; set; }
        public long? CurrentStatusHistoryId { get; set; }
        /// <summary>The <c>order</c> JSON as received (for fields this object does not surface).</summary>
        public string? OrderJson { get; set; }

        public int? StatusId => CurrentStatus?.StatusId;
        public string? StatusTitle => CurrentStatus?.Title;
        public bool CancelAllowed => CurrentStatus?.CancelAllowed ?? false;

        /// <summary>Nothing more will happen: the portal status is final, or processing of the request failed for good.</summary>
        public bool IsFinal => (CurrentStatus?.FinalStatus ?? false) || EpguProcessingCodes.IsError(ProcessingCode);

        /// <summary>Processing failed (the request never reached the agency).</summary>
        public bool IsProcessingError => EpguProcessingCodes.IsError(ProcessingCode);

        public bool HasResult => ResponseFiles.Count > 0;

        public override string ToString() =>
            $"order {OrderId}: {ProcessingCodeText ?? "?"}" + (CurrentStatus == null ? string.Empty : $", {CurrentStatus.StatusId} {CurrentStatus.Title}") + (IsFinal ? " (final)" : string.Empty);

        internal IEnumerable<EpguOrderFile> DownloadableFiles => ResponseFiles.Where(f => f.CanDownload);
    }
}
