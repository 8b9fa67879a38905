using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ICSharpCode.SharpZipLib.Zip;

namespace GosApi.Epgu.Packages
{
    /// <summary>The result of checking an existing archive against the EPGU rules.</summary>
    public sealed class EpguPackageReport
    {
        public EpguPackageReport(string path, IReadOnlyList<PackageEntry> entries, IReadOnlyList<EpguPackageViolation> violations)
        {
            Path = path;
            Entries = entries.Select(e => e.Name).ToList();
            Violations = violations;
            Bytes = File.Exists(path) ? new FileInfo(path).Length : 0;
        }

        public string Path { get; }
        public long Bytes { get; }
        public IReadOnlyList<string> Entries { get; }
        public IReadOnlyList<EpguPackageViolation> Violations { get; }
        public bool IsValid => Violations.Count == 0;
        public override string ToString() => IsValid ? $"{Path}: valid ({Entries.Count} files)" : $"{Path}: {Violations.Count} problem(s)";
    }

    /// <summary>Reads an archive's central directory (never its content) and applies <see cref="EpguPackageRules"/>.</summary>
    public static class EpguPackageInspector
    {
        public static EpguPackageReport Inspect(string path, bool requireSignatures)
        {
            var full = System.IO.Path.GetFullPath(path);
            if (!File.Exists(full)) throw new FileNotFoundException($"Path {path}: the archive does not exist.", full);
            List<PackageEntry> entries;
            try
            {
                using var zip = new ZipFile(full);
                entries = zip.Cast<ZipEntry>().Select(e => new PackageEntry(e.Name, e.Size, e.IsDirectory)).ToList();
            }
            catch (Exception ex) when (ex is ZipException || ex is EndOfStreamException || ex is InvalidDataException)
            {
                return new EpguPackageReport(full, Array.Empty<PackageEntry>(),
                    new[] { new EpguPackageViolation(EpguPackageRule.NotAZip, System.IO.Path.GetFileName(full), "not a readable zip archive: " + ex.Message) });
            }
            return new EpguPackageReport(full, entries, EpguPackageRules.Check(entries, requireSignatures));
        }
    }
}
