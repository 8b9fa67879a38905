namespace GosApi.Sandbox.Epgu.Packages;

/// <summary>A file in the order archive (orderAttachmentFiles).</summary>
internal sealed record PackageEntry(string FileName, long Size);

/// <summary>The archive of an order as stored on disk, with how it arrived.</summary>
internal sealed record ReceivedPackage(
    string ArchivePath, long Size, IReadOnlyList<PackageEntry> Entries, int Chunks, long LastChunkSize, DateTimeOffset ReceivedAt);
