namespace GosApi.Sandbox.Infrastructure;

/// <summary>Where files go under SandboxOptions.StorageDirectory; removes everything on dispose.</summary>
internal sealed class StorageLayout : IDisposable
{
    public StorageLayout(string root)
    {
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(TempDirectory);
    }

    public string Root { get; }

    public string TempDirectory => Path.Combine(Root, "tmp");

    public string NewTempFile() => Path.Combine(TempDirectory, Guid.NewGuid().ToString("N") + ".part");

    /// <summary>Per-service area, e.g. "epgu".</summary>
    public string ServiceDirectory(string service)
    {
        var path = Path.Combine(Root, service);
        Directory.CreateDirectory(path);
        return path;
    }

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
        }
        catch (IOException) { /* a file may still be open by a late request; temp space is cleaned by the OS */ }
        catch (UnauthorizedAccessException) { }
    }

    public static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    public static void TryDeleteDirectory(string path)
    {
        try { if (Directory.Exists(path)) Directory.Delete(path, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
