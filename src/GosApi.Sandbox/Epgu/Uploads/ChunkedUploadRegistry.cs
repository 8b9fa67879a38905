using System.Collections.Concurrent;
using GosApi.Sandbox.Epgu.Orders;
using GosApi.Sandbox.Infrastructure;

namespace GosApi.Sandbox.Epgu.Uploads;

internal enum ChunkOutcome { Partial, Completed, AlreadyCompleted }

internal sealed record ChunkResult(ChunkOutcome Outcome, string ArchivePath, int Chunks, long LastChunkSize);

/// <summary>
/// The chunk rules of 001 §2.1.2: chunk 0 first; the others except the last in any order (also in parallel);
/// the last after all others; non-last MinChunkSize…MaxChunkSize, last at most MaxChunkSize; everything within
/// ChunkWindow of chunk 0, else the upload is discarded.
/// </summary>
internal sealed class ChunkedUploadRegistry(SandboxOptions options, EpguStorage storage, SandboxClock clock)
{
    private readonly ConcurrentDictionary<long, ChunkedUpload> _uploads = new();

    public ChunkResult Accept(Order order, ChunkPart part, UploadedFile file)
    {
        DiscardExpired();
        var upload = _uploads.GetOrAdd(order.Id, id => new ChunkedUpload(id, storage.UploadDirectory(id)));
        lock (upload)
        {
            var archivePath = storage.ArchivePath(order.Id);
            if (upload.State == UploadState.Completed)
                return Repeat(upload, part, file, archivePath);
            if (order.HasPackage)
                throw EpguErrors.BadRequest($"orderId: order {order.Id} already has its archive (sent via /push)");

            var now = clock.Now;
            if (upload.State == UploadState.Open && now - upload.StartedAt > options.ChunkWindow)
            {
                var started = upload.StartedAt;
                upload.Discard();
                throw EpguErrors.BadRequest(
                    $"chunk {part.Index}: all chunks must arrive within {Describe(options.ChunkWindow)} of chunk 0 (received {started:yyyy-MM-ddTHH:mm:ss.fffZ}); the upload is discarded, send the archive again from chunk 0");
            }
            if (upload.State == UploadState.Idle && !part.IsFirst)
                throw EpguErrors.BadRequest($"chunk {part.Index}: chunk 0 must be sent first");
            if (upload.State == UploadState.Open && part.Count != upload.Chunks)
                throw EpguErrors.BadRequest($"chunks: {part.Count} differs from {upload.Chunks} given with chunk 0");

            CheckSize(part, file);
            if (part.IsLast && part.Count > 1)
            {
                var missing = Enumerable.Range(0, part.Count - 1).Where(i => !upload.Has(i)).ToArray();
                if (missing.Length > 0)
                    throw EpguErrors.BadRequest(
                        $"chunk {part.Index}: the last chunk must be sent after all others; chunk(s) {Summarize(missing)} not received yet");
            }

            if (upload.State == UploadState.Idle) upload.Open(part.Count, now);
            upload.Store(part.Index, file);
            if (!part.IsLast) return new ChunkResult(ChunkOutcome.Partial, archivePath, part.Count, 0);

            upload.Assemble(archivePath);
            return new ChunkResult(ChunkOutcome.Completed, archivePath, upload.Chunks, upload.LastChunkSize);
        }
    }

    /// <summary>The last chunk sent again after completion (a retry whose answer was lost) is answered 200 once more.</summary>
    private static ChunkResult Repeat(ChunkedUpload upload, ChunkPart part, UploadedFile file, string archivePath)
    {
        if (part.IsLast && part.Count == upload.Chunks && file.Length == upload.LastChunkSize)
            return new ChunkResult(ChunkOutcome.AlreadyCompleted, archivePath, upload.Chunks, upload.LastChunkSize);
        throw EpguErrors.BadRequest($"chunk {part.Index}: the archive of order {upload.OrderId} is already complete ({upload.Chunks} chunk(s))");
    }

    private void CheckSize(ChunkPart part, UploadedFile file)
    {
        if (file.Length > options.MaxChunkSize)
            throw EpguErrors.BadRequest($"chunk {part.Index}: size {file.Length} bytes exceeds the {options.MaxChunkSize}-byte maximum");
        if (file.Length == 0)
            throw EpguErrors.BadRequest($"chunk {part.Index}: file is empty");
        if (!part.IsLast && file.Length < options.MinChunkSize)
            throw EpguErrors.BadRequest(
                $"chunk {part.Index}: size {file.Length} bytes is below the {options.MinChunkSize}-byte minimum for a chunk other than the last");
    }

    /// <summary>
    /// Drops abandoned uploads so their chunks do not pile up on disk. Waits the window plus at least a minute more,
    /// so that a late chunk still gets the clearer "window expired" answer from Accept even on a slow machine.
    /// </summary>
    private void DiscardExpired()
    {
        var now = clock.Now;
        foreach (var upload in _uploads.Values)
        {
            if (!Monitor.TryEnter(upload)) continue;
            try
            {
                if (upload.State == UploadState.Open && now - upload.StartedAt > options.ChunkWindow + (options.ChunkWindow > TimeSpan.FromMinutes(1) ? options.ChunkWindow : TimeSpan.FromMinutes(1)))
                    upload.Discard();
            }
            finally { Monitor.Exit(upload); }
        }
    }

    private static string Summarize(int[] indexes) =>
        indexes.Length <= 10 ? string.Join(", ", indexes) : string.Join(", ", indexes.Take(10)) + $" … ({indexes.Length} in all)";

    private static string Describe(TimeSpan window) =>
        window.TotalMinutes >= 1 && window.TotalMinutes == Math.Floor(window.TotalMinutes) ? $"{window.TotalMinutes} minute(s)" : $"{window.TotalSeconds} s";
}
