using System;

namespace GosApi.Epgu.Models
{
    /// <summary>One status of an order's history (001 Table 28, statuses / currentStatusHistory).</summary>
    public sealed class EpguOrderStatusEntry
    {
        /// <summary>Id of this history entry (currentStatusHistoryId for the current one).</summary>
        public long Id { get; set; }
        public long OrderId { get; set; }
        /// <summary>EPGU status code (the service's status model).</summary>
        public int StatusId { get; set; }
        public string Title { get; set; } = string.Empty;
        public DateTimeOffset? Date { get; set; }
        public bool FinalStatus { get; set; }
        public bool CancelAllowed { get; set; }
        public bool EditAllowed { get; set; }
        public bool HasResult { get; set; }
        public string? Comment { get; set; }
        public string? Sender { get; set; }
        public string? StateOrgStatusCode { get; set; }
        public string? StateOrgStatusDescr { get; set; }

        public override string ToString() => $"{StatusId} {Title}";
    }
}
