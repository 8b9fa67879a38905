using GosApi.Sandbox.Infrastructure;

namespace GosApi.Sandbox.Epgu;

/// <summary>EPGU files on disk: one archive per order, one folder of chunks per upload in progress.</summary>
internal sealed class EpguStorage(StorageLayout storage)
{
    private readonly string _root = storage.ServiceDirectory("epgu");

    public StorageLayout Layout => storage;

    public string ArchivePath(long orderId) => Path.Combine(_root, "orders", orderId.ToString(), "archive.zip");

    public string UploadDirectory(long orderId) => Path.Combine(_root, "uploads", orderId.ToString());
}
