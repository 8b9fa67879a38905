using System;

namespace GosApi.Epgu.Packages
{
    /// <summary>Where an upload stands; reported a few times a second.</summary>
    public sealed class UploadProgress
    {
        public UploadProgress(long orderId, long bytesSent, long totalBytes, int chunksDone, int chunkCount, TimeSpan elapsed)
        {
            OrderId = orderId;
            BytesSent = bytesSent;
            TotalBytes = totalBytes;
            ChunksDone = chunksDone;
            ChunkCount = chunkCount;
            Elapsed = elapsed;
        }

        public long OrderId { get; }
        public long BytesSent { get; }
        public long TotalBytes { get; }
        public int ChunksDone { get; }
        public int ChunkCount { get; }
        public TimeSpan Elapsed { get; }
        public double BytesPerSecond => Elapsed.TotalSeconds > 0 ? BytesSent / Elapsed.TotalSeconds : 0;
        public int PercentComplete => TotalBytes == 0 ? 100 : (int)Math.Min(100, BytesSent * 100 / TotalBytes);

        /// <summary>Estimated time left at the current rate; null before the rate is known.</summary>
        public TimeSpan? Remaining => BytesPerSecond > 0 ? TimeSpan.FromSeconds((TotalBytes - BytesSent) / BytesPerSecond) : (TimeSpan?)null;
    }
}
