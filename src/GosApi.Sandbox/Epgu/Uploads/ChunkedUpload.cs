using GosApi.Sandbox.Infrastructure;

namespace GosApi.Sandbox.Epgu.Uploads;

internal enum UploadState { Idle, Open, Completed }

/// <summary>The chunks of one order's archive received so far. Guarded by locking the instance.</summary>
internal sealed class ChunkedUpload(long orderId, string directory)
{
    private readonly Dictionary<int, long> _received = new();

    public long OrderId { get; } = orderId;
    public UploadState State { get; private set; }
    public int Chunks { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public long LastChunkSize { get; private set; }

    public bool Has(int index) => _received.ContainsKey(index);

    public void Open(int chunks, DateTimeOffset now)
    {
        State = UploadState.Open;
        Chunks = chunks;
        StartedAt = now;
        _received.Clear();
        Directory.CreateDirectory(directory);
    }

    /// <summary>Stores chunk i; a chunk sent again with the same index replaces the earlier copy.</summary>
    public void Store(int index, UploadedFile file)
    {
        file.MoveTo(ChunkPath(index));
        _received[index] = file.Length;
    }

    /// <summary>Concatenates the chunks in index order into the archive, streaming, then drops them.</summary>
    public void Assemble(string archivePath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(archivePath)!);
        using (var archive = new FileStream(archivePath, FileMode.Create, FileAccess.Write, FileShare.None, 81920))
        {
            for (var i = 0; i < Chunks; i++)
            {
                using var chunk = new FileStream(ChunkPath(i), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.SequentialScan);
                chunk.CopyTo(archive);
            }
        }
        LastChunkSize = _received[Chunks - 1];
        State = UploadState.Completed;
        StorageLayout.TryDeleteDirectory(directory);
    }

    public void Discard()
    {
        State = UploadState.Idle;
        _received.Clear();
        StorageLayout.TryDeleteDirectory(directory);
    }

    private string ChunkPath(int index) => Path.Combine(directory, $"chunk-{index:D6}");
}
