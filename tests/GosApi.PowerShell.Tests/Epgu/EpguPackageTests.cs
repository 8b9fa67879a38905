using System.Management.Automation;
using GosApi.PowerShell.Tests.Infrastructure;

namespace GosApi.PowerShell.Tests.Epgu;

/// <summary>New-EpguPackage builds only archives the service accepts; Test-EpguPackage names every rule a zip breaks.</summary>
public sealed class EpguPackageTests : IDisposable
{
    private readonly ModuleHost engine = new();
    private readonly TestFiles files = new();

    public void Dispose()
    {
        engine.Dispose();
        files.Dispose();
    }

    private HostedResult Run(string script) => engine.Invoke("Set-Location $dir\n" + script, new Dictionary<string, object> { ["dir"] = files.Root });

    private void Write(string relative, string content = "x")
    {
        var path = Path.Combine(files.Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    [Fact]
    public void Builds_a_flat_archive_from_files_and_wildcards()
    {
        Write("req.xml", "<Request/>");
        Write("scan.pdf", "%PDF");
        var package = Run(@"
            $signer = New-GostSelfSignedCertificate -CommonName 'Signer'
            New-GostSignature *.xml, *.pdf -SignWith $signer | Out-Null
            Get-ChildItem *.xml, *.pdf, *.sig | New-EpguPackage -Destination order.zip -RequireSignatures").AssertSuccess()
            .Single("GosApi.Epgu.Packages.EpguPackage");

        Assert.True(package.Get<bool>("Signed"));
        using var zip = System.IO.Compression.ZipFile.OpenRead(Path.Combine(files.Root, "order.zip"));
        Assert.Equal(new[] { "req.xml", "req.xml.sig", "scan.pdf", "scan.pdf.sig" }, zip.Entries.Select(e => e.FullName).OrderBy(n => n).ToArray());
        Assert.True(Run("Test-EpguPackage order.zip -RequireSignatures -Quiet").AssertSuccess().Output.Single().BaseObject is true);
    }

    [Fact]
    public void Refuses_folders_nested_archives_duplicates_and_missing_signatures_and_writes_nothing()
    {
        Write("req.xml");
        Write("docs/scan.pdf");
        Write("other/req.xml");
        Write("inner.zip");
        var result = Run("New-EpguPackage -Path req.xml, docs, other/req.xml, inner.zip -Destination bad.zip -RequireSignatures");

        var text = Assert.Single(result.AllErrors).ToString();
        Assert.Contains("is a folder", text);
        Assert.False(File.Exists(Path.Combine(files.Root, "bad.zip")));

        result = Run("New-EpguPackage -Path req.xml, other/req.xml, inner.zip -Destination bad.zip -RequireSignatures");
        text = Assert.Single(result.AllErrors).ToString();
        Assert.Contains("Path req.xml: 2 entries have this name", text);
        Assert.Contains("Path inner.zip: archives inside the archive are not allowed", text);
        Assert.Contains("Path req.xml: the detached signature 'req.xml.sig' is missing", text);
        Assert.False(File.Exists(Path.Combine(files.Root, "bad.zip")));
        Assert.Empty(Directory.GetFiles(files.Root, "*.partial-*"));
    }

    [Fact]
    public void A_missing_input_builds_no_archive_at_all()
    {
        Write("req.xml");
        var result = Run("New-EpguPackage -Path req.xml, scan.pdf -Destination order.zip");
        Assert.Contains(result.Errors, e => e.FullyQualifiedErrorId.StartsWith("Epgu.FileNotFound"));
        Assert.Contains(result.Errors, e => e.FullyQualifiedErrorId.StartsWith("Epgu.PackageNotBuilt"));
        Assert.False(File.Exists(Path.Combine(files.Root, "order.zip")));
    }

    [Fact]
    public void Test_expands_wildcards_and_takes_piped_packages()
    {
        Write("req.xml");
        var result = Run(@"
            New-EpguPackage req.xml one.zip | Out-Null
            New-EpguPackage req.xml two.zip | Test-EpguPackage -Quiet
            (Test-EpguPackage *.zip).Count").AssertSuccess();
        Assert.True(result.Output[0].BaseObject is true);
        Assert.Equal(2, Convert.ToInt32(result.Output[1].BaseObject));
    }

    [Fact]
    public void Does_not_overwrite_an_existing_archive_without_force()
    {
        Write("req.xml");
        Run("New-EpguPackage req.xml order.zip").AssertSuccess();
        var error = Assert.Single(Run("New-EpguPackage req.xml order.zip").AllErrors);
        Assert.Contains("already exists (use -Force to overwrite)", error.ToString());
        Run("New-EpguPackage req.xml order.zip -Force").AssertSuccess();
    }

    [Fact]
    public void WhatIf_creates_no_archive()
    {
        Write("req.xml");
        var result = Run("New-EpguPackage req.xml order.zip -WhatIf").AssertSuccess();
        Assert.False(File.Exists(Path.Combine(files.Root, "order.zip")));
        Assert.Contains("What if:", result.HostText);
    }

    [Fact]
    public void Test_reports_every_rule_an_existing_zip_breaks()
    {
        var zip = files.Zip("bad.zip",
            ("req.xml", "<r/>"u8.ToArray()),
            ("folder/scan.pdf", "%PDF"u8.ToArray()),
            ("nested.rar", "Rar!"u8.ToArray()),
            ("lonely.txt.sig", "sig"u8.ToArray()),
            ("empty.txt", Array.Empty<byte>()));
        var report = Run($"Test-EpguPackage -Path '{zip}' -RequireSignatures").AssertSuccess().Single("GosApi.Epgu.Packages.EpguPackageReport");

        Assert.False(report.Get<bool>("IsValid"));
        var rules = report.Get<PSObject[]>("Violations").Select(v => v.Get<string>("Rule")).ToList();
        foreach (var rule in new[] { "Folder", "NestedArchive", "OrphanSignature", "MissingSignature", "EmptyFile" })
            Assert.Contains(rule, rules);
    }

    [Fact]
    public void Test_says_plainly_when_a_file_is_not_a_zip()
    {
        Write("fake.zip", "this is text");
        var report = Run("Test-EpguPackage fake.zip").AssertSuccess().Single("GosApi.Epgu.Packages.EpguPackageReport");
        Assert.Equal("NotAZip", Assert.Single(report.Get<PSObject[]>("Violations")).Get<string>("Rule"));
    }
}
