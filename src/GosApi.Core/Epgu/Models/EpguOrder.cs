using System;

namespace GosApi.Epgu.Models
{
    /// <summary>An order created by POST /api/gusmev/order. Properties bind by name to Send-EpguPackage.</summary>
    public sealed class EpguOrder
    {
        public EpguOrder(long orderId, EpguOrderRequest request, DateTimeOffset createdAt)
        {
            OrderId = orderId;
            ServiceCode = request.ServiceCode;
            TargetCode = request.TargetCode;
            Region = request.Region;
            CreatedAt = createdAt;
        }

        public long OrderId { get; }
        public string ServiceCode { get; }
        public string TargetCode { get; }
        public string Region { get; }
        public DateTimeOffset CreatedAt { get; }

        public override string ToString() => "EPGU order " + OrderId;
    }
}
