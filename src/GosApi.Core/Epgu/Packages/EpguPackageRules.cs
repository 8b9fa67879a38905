using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace GosApi.Epgu.Packages
{
    public enum EpguPackageRule
    {
        /// <summary>The file is not a readable zip archive.</summary>
        NotAZip,
        /// <summary>The archive holds no files.</summary>
        Empty,
        /// <summary>Folders are not allowed: the archive must be flat (001 §3.4, INVALID_FILES_STRUCTURE).</summary>
        Folder,
        /// <summary>Archives inside the archive are not allowed (001 §3.4).</summary>
        NestedArchive,
        /// <summary>Two entries with the same name (names compare case-insensitively).</summary>
        DuplicateName,
        /// <summary>A file without its detached signature &lt;file&gt;.sig, when signatures are required.</summary>
        MissingSignature,
        /// <summary>A .sig file whose signed file is not in the archive.</summary>
        OrphanSignature,
        /// <summary>A zero-length file or signature.</summary>
        EmptyFile,
        /// <summary>A .sig that is not a valid GOST signature of its file (or, with trusted roots, not from a trusted signer).</summary>
        InvalidSignature,
    }

    /// <summary>One rule an archive breaks, with the entry it concerns.</summary>
    public sealed class EpguPackageViolation
    {
        public EpguPackageViolation(EpguPackageRule rule, string entry, string detail)
        {
            Rule = rule;
            Entry = entry;
            Detail = detail;
        }

        public EpguPackageRule Rule { get; }
        public string Entry { get; }
        /// <summary>The broken rule without the entry name, e.g. "the file is empty".</summary>
        public string Detail { get; }
        public string Message => Entry.Length == 0 ? Detail : $"'{Entry}': {Detail}";
        public override string ToString() => Message;
    }

    /// <summary>The archive rules of 001 §3.4–3.6, applied to a list of entry names and sizes.</summary>
    public static class EpguPackageRules
    {
        public const string SignatureExtension = ".sig";

        private static readonly string[] ArchiveExtensions =
            { ".zip", ".zipx", ".rar", ".7z", ".tar", ".gz", ".tgz", ".gzip", ".bz2", ".tbz", ".xz", ".txz", ".arj", ".cab", ".lzh", ".z" };

        public static bool IsSignature(string name) => name.EndsWith(SignatureExtension, StringComparison.OrdinalIgnoreCase);

        public static bool IsArchive(string name) => ArchiveExtensions.Any(ext => name.EndsWith(ext, StringComparison.OrdinalIgnoreCase));

        public static IReadOnlyList<EpguPackageViolation> Check(IReadOnlyList<PackageEntry> entries, bool requireSignatures)
        {
            var violations = new List<EpguPackageViolation>();
            var files = entries.Where(e => !e.IsDirectory).ToList();
            foreach (var folder in entries.Where(e => e.IsDirectory || e.Name.IndexOfAny(new[] { '/', '\\' }) >= 0))
                violations.Add(new EpguPackageViolation(EpguPackageRule.Folder, folder.Name, "folders are not allowed, the archive must be flat"));
            if (files.Count == 0) violations.Add(new EpguPackageViolation(EpguPackageRule.Empty, string.Empty, "the archive holds no files"));

            foreach (var duplicate in files.GroupBy(f => LeafName(f.Name), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
                violations.Add(new EpguPackageViolation(EpguPackageRule.DuplicateName, duplicate.Key, $"{duplicate.Count()} entries have this name"));

            var names = new HashSet<string>(files.Select(f => LeafName(f.Name)), StringComparer.OrdinalIgnoreCase);
            foreach (var file in files)
            {
                var name = LeafName(file.Name);
                if (IsArchive(name)) violations.Add(new EpguPackageViolation(EpguPackageRule.NestedArchive, name, "archives inside the archive are not allowed"));
                if (file.Size == 0) violations.Add(new EpguPackageViolation(EpguPackageRule.EmptyFile, name, "the file is empty"));
                if (IsSignature(name))
                {
                    var signed = name.Substring(0, name.Length - SignatureExtension.Length);
                    if (!names.Contains(signed)) violations.Add(new EpguPackageViolation(EpguPackageRule.OrphanSignature, name, $"there is no '{signed}' for this signature"));
                }
                else if (requireSignatures && !names.Contains(name + SignatureExtension))
                {
                    violations.Add(new EpguPackageViolation(EpguPackageRule.MissingSignature, name, $"the detached signature '{name}{SignatureExtension}' is missing"));
                }
            }
            return violations;
        }

        private static string LeafName(string name) => name.TrimEnd('/', '\\');
    }

    /// <summary>An entry of an archive as the rules see it.</summary>
    public sealed class PackageEntry
    {
        public PackageEntry(string name, long size, bool isDirectory) { Name = name; Size = size; IsDirectory = isDirectory; }
        public string Name { get; }
        public long Size { get; }
        public bool IsDirectory { get; }
        public override string ToString() => Name;
        public static PackageEntry FromFile(FileInfo file) => new PackageEntry(file.Name, file.Length, false);
    }
}
