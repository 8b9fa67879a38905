using System;

namespace GosApi.Epgu.Models
{
    /// <summary>An order's current status from getOrdersStatus / getUpdatedAfter (001 Tables 21, 24).</summary>
    public sealed class EpguOrderStatus
    {
        public long OrderId { get; set; }
        /// <summary>FOUND or NOT_FOUND as the service sent it.</summary>
        public string SearchStatus { get; set; } = string.Empty;
        public bool Found => string.Equals(SearchStatus, "FOUND", StringComparison.OrdinalIgnoreCase);
        public int? StatusId { get; set; }
        public string? StatusName { get; set; }
        /// <summary>When the status changed (UTC).</summary>
        public DateTimeOffset? Updated { get; set; }

        public override string ToString() => Found ? $"order {OrderId}: {StatusId} {StatusName}" : $"order {OrderId}: NOT_FOUND";
    }
}
