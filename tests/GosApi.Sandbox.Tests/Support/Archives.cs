using System.IO.Compression;

namespace GosApi.Sandbox.Tests.Support;

/// <summary>Zip archives built in memory for the tests.</summary>
internal static class Archives
{
    public static byte[] Zip(params (string Name, byte[] Content)[] files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                // Stored, not deflated: random padding then gives an archive of a predictable size.
                var entry = zip.CreateEntry(name, CompressionLevel.NoCompression);
                using var stream = entry.Open();
                stream.Write(content);
            }
        }
        return buffer.ToArray();
    }

    public static (string, byte[]) ReqXml(long? orderId = null, string name = "req.xml") =>
        (name, Encoding.UTF8.GetBytes(
            $"""<?xml version="1.0" encoding="UTF-8"?><Request><OrderId>{orderId?.ToString() ?? ""}</OrderId><Inn>7707083893</Inn></Request>"""));

    public static (string, byte[]) File(string name, int size, int seed = 1) => (name, Random(size, seed));

    /// <summary>Random bytes named like a signature: passes only where signatures are not verified (see <see cref="FileSignatures"/>).</summary>
    public static (string, byte[]) Signature(string forFile, int size = 64) => (forFile + ".sig", Random(size, forFile.Length));

    /// <summary>A valid archive for the service, padded with a stored attachment to about the given size.</summary>
    public static byte[] Good(long? orderId = null, int padding = 0)
    {
        var files = new List<(string, byte[])> { ReqXml(orderId) };
        if (padding > 0) files.Add(File("attachment.pdf", padding));
        return Zip(files.ToArray());
    }

    public static byte[] Random(int size, int seed = 1)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
