using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace GosApi.PowerShell.Tests.Infrastructure;

/// <summary>Request XML, attachments and archives for tests, in a temp folder removed on dispose.</summary>
public sealed class TestFiles : IDisposable
{
    public TestFiles() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "gosapi-tests-" + Guid.NewGuid().ToString("N")[..8]);

    public string RequestXml(long? orderId = null, string name = "req.xml")
    {
        var path = Path.Combine(Root, name);
        File.WriteAllText(path, $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Request><OrderId>{orderId}</OrderId><Debtor>ООО Ромашка</Debtor></Request>\n", new UTF8Encoding(false));
        return path;
    }

    /// <summary>Incompressible bytes, so the archive is as large as the attachment.</summary>
    public string Attachment(long bytes, string name = "attachment.bin")
    {
        var path = Path.Combine(Root, name);
        using var file = File.Create(path);
        var buffer = new byte[1 << 20];
        for (long left = bytes; left > 0; left -= buffer.Length)
        {
            RandomNumberGenerator.Fill(buffer);
            file.Write(buffer, 0, (int)Math.Min(buffer.Length, left));
        }
        return path;
    }

    /// <summary>A zip built without the module (for tests of what the module sends or rejects).</summary>
    public string Zip(string name, params (string Entry, byte[] Content)[] entries)
    {
        var path = Path.Combine(Root, name);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (entry, content) in entries)
        {
            using var stream = zip.CreateEntry(entry, CompressionLevel.NoCompression).Open();
            stream.Write(content);
        }
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
