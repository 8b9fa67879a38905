using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using GosApi.Uc.Models;
using GosApi.Validation;
using ICSharpCode.SharpZipLib.Zip;

namespace GosApi.Uc
{
    /// <summary>
    /// The archive of scans (fileType 8, seed 004 §6): at least 6 files for a legal entity and 5 otherwise, names
    /// unique and starting with Заявление/Application, Доверенность/Procuration, Паспорт/Passport, СНИЛС/SNILS,
    /// Фото/Photo or Отзыв/Revocation. Checked before anything is sent, naming what is missing.
    /// </summary>
    public static class UcArchive
    {
        /// <summary>The kinds of scan and the prefixes a file name may start with.</summary>
        public static readonly IReadOnlyList<(string Kind, string[] Prefixes)> Kinds = new[]
        {
            ("Заявление", new[] { "Заявление", "Application" }),
            ("Доверенность", new[] { "Доверенность", "Procuration" }),
            ("Паспорт", new[] { "Паспорт", "Passport" }),
            ("СНИЛС", new[] { "СНИЛС", "SNILS" }),
            ("Фото", new[] { "Фото", "Photo" }),
            ("Отзыв", new[] { "Отзыв", "Revocation" }),
        };

        /// <summary>Every broken rule for these file names; <paramref name="needsRevocation"/> when the FNS has certificates to revoke.</summary>
        public static ValidationResult Check(IReadOnlyList<string> fileNames, UcApplicantType type, bool needsRevocation = false)
        {
            var result = new ValidationResult();
            var minimum = type == UcApplicantType.LegalEntity ? 6 : 5;
            if (fileNames.Count < minimum)
                result.Add("ScanPath", fileNames.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), $"the archive needs at least {minimum} files for {(type == UcApplicantType.LegalEntity ? "a legal entity" : "this request type")}, got {fileNames.Count}");
            foreach (var duplicate in fileNames.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
                result.Add("ScanPath", duplicate.Key, "file names in the archive must not repeat");
            foreach (var name in fileNames.Where(n => KindOf(n) == null))
                result.Add("ScanPath", name, "a file name must start with " + string.Join(", ", Kinds.SelectMany(k => k.Prefixes)));
            var present = new HashSet<string>(fileNames.Select(KindOf).Where(k => k != null).Select(k => k!));
            var required = new List<string> { "Заявление", "Паспорт", "СНИЛС", "Фото" };
            if (type == UcApplicantType.LegalEntity) required.Insert(1, "Доверенность");
            if (needsRevocation) required.Add("Отзыв");
            foreach (var kind in required.Where(k => !present.Contains(k)))
            {
                var prefixes = Kinds.First(k => k.Kind == kind).Prefixes;
                result.Add("ScanPath", null, $"missing the {kind} scan: add a file whose name starts with {prefixes[0]} or {prefixes[1]}");
            }
            return result;
        }

        /// <summary>The kind a file name belongs to, or null.</summary>
        public static string? KindOf(string fileName) =>
            Kinds.Where(k => k.Prefixes.Any(p => fileName.StartsWith(p, StringComparison.OrdinalIgnoreCase))).Select(k => k.Kind).FirstOrDefault();

        /// <summary>Checks the scans and writes them, flat, into a zip at <paramref name="destination"/> (streamed file by file).</summary>
        public static void Build(IReadOnlyList<string> scanPaths, string destination, UcApplicantType type, bool needsRevocation = false)
        {
            foreach (var missing in scanPaths.Where(p => !File.Exists(p))) throw new FileNotFoundException("Scan not found: " + missing, missing);
            Check(scanPaths.Select(Path.GetFileName).ToList()!, type, needsRevocation).ThrowIfInvalid();
            using var output = new ZipOutputStream(File.Create(destination)) { IsStreamOwner = true, UseZip64 = UseZip64.Dynamic };
            output.SetLevel(6);
            var buffer = new byte[81920];
            foreach (var path in scanPaths)
            {
                output.PutNextEntry(new ZipEntry(Path.GetFileName(path)) { DateTime = File.GetLastWriteTime(path), IsUnicodeText = true });
                using (var input = File.OpenRead(path))
                {
                    int read;
                    while ((read = input.Read(buffer, 0, buffer.Length)) > 0) output.Write(buffer, 0, read);
                }
                output.CloseEntry();
            }
        }

        /// <summary>The names of the files in an existing archive.</summary>
        public static IReadOnlyList<string> NamesIn(string archivePath)
        {
            using var zip = new ZipFile(archivePath);
            return zip.Cast<ZipEntry>().Where(e => e.IsFile).Select(e => Path.GetFileName(e.Name)).ToList();
        }
    }
}
