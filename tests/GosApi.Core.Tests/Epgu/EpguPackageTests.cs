using System.IO.Compression;
using System.Text;
using GosApi.Epgu.Packages;
using GosApi.Validation;
using Xunit;

namespace GosApi.Core.Tests.Epgu;

/// <summary>
/// Archive rules (001 §3.4–3.6). Test archives are written with System.IO.Compression, an implementation
/// independent of the SharpZipLib that Core uses, and packages built by Core are read back with it.
/// </summary>
public class EpguPackageTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private string Zip(string name, params (string Entry, string? Content)[] entries)
    {
        var path = temp.File(name);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (entry, content) in entries)
        {
            var e = zip.CreateEntry(entry);
            if (content != null)
            {
                using var stream = e.Open();
                stream.Write(Encoding.UTF8.GetBytes(content));
            }
        }
        return path;
    }

    private static IReadOnlyList<(EpguPackageRule Rule, string Entry)> Problems(EpguPackageReport report) =>
        report.Violations.Select(v => (v.Rule, v.Entry)).ToList();

    // ---------- rules and inspector ----------

    [Fact]
    public void A_flat_signed_archive_is_valid()
    {
        var path = Zip("ok.zip", ("req.xml", "<req/>"), ("req.xml.sig", "SIG"), ("заявление.pdf", "%PDF"), ("заявление.pdf.sig", "SIG"));

        var report = EpguPackageInspector.Inspect(path, requireSignatures: true);

        Assert.True(report.IsValid, string.Join("; ", report.Violations));
        Assert.Equal(new[] { "req.xml", "req.xml.sig", "заявление.pdf", "заявление.pdf.sig" }, report.Entries);
        Assert.Equal(new FileInfo(path).Length, report.Bytes);
        Assert.Equal(Path.GetFullPath(path), report.Path);
        Assert.EndsWith("valid (4 files)", report.ToString());
    }

    [Fact]
    public void Unsigned_archive_is_valid_when_signatures_are_not_required()
    {
        var path = Zip("plain.zip", ("req.xml", "<req/>"), ("piev_data.xml", "<d/>"));
        Assert.True(EpguPackageInspector.Inspect(path, requireSignatures: false).IsValid);
    }

    [Fact]
    public void Folders_are_reported()
    {
        var path = Zip("folders.zip", ("docs/", null), ("docs/req.xml", "<req/>"), ("a\\b.xml", "x"), ("top.xml", "x"));

        var report = EpguPackageInspector.Inspect(path, false);

        Assert.False(report.IsValid);
        var folders = report.Violations.Where(v => v.Rule == EpguPackageRule.Folder).Select(v => v.Entry).ToList();
        Assert.Contains("docs/", folders);
        Assert.Contains("docs/req.xml", folders);
        Assert.DoesNotContain("top.xml", folders);
        Assert.Contains(report.Violations, v => v.Rule == EpguPackageRule.Folder && v.Message.Contains("flat"));
    }

    [Fact]
    public void An_archive_of_only_a_folder_is_empty_too()
    {
        var report = EpguPackageInspector.Inspect(Zip("dir.zip", ("docs/", null)), false);
        Assert.Contains((EpguPackageRule.Folder, "docs/"), Problems(report));
        Assert.Contains((EpguPackageRule.Empty, ""), Problems(report));
    }

    [Fact]
    public void An_archive_without_entries_is_Empty()
    {
        var report = EpguPackageInspector.Inspect(Zip("none.zip"), false);
        Assert.Equal(new[] { (EpguPackageRule.Empty, "") }, Problems(report));
    }

    [Theory]
    [InlineData("inner.zip")]
    [InlineData("INNER.ZIP")]
    [InlineData("data.7z")]
    [InlineData("data.rar")]
    [InlineData("data.tar.gz")]
    public void Nested_archives_are_reported(string name)
    {
        var report = EpguPackageInspector.Inspect(Zip("nested.zip", ("req.xml", "x"), (name, "PK")), false);
        Assert.Equal(new[] { (EpguPackageRule.NestedArchive, name) }, Problems(report));
    }

    [Fact]
    public void Duplicate_names_are_reported_case_insensitively()
    {
        var path = Zip("dups.zip", ("req.xml", "1"), ("REQ.xml", "2"), ("Заявление.pdf", "3"), ("заявление.pdf", "4"), ("other.xml", "5"));

        var report = EpguPackageInspector.Inspect(path, false);

        var duplicates = report.Violations.Where(v => v.Rule == EpguPackageRule.DuplicateName).ToList();
        Assert.Equal(2, duplicates.Count);
        Assert.Contains(duplicates, d => d.Entry.Equals("req.xml", StringComparison.OrdinalIgnoreCase) && d.Message.Contains("2 entries"));
        Assert.Contains(duplicates, d => d.Entry.Equals("заявление.pdf", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Missing_and_orphan_signatures_are_reported()
    {
        var path = Zip("sigs.zip", ("req.xml", "x"), ("req.xml.sig", "s"), ("data.xml", "x"), ("ghost.xml.sig", "s"));

        var report = EpguPackageInspector.Inspect(path, requireSignatures: true);

        Assert.Equal(2, report.Violations.Count);
        Assert.Contains((EpguPackageRule.MissingSignature, "data.xml"), Problems(report));
        Assert.Contains((EpguPackageRule.OrphanSignature, "ghost.xml.sig"), Problems(report));
        Assert.Contains(report.Violations, v => v.Message.Contains("'data.xml.sig' is missing"));
        Assert.Contains(report.Violations, v => v.Message.Contains("no 'ghost.xml'"));
    }

    [Fact]
    public void An_orphan_signature_is_reported_even_when_signatures_are_optional()
    {
        var report = EpguPackageInspector.Inspect(Zip("orphan.zip", ("req.xml", "x"), ("other.xml.sig", "s")), requireSignatures: false);
        Assert.Equal(new[] { (EpguPackageRule.OrphanSignature, "other.xml.sig") }, Problems(report));
    }

    [Fact]
    public void Empty_files_and_signatures_are_reported()
    {
        var report = EpguPackageInspector.Inspect(Zip("empty.zip", ("req.xml", ""), ("req.xml.sig", ""), ("data.xml", "x"), ("data.xml.sig", "s")), true);

        Assert.Equal(2, report.Violations.Count);
        Assert.Contains((EpguPackageRule.EmptyFile, "req.xml"), Problems(report));
        Assert.Contains((EpguPackageRule.EmptyFile, "req.xml.sig"), Problems(report));
    }

    [Fact]
    public void A_file_that_is_not_a_zip_is_NotAZip()
    {
        var path = temp.Write("fake.zip", "this is not an archive at all");

        var report = EpguPackageInspector.Inspect(path, false);

        var violation = Assert.Single(report.Violations);
        Assert.Equal(EpguPackageRule.NotAZip, violation.Rule);
        Assert.Equal("fake.zip", violation.Entry);
        Assert.Contains("not a readable zip archive", violation.Message);
        Assert.Empty(report.Entries);
        Assert.False(report.IsValid);
    }

    [Fact]
    public void A_truncated_zip_is_NotAZip()
    {
        var whole = File.ReadAllBytes(Zip("whole.zip", ("req.xml", new string('x', 5000)), ("req.xml.sig", "s")));
        var path = temp.Write("cut.zip", whole.Take(whole.Length / 2).ToArray());

        var report = EpguPackageInspector.Inspect(path, false);

        Assert.Equal(EpguPackageRule.NotAZip, Assert.Single(report.Violations).Rule);
    }

    [Fact]
    public void A_missing_archive_is_FileNotFound()
    {
        var error = Assert.Throws<FileNotFoundException>(() => EpguPackageInspector.Inspect(temp.File("absent.zip"), false));
        Assert.Contains("absent.zip", error.Message);
    }

    [Fact]
    public void Rules_on_plain_entry_lists()
    {
        Assert.Empty(EpguPackageRules.Check(new[] { new PackageEntry("a.xml", 1, false), new PackageEntry("a.xml.sig", 1, false) }, true));
        Assert.True(EpguPackageRules.IsSignature("A.XML.SIG"));
        Assert.False(EpguPackageRules.IsSignature("a.signature"));
        Assert.True(EpguPackageRules.IsArchive("x.tgz"));
        Assert.False(EpguPackageRules.IsArchive("zip.xml"));
        Assert.False(EpguPackageRules.IsArchive("report.pdf"));
    }

    // ---------- builder ----------

    private string[] Inputs(params (string Name, string Content)[] files) =>
        files.Select(f => temp.Write(Path.Combine("in", f.Name), f.Content)).ToArray();

    private IReadOnlyList<string> OutputFolderNames() =>
        Directory.EnumerateFiles(temp.File("out")).Select(p => Path.GetFileName(p)!).ToList();

    [Fact]
    public void Builds_a_flat_archive_that_other_tools_read_back()
    {
        var inputs = Inputs(("req.xml", "<req/>"), ("req.xml.sig", "SIG1"), ("заявление.pdf", "%PDF-1.7"), ("заявление.pdf.sig", "SIG2"));
        Directory.CreateDirectory(temp.File("out"));
        var destination = temp.File(Path.Combine("out", "order.zip"));

        var package = EpguPackageBuilder.Build(inputs, destination, new EpguPackageOptions { RequireSignatures = true });

        Assert.Equal(destination, package.Path);
        Assert.True(package.Signed);
        Assert.Equal(new FileInfo(destination).Length, package.Bytes);
        Assert.Equal(new[] { "req.xml", "req.xml.sig", "заявление.pdf", "заявление.pdf.sig" }, package.Files);
        using (var zip = ZipFile.OpenRead(destination))
        {
            Assert.Equal(new[] { "req.xml", "req.xml.sig", "заявление.pdf", "заявление.pdf.sig" }, zip.Entries.Select(e => e.FullName));
            using var reader = new StreamReader(zip.GetEntry("заявление.pdf")!.Open());
            Assert.Equal("%PDF-1.7", reader.ReadToEnd());
        }
        Assert.True(EpguPackageInspector.Inspect(destination, true).IsValid);
        Assert.Equal(new[] { "order.zip" }, OutputFolderNames());
    }

    [Fact]
    public void Builds_an_archive_of_a_file_larger_than_the_copy_buffer()
    {
        var big = TempDirectory.Pattern(300_000);
        var input = temp.Write("in/big.bin", big);
        var destination = temp.File("big.zip");

        EpguPackageBuilder.Build(new[] { input }, destination, new EpguPackageOptions { CompressionLevel = 0 });

        using var zip = ZipFile.OpenRead(destination);
        using var copy = new MemoryStream();
        zip.Entries.Single().Open().CopyTo(copy);
        Assert.Equal(big, copy.ToArray());
    }

    [Theory]
    [InlineData(1970)] // before the zip format's 1980 epoch (reproducible-build tools stamp files so)
    [InlineData(2150)] // after its 2107 end
    public void Builds_with_file_times_outside_the_zip_range(int year)
    {
        var input = temp.Write("in/req.xml", "<req/>");
        File.SetLastWriteTimeUtc(input, new DateTime(year, 1, 2, 0, 0, 0, DateTimeKind.Utc));
        var destination = temp.File("order.zip");

        EpguPackageBuilder.Build(new[] { input }, destination, new EpguPackageOptions());

        using var zip = ZipFile.OpenRead(destination);
        Assert.Equal("req.xml", zip.Entries.Single().FullName);
    }

    public static TheoryData<string, string[], bool, string> BadInput => new()
    {
        // case, files (a trailing '/' makes a folder; a leading '?' names a file that does not exist), require signatures, expected text
        { "folder", new[] { "req.xml", "docs/" }, false, "folders are not allowed" },
        { "missing file", new[] { "req.xml", "?absent.xml" }, false, "file not found" },
        { "nested archive", new[] { "req.xml", "inner.zip" }, false, "archives inside the archive are not allowed" },
        { "missing signature", new[] { "req.xml", "data.xml", "data.xml.sig" }, true, "the detached signature 'req.xml.sig' is missing" },
        { "orphan signature", new[] { "req.xml", "ghost.xml.sig" }, false, "there is no 'ghost.xml' for this signature" },
        { "empty file", new[] { "req.xml", "!empty.xml" }, false, "the file is empty" },
        { "no files", Array.Empty<string>(), false, "at least one file is required" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public void Bad_input_is_rejected_before_anything_is_written(string @case, string[] files, bool requireSignatures, string expected)
    {
        Directory.CreateDirectory(temp.File("out"));
        var paths = new List<string>();
        foreach (var file in files)
        {
            if (file.EndsWith('/')) { var dir = temp.File(Path.Combine("in", file.TrimEnd('/'))); Directory.CreateDirectory(dir); paths.Add(dir); }
            else if (file.StartsWith('?')) paths.Add(temp.File(Path.Combine("in", file.Substring(1))));
            else if (file.StartsWith('!')) paths.Add(temp.Write(Path.Combine("in", file.Substring(1)), Array.Empty<byte>()));
            else paths.Add(temp.Write(Path.Combine("in", file), "content of " + file));
        }
        var destination = temp.File(Path.Combine("out", "order.zip"));

        var error = Assert.Throws<InputValidationException>(() => EpguPackageBuilder.Build(paths, destination, new EpguPackageOptions { RequireSignatures = requireSignatures }));

        Assert.Contains(expected, error.Message);
        Assert.Equal("Path", error.ParamName);
        Assert.False(File.Exists(destination), @case + ": the archive was written");
        Assert.Empty(OutputFolderNames());
    }

    [Fact]
    public void Duplicate_names_from_different_folders_are_rejected()
    {
        var a = temp.Write("in/a/req.xml", "1");
        var b = temp.Write("in/b/REQ.XML", "2");
        var destination = temp.File("order.zip");

        var error = Assert.Throws<InputValidationException>(() => EpguPackageBuilder.Build(new[] { a, b }, destination, new EpguPackageOptions()));

        Assert.Contains("2 entries have this name", error.Message);
        Assert.False(File.Exists(destination));
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var inputs = Inputs(("req.xml", "x"), ("inner.zip", "PK"), ("ghost.xml.sig", "s"));

        var error = Assert.Throws<InputValidationException>(() => EpguPackageBuilder.Build(inputs, temp.File("order.zip"), new EpguPackageOptions()));

        Assert.Equal(2, error.Errors.Count);
    }

    [Fact]
    public void An_existing_destination_is_kept_unless_overwrite_is_asked()
    {
        var inputs = Inputs(("req.xml", "new"));
        var destination = temp.Write("order.zip", "the old archive");

        var error = Assert.Throws<InputValidationException>(() => EpguPackageBuilder.Build(inputs, destination, new EpguPackageOptions()));

        Assert.Equal("Destination", error.ParamName);
        Assert.Contains("already exists", error.Message);
        Assert.Equal("the old archive", File.ReadAllText(destination));

        EpguPackageBuilder.Build(inputs, destination, new EpguPackageOptions { Overwrite = true });
        using var zip = ZipFile.OpenRead(destination);
        Assert.Equal("req.xml", zip.Entries.Single().FullName);
    }

    [Fact]
    public void Bad_input_with_overwrite_leaves_the_existing_archive_untouched()
    {
        var inputs = Inputs(("req.xml", "x"), ("inner.zip", "PK"));
        var destination = temp.Write("order.zip", "the old archive");

        Assert.Throws<InputValidationException>(() => EpguPackageBuilder.Build(inputs, destination, new EpguPackageOptions { Overwrite = true }));

        Assert.Equal("the old archive", File.ReadAllText(destination));
    }

    [Fact]
    public void The_destination_cannot_be_one_of_the_inputs()
    {
        var inputs = Inputs(("req.xml", "x"), ("order.zip.sig", "s"));
        var destination = inputs[1];

        var error = Assert.Throws<InputValidationException>(() => EpguPackageBuilder.Build(inputs, destination, new EpguPackageOptions { Overwrite = true }));

        Assert.Contains("is the destination archive itself", error.Message);
        Assert.Equal("s", File.ReadAllText(destination));
    }

    [Fact]
    public void A_cancelled_build_leaves_no_partial_file()
    {
        var inputs = Inputs(("req.xml", "x"), ("data.xml", "y"));
        Directory.CreateDirectory(temp.File("out"));
        var destination = temp.File(Path.Combine("out", "order.zip"));
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => EpguPackageBuilder.Build(inputs, destination, new EpguPackageOptions(), cancel.Token));

        Assert.Empty(OutputFolderNames());
    }

    [Fact]
    public void A_failure_while_writing_leaves_no_partial_file()
    {
        var inputs = Inputs(("req.xml", "x"));
        Directory.CreateDirectory(temp.File("out"));
        var destination = temp.File(Path.Combine("out", "order.zip"));

        // an invalid deflate level fails only once the archive is being written
        Assert.ThrowsAny<Exception>(() => EpguPackageBuilder.Build(inputs, destination, new EpguPackageOptions { CompressionLevel = 42 }));

        Assert.Empty(OutputFolderNames());
    }
}
