using System;
using System.Collections.Generic;

namespace GosApi.Epgu.Packages
{
    /// <summary>One chunk: its index (0…n-1), where it starts in the archive, and its size.</summary>
    public sealed class ChunkSpec
    {
        public ChunkSpec(int index, long offset, long length) { Index = index; Offset = offset; Length = length; }
        public int Index { get; }
        public long Offset { get; }
        public long Length { get; }
        public override string ToString() => $"chunk {Index}: {Length} bytes at {Offset}";
    }

    /// <summary>
    /// How an archive is cut for /push/chunked (001 §3.4): every chunk but the last is between the minimum and
    /// maximum size, the last is at most the maximum; chunk 0 goes first, the last goes last.
    /// </summary>
    public sealed class ChunkPlan
    {
        private ChunkPlan(long totalBytes, long chunkSize, IReadOnlyList<ChunkSpec> chunks) { TotalBytes = totalBytes; ChunkSize = chunkSize; Chunks = chunks; }

        public long TotalBytes { get; }
        public long ChunkSize { get; }
        public IReadOnlyList<ChunkSpec> Chunks { get; }
        public int Count => Chunks.Count;
        public ChunkSpec First => Chunks[0];
        public ChunkSpec Last => Chunks[Chunks.Count - 1];

        /// <param name="chunkSize">Size of every non-last chunk; null takes the largest allowed.</param>
        public static ChunkPlan Create(long totalBytes, long minChunkSize, long maxChunkSize, long? chunkSize = null)
        {
            if (totalBytes <= 0) throw new ArgumentOutOfRangeException(nameof(totalBytes), totalBytes, "The archive is empty: there is nothing to send.");
            if (minChunkSize < 1 || maxChunkSize < minChunkSize) throw new ArgumentOutOfRangeException(nameof(maxChunkSize), $"Chunk limits are inconsistent: minimum {minChunkSize}, maximum {maxChunkSize}.");
            var size = chunkSize ?? maxChunkSize;
            if (size < minChunkSize || size > maxChunkSize)
                throw new ArgumentOutOfRangeException(nameof(chunkSize), size, $"ChunkSize {size}: must be between {minChunkSize} and {maxChunkSize} bytes (non-last chunks, 001 §3.4).");
            var chunks = new List<ChunkSpec>();
            long offset = 0;
            var index = 0;
            while (offset < totalBytes)
            {
                var length = Math.Min(size, totalBytes - offset);
                chunks.Add(new ChunkSpec(index++, offset, length));
                offset += length;
            }
            return new ChunkPlan(totalBytes, size, chunks);
        }
    }
}
