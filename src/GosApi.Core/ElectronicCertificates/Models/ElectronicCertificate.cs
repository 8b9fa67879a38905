using System;
using System.Collections.Generic;

namespace GosApi.ElectronicCertificates.Models
{
    /// <summary>eCertificate: the state of an issued certificate (ec-detailed-statement, task results).</summary>
    public sealed class ElectronicCertificate
    {
        public string? CertificateNumber { get; internal set; }
        public string? FactAssignmentUuid { get; internal set; }
        public DateTime? StartDate { get; internal set; }
        public DateTime? EndDate { get; internal set; }
        public ElectronicCertificateCode? Program { get; internal set; }
        public long? CertificateAmount { get; internal set; }
        public int? CertificateQuantity { get; internal set; }
        /// <summary>currentStatus.statusCode, ECST*.</summary>
        public ElectronicCertificateCode? Status { get; internal set; }
        /// <summary>currentStatus.statusReason, ECSR*.</summary>
        public ElectronicCertificateCode? StatusReason { get; internal set; }
        public DateTimeOffset? StatusDateTime { get; internal set; }
        /// <summary>usageStatus, ECUS*.</summary>
        public ElectronicCertificateCode? UsageStatus { get; internal set; }
        /// <summary>activationSuspensionReasons, ECAS*.</summary>
        public ElectronicCertificateCode? ActivationSuspensionReason { get; internal set; }
        /// <summary>certificateActualAmount: what is left of the payment limit.</summary>
        public long? ActualAmount { get; internal set; }
        /// <summary>certificateActualQuantity: units left.</summary>
        public int? ActualQuantity { get; internal set; }
        public IReadOnlyList<GoodsWorkService> GoodsWorksServices { get; internal set; } = Array.Empty<GoodsWorkService>();
        /// <summary>eCertificateBalance: what is left per kind of goods.</summary>
        public IReadOnlyList<GoodsBalance> Balance { get; internal set; } = Array.Empty<GoodsBalance>();
        /// <summary>usageTransactions: purchases, returns and adjustments.</summary>
        public IReadOnlyList<UsageTransaction> Transactions { get; internal set; } = Array.Empty<UsageTransaction>();
        public string? RequestId { get; internal set; }
        public string? ResponseId { get; internal set; }
        public string? CorrelationId { get; internal set; }

        public override string ToString() => $"{CertificateNumber} {Status?.Code}";
    }

    /// <summary>goodsWorksServicesBalance.</summary>
    public sealed class GoodsBalance
    {
        public string? Code { get; internal set; }
        /// <summary>Money left for this kind, in kopecks (ЕСТР0001).</summary>
        public long? ActualAmount { get; internal set; }
        /// <summary>Units left (ЕСТР0001, ЕСТР0004).</summary>
        public long? ActualQuantity { get; internal set; }
        public override string ToString() => $"{Code}: {ActualAmount} / {ActualQuantity}";
    }

    /// <summary>usageTransaction: one operation with the certificate.</summary>
    public sealed class UsageTransaction
    {
        public long? TransactionNumber { get; internal set; }
        /// <summary>OPTP*, e.g. OPTPPRCH «Покупка».</summary>
        public ElectronicCertificateCode? TransactionType { get; internal set; }
        public DateTimeOffset? Timestamp { get; internal set; }
        public string? Address { get; internal set; }
        public long? TotalAmount { get; internal set; }
        public long? TotalFullAmount { get; internal set; }
        public string? SellerName { get; internal set; }
        public string? SellerInn { get; internal set; }
        public string? SellerKpp { get; internal set; }
        public IReadOnlyList<TransactionItem> Items { get; internal set; } = Array.Empty<TransactionItem>();
        public override string ToString() => $"{TransactionType?.Code} {TransactionNumber} {TotalAmount}";
    }

    /// <summary>goodsWorksServicesTransaction.</summary>
    public sealed class TransactionItem
    {
        public string? Code { get; internal set; }
        public string? Name { get; internal set; }
        public long? Amount { get; internal set; }
        public long? FullAmount { get; internal set; }
        public int? Quantity { get; internal set; }
        public override string ToString() => $"{Code} {Name} x{Quantity}";
    }
}
