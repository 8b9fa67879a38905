using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using GosApi.Sandbox.Epgu.Orders;

namespace GosApi.Sandbox.Epgu.Packages;

/// <summary>
/// Applies 001's archive rules to a zip on disk: flat, no nested archives, a transport req.xml (name case-insensitive),
/// the order number inside it when the service says so, and a detached .sig per file when the service requires signatures,
/// each checked by the <see cref="ISignatureVerifier"/> (by default a GOST CMS verified against the sandbox test CA).
/// </summary>
internal sealed class PackageInspector(ISignatureVerifier verifier)
{
    public const string TransportFileName = "req.xml";
    private const string SignatureExtension = ".sig";
    private const int MaxReqXmlBytes = 16 * 1024 * 1024;

    private static readonly string[] ArchiveExtensions =
        { ".zip", ".zipx", ".rar", ".7z", ".tar", ".gz", ".tgz", ".bz2", ".tbz", ".xz", ".txz", ".arj", ".cab", ".lzh", ".z", ".jar" };

    public PackageInspection Inspect(string archivePath, long orderId, EpguService service)
    {
        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(archivePath);
        }
        catch (InvalidDataException ex)
        {
            return Fail(ProcessingCodes.InvalidFilesStructure, "archive is not a zip file: " + ex.Message, PackageStage.Validation, []);
        }

        using (zip)
        {
            var entries = zip.Entries.Select(e => new PackageEntry(e.FullName, e.Length)).ToArray();
            var structureProblem = FindStructureProblem(zip);
            if (structureProblem is not null)
                return Fail(ProcessingCodes.InvalidFilesStructure, structureProblem, PackageStage.Validation, entries);

            var req = zip.Entries.FirstOrDefault(e => e.Name.Equals(TransportFileName, StringComparison.OrdinalIgnoreCase));
            if (req is null)
                return Fail(ProcessingCodes.ReqNotFound, $"archive has no transport file {TransportFileName}", PackageStage.Validation, entries);

            if (service.RequiresOrderNumberInXml && !ContainsOrderNumber(req, orderId))
                return Fail(ProcessingCodes.ReqVerifyFailed,
                    $"{req.Name} does not contain the EPGU order number {orderId}, which service {service.ServiceCode} requires", PackageStage.Validation, entries);

            if (service.RequiresSignatures)
            {
                var signatureProblem = FindSignatureProblem(zip);
                if (signatureProblem is not null)
                    return Fail(ProcessingCodes.FilesVerificationFailed, signatureProblem, PackageStage.Signatures, entries);
            }
            return PackageInspection.Passed(entries);
        }
    }

    private static PackageInspection Fail(string code, string message, PackageStage stage, IReadOnlyList<PackageEntry> entries) =>
        PackageInspection.Failed(code, message, stage, entries);

    private static string? FindStructureProblem(ZipArchive zip)
    {
        if (zip.Entries.Count == 0) return "archive is empty";
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in zip.Entries)
        {
            if (entry.FullName.Contains('/') || entry.FullName.Contains('\\'))
                return $"'{entry.FullName}': folders are not allowed, the archive must be flat";
            var extension = Path.GetExtension(entry.Name);
            if (ArchiveExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase) || IsSplitVolume(extension))
                return $"'{entry.FullName}': nested archives are not allowed";
            if (!names.Add(entry.FullName))
                return $"'{entry.FullName}': the name occurs more than once";
        }
        return null;
    }

    /// <summary>.z01, .r00, .001 … volumes of split archives.</summary>
    private static bool IsSplitVolume(string extension) =>
        Regex.IsMatch(extension, @"^\.(z\d{2}|r\d{2}|\d{3})$", RegexOptions.IgnoreCase);

    private static bool ContainsOrderNumber(ZipArchiveEntry req, long orderId)
    {
        if (req.Length > MaxReqXmlBytes) return false;
        using var stream = req.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var text = DecodeXml(buffer.ToArray());
        return Regex.IsMatch(text, $@"(?<![0-9]){orderId}(?![0-9])");
    }

    /// <summary>Digits are ASCII in UTF-8 and windows-1251 alike; only UTF-16 needs real decoding.</summary>
    private static string DecodeXml(byte[] bytes)
    {
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE) return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF) return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        return Encoding.Latin1.GetString(bytes);
    }

    private string? FindSignatureProblem(ZipArchive zip)
    {
        var byName = zip.Entries.ToDictionary(e => e.FullName, StringComparer.OrdinalIgnoreCase);
        foreach (var entry in zip.Entries.Where(e => !e.FullName.EndsWith(SignatureExtension, StringComparison.OrdinalIgnoreCase)))
        {
            if (!byName.TryGetValue(entry.FullName + SignatureExtension, out var signature))
                return $"{entry.FullName}{SignatureExtension}: missing: {entry.FullName} has no detached signature {entry.FullName}{SignatureExtension} in the archive";
            var verdict = verifier.Verify(entry.FullName, entry.Open, signature.Open, signature.Length);
            if (!verdict.Valid) return verdict.Reason;
        }
        return null;
    }
}
