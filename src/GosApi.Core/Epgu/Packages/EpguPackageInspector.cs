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
            : this(path, entries.Select(e => e.Name).ToList(), violations, Array.Empty<EpguPackageSignature>())
        {
        }

        private EpguPackageReport(string path, IReadOnlyList<string> entries, IReadOnlyList<EpguPackageViolation> violations, IReadOnlyList<EpguPackageSignature> signatures)
        {
            Path = path;
            Entries = entries;
            Violations = violations;
            Signatures = signatures;
            Bytes = File.Exists(path) ? new FileInfo(path).Length : 0;
        }

        internal EpguPackageReport WithSignatures(IReadOnlyList<EpguPackageViolation> violations, IReadOnlyList<EpguPackageSignature> signatures) =>
            new EpguPackageReport(Path, Entries, violations, signatures);

        /// <summary>Each x.sig checked against x (when signatures were verified).</summary>
        public IReadOnlyList<EpguPackageSignature> Signatures { get; }

        public string Path { get; }
        public long Bytes { get; }
        public IReadOnlyList<string> Entries { get; }
        public IReadOnlyList<EpguPackageViolation> Violations { get; }
        public bool IsValid => Violations.Count == 0;
        public override string ToString() => IsValid ? $"{Path}: valid ({Entries.Count} files)" : $"{Path}: {Violations.Count} problem(s)";
    }

    /// <summary>One detached signature in an archive and what its verification found.</summary>
    public sealed class EpguPackageSignature
    {
        public EpguPackageSignature(string file, GosApi.Crypto.Cms.GostSignatureInfo info) { File = file; Info = info; }
        public string File { get; }
        public string SignatureFile => File + EpguPackageRules.SignatureExtension;
        public bool IsValid => Info.IsValid;
        public string? Signer => Info.SignerCertificate?.Subject;
        public DateTimeOffset? SigningTime => Info.SigningTime;
        public GosApi.Crypto.Cms.GostChainStatus ChainStatus => Info.ChainStatus;
        public IReadOnlyList<string> Problems => Info.Problems;
        public GosApi.Crypto.Cms.GostSignatureInfo Info { get; }
        public override string ToString() => $"{SignatureFile}: {(IsValid ? "valid" : "INVALID")}" + (Signer == null ? string.Empty : ", " + Signer);
    }

    /// <summary>Reads an archive's central directory and applies <see cref="EpguPackageRules"/>; optionally verifies every .sig, streaming from the zip.</summary>
    public static class EpguPackageInspector
    {
        /// <summary>Checks the rules and verifies every x.sig against x; with trusted roots the signer's chain must lead to one of them.</summary>
        public static async System.Threading.Tasks.Task<EpguPackageReport> InspectAndVerifyAsync(string path, bool requireSignatures, GosApi.Crypto.Cms.CmsVerificationOptions verification, System.Threading.CancellationToken cancellationToken = default)
        {
            var report = Inspect(path, requireSignatures);
            if (report.Violations.Any(v => v.Rule == EpguPackageRule.NotAZip)) return report;
            var verifier = new GosApi.Crypto.Cms.CmsSignatureVerifier(verification);
            var signatures = new List<EpguPackageSignature>();
            var violations = report.Violations.ToList();
            using (var zip = new ZipFile(report.Path))
            {
                foreach (var entry in zip.Cast<ZipEntry>().Where(e => e.IsFile && EpguPackageRules.IsSignature(e.Name)))
                {
                    var signed = zip.GetEntry(entry.Name.Substring(0, entry.Name.Length - EpguPackageRules.SignatureExtension.Length));
                    if (signed == null || entry.Size == 0) continue; // already an OrphanSignature / EmptyFile violation
                    byte[] signature;
                    using (var input = zip.GetInputStream(entry))
                    using (var buffer = new MemoryStream())
                    {
                        await input.CopyToAsync(buffer, 81920, cancellationToken).ConfigureAwait(false);
                        try { signature = GosApi.Crypto.Cms.CmsEncoding.Decode(buffer.ToArray()); }
                        catch (GosApi.Crypto.Pki.GostCryptoException ex)
                        {
                            violations.Add(new EpguPackageViolation(EpguPackageRule.InvalidSignature, entry.Name, "not a CMS signature (DER, PEM or base64): " + ex.Message));
                            continue;
                        }
                    }
                    GosApi.Crypto.Cms.GostSignatureInfo info;
                    using (var content = zip.GetInputStream(signed))
                        info = await verifier.VerifyDetachedAsync(content, signature, cancellationToken).ConfigureAwait(false);
                    signatures.Add(new EpguPackageSignature(signed.Name, info));
                    if (!info.IsValid)
                        violations.Add(new EpguPackageViolation(EpguPackageRule.InvalidSignature, entry.Name, "not a valid signature of '" + signed.Name + "': " + string.Join("; ", info.Problems)));
                }
            }
            return report.WithSignatures(violations, signatures);
        }

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
