namespace GosApi.Sandbox.Infrastructure;

/// <summary>Where files go under SandboxOptions.StorageDirectory; removes everything on dispose.</summary>
internal sealed class StorageLayout : IDisposable
{
    private const string OwnerFile = ".owner-pid";

    public StorageLayout(string root)
    {
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(TempDirectory);
        File.WriteAllText(Path.Combine(Root, OwnerFile), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var parent = Path.GetDirectoryName(Root);
        if (parent is not null) _ = Task.Run(() => SweepOrphans(parent, Root));
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

    /// <summary>
    /// Removes sibling sandbox directories whose owning process is gone (a sandbox killed before it could clean up).
    /// Only directories carrying an owner marker are touched.
    /// </summary>
    private static void SweepOrphans(string parent, string own)
    {
        try
        {
            foreach (var directory in Directory.EnumerateDirectories(parent, "gosapi-sandbox-*"))
            {
                if (directory == own) continue;
                var marker = Path.Combine(directory, OwnerFile);
                if (!File.Exists(marker) || !int.TryParse(File.ReadAllText(marker), out var pid) || IsRunning(pid)) continue;
                TryDeleteDirectory(directory);
            }
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
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
