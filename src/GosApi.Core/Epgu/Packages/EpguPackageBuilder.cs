using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using GosApi.Validation;
using ICSharpCode.SharpZipLib.Zip;

namespace GosApi.Epgu.Packages
{
    public sealed class EpguPackageOptions
    {
        /// <summary>Every file must come with its detached signature &lt;file&gt;.sig (services signed with УКЭП).</summary>
        public bool RequireSignatures { get; set; }
        public bool Overwrite { get; set; }
        /// <summary>Deflate level 0–9.</summary>
        public int CompressionLevel { get; set; } = 6;
        /// <summary>Sign every file that has no .sig among the inputs (detached CMS, DER) and add the signatures.</summary>
        public GosApi.Crypto.Signers.IGostSigner? SignWith { get; set; }
        /// <summary>When set, every .xml file must match these schemas before anything is written (or signed).</summary>
        public GosApi.Epgu.Xml.EpguXmlSchemas? Schemas { get; set; }
    }

    /// <summary>A package built by <see cref="EpguPackageBuilder"/>.</summary>
    public sealed class EpguPackage
    {
        public EpguPackage(string path, IReadOnlyList<string> files, long bytes, bool signed) { Path = path; Files = files; Bytes = bytes; Signed = signed; }
        public string Path { get; }
        public IReadOnlyList<string> Files { get; }
        public long Bytes { get; }
        public bool Signed { get; }
        public override string ToString() => Path;
    }

    /// <summary>
    /// Builds an order archive: flat, no nested archives, unique names, and with every file's .sig when
    /// signatures are required. Input is checked before anything is written; files are streamed into the zip,
    /// which is written to a temporary file and moved into place only when complete.
    /// </summary>
    public static class EpguPackageBuilder
    {
        /// <summary>Builds the package, first signing the files that have no signature when <see cref="EpguPackageOptions.SignWith"/> is set.</summary>
        public static async System.Threading.Tasks.Task<EpguPackage> BuildAsync(IEnumerable<string> inputFiles, string destination, EpguPackageOptions options, CancellationToken cancellationToken = default)
        {
            var files = inputFiles.Select(p => new FileInfo(System.IO.Path.GetFullPath(p))).ToList();
            if (options.SignWith == null) return Build(files, destination, options, cancellationToken);
            var target = System.IO.Path.GetFullPath(destination);
            CheckInput(files, target, options, signaturesComing: true);
            var signatures = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "gosapi-sign-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(signatures);
            try
            {
                var names = new HashSet<string>(files.Select(f => f.Name), StringComparer.OrdinalIgnoreCase);
                foreach (var file in files.Where(f => !EpguPackageRules.IsSignature(f.Name) && !names.Contains(f.Name + EpguPackageRules.SignatureExtension)).ToList())
                {
                    byte[] signature;
                    using (var content = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan))
                        signature = await options.SignWith.SignDetachedAsync(content, null, cancellationToken).ConfigureAwait(false);
                    var path = System.IO.Path.Combine(signatures, file.Name + EpguPackageRules.SignatureExtension);
                    File.WriteAllBytes(path, signature);
                    files.Add(new FileInfo(path));
                    Diagnostics.OperationScope.Verbose($"Signed {file.Name} with {options.SignWith.Certificate.Subject}.");
                }
                return Build(files, target, options, cancellationToken);
            }
            finally
            {
                Directory.Delete(signatures, recursive: true);
            }
        }

        public static EpguPackage Build(IEnumerable<string> inputFiles, string destination, EpguPackageOptions options, CancellationToken cancellationToken = default) =>
            Build(inputFiles.Select(p => new FileInfo(System.IO.Path.GetFullPath(p))).ToList(), destination, options, cancellationToken);

        private static EpguPackage Build(List<FileInfo> files, string destination, EpguPackageOptions options, CancellationToken cancellationToken)
        {
            var target = System.IO.Path.GetFullPath(destination);
            CheckInput(files, target, options, signaturesComing: false);

            var temp = target + ".partial-" + Guid.NewGuid().ToString("N").Substring(0, 8);
            try
            {
                using (var output = new ZipOutputStream(File.Create(temp)))
                {
                    output.SetLevel(options.CompressionLevel);
                    output.UseZip64 = UseZip64.Dynamic;
                    var buffer = new byte[81920];
                    foreach (var file in files)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        output.PutNextEntry(new ZipEntry(file.Name) { DateTime = file.LastWriteTime, Size = file.Length });
                        using (var input = file.OpenRead())
                        {
                            int read;
                            while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
                            {
                                cancellationToken.ThrowIfCancellationRequested();
                                output.Write(buffer, 0, read);
                            }
                        }
                        output.CloseEntry();
                    }
                    output.Finish();
                }
                if (File.Exists(target)) File.Delete(target);
                File.Move(temp, target);
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
            var signed = files.Any(f => EpguPackageRules.IsSignature(f.Name));
            return new EpguPackage(target, files.Select(f => f.Name).ToList(), new FileInfo(target).Length, signed);
        }

        private static void CheckInput(IReadOnlyList<FileInfo> files, string target, EpguPackageOptions options, bool signaturesComing)
        {
            var result = new ValidationResult();
            if (files.Count == 0) result.Add("Path", null, "at least one file is required");
            foreach (var file in files)
            {
                if (Directory.Exists(file.FullName)) result.Add("Path", file.FullName, "is a folder; folders are not allowed, the archive must be flat (pass the files)");
                else if (!file.Exists) result.Add("Path", file.FullName, "file not found");
                else if (string.Equals(file.FullName, target, StringComparison.OrdinalIgnoreCase)) result.Add("Path", file.FullName, "is the destination archive itself");
            }
            if (!options.Overwrite && File.Exists(target)) result.Add("Destination", target, "already exists (use -Force to overwrite)");
            if (result.IsValid)
            {
                var entries = files.Select(PackageEntry.FromFile).ToList();
                foreach (var violation in EpguPackageRules.Check(entries, options.RequireSignatures && !signaturesComing))
                    result.Add("Path", violation.Entry, violation.Detail);
            }
            result.ThrowIfInvalid();
            // Once per build: before signing when signatures are coming, else before writing.
            if (options.Schemas != null && (signaturesComing || options.SignWith == null))
                options.Schemas.ValidateAll(files.Where(f => string.Equals(f.Extension, ".xml", StringComparison.OrdinalIgnoreCase)).Select(f => f.FullName));
        }
    }
}
