using System;

namespace GosApi.Epgu.Models
{
    public enum EpguUploadMethod
    {
        /// <summary>POST /api/gusmev/push: one request that also creates the order.</summary>
        Push,
        /// <summary>POST /api/gusmev/push/chunked into an order created before.</summary>
        Chunked,
    }

    /// <summary>An archive delivered to EPGU.</summary>
    public sealed class EpguUploadResult
    {
        public long OrderId { get; set; }
        public EpguUploadMethod Method { get; set; }
        public string Path { get; set; } = string.Empty;
        public long Bytes { get; set; }
        public int Chunks { get; set; }
        public long Retries { get; set; }
        public TimeSpan Duration { get; set; }
        public string ServiceCode { get; set; } = string.Empty;
        public string TargetCode { get; set; } = string.Empty;
        public string Region { get; set; } = string.Empty;

        /// <summary>Average rate in bytes per second.</summary>
        public double BytesPerSecond => Duration.TotalSeconds > 0 ? Bytes / Duration.TotalSeconds : 0;

        public override string ToString() => $"order {OrderId}: {Bytes} bytes in {Chunks} chunk(s) by {Method}";
    }
}
