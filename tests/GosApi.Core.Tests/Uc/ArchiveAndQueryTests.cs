using System.IO.Compression;
using System.Text;
using GosApi.Uc;
using GosApi.Uc.Models;

using Xunit;
using static GosApi.Core.Tests.Uc.UcTestData;

namespace GosApi.Core.Tests.Uc;

/// <summary>The archive of scans (type 8): the seed's count, prefix and uniqueness rules; the zip it writes.</summary>
public sealed class ArchiveTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "uc-archive-" + Guid.NewGuid().ToString("N"));

    public ArchiveTests() => Directory.CreateDirectory(directory);

    public void Dispose()
    {
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
    }

    private static readonly string[] PersonScans = { "Заявление.pdf", "Паспорт.jpg", "Паспорт_прописка.jpg", "СНИЛС.jpg", "Фото.jpg" };
    private static readonly string[] LegalScans = { "Заявление.pdf", "Доверенность.pdf", "Паспорт.jpg", "Паспорт_прописка.jpg", "СНИЛС.jpg", "Фото.jpg" };

    [Fact]
    public void Five_files_of_the_required_kinds_make_a_person_archive()
    {
        Assert.True(UcArchive.Check(PersonScans, UcApplicantType.Person).IsValid);
        Assert.True(UcArchive.Check(PersonScans, UcApplicantType.Entrepreneur).IsValid);
        Assert.True(UcArchive.Check(LegalScans, UcApplicantType.LegalEntity).IsValid);
    }

    [Fact]
    public void Fewer_files_than_the_minimum_are_refused()
    {
        var four = PersonScans.Take(2).Concat(PersonScans.Skip(3)).ToArray();
        var result = UcArchive.Check(four, UcApplicantType.Person);
        HasError(result, "ScanPath", "the archive needs at least 5 files for this request type, got 4");
        Assert.Single(result.Errors);

        var five = LegalScans.Where(n => n != "Паспорт_прописка.jpg").ToArray();
        var legal = UcArchive.Check(five, UcApplicantType.LegalEntity);
        HasError(legal, "ScanPath", "the archive needs at least 6 files for a legal entity, got 5");
        Assert.Single(legal.Errors);
    }

    [Fact]
    public void English_prefixes_count_as_well_and_case_does_not_matter()
    {
        Assert.True(UcArchive.Check(new[] { "Application.pdf", "Procuration.pdf", "Passport.jpg", "Passport2.jpg", "SNILS.png", "Photo.jpg" }, UcApplicantType.LegalEntity).IsValid);
        Assert.True(UcArchive.Check(new[] { "заявление.pdf", "ПАСПОРТ.jpg", "passport-2.jpg", "снилс.png", "PHOTO.JPG" }, UcApplicantType.Person).IsValid);
        Assert.Equal("Паспорт", UcArchive.KindOf("pAsSpOrT 1.jpg"));
        Assert.Equal("Отзыв", UcArchive.KindOf("Revocation.pdf"));
        Assert.Null(UcArchive.KindOf("scan Паспорт.jpg"));
    }

    [Fact]
    public void Names_must_not_repeat_even_in_another_case()
    {
        var result = UcArchive.Check(new[] { "Заявление.pdf", "Паспорт.jpg", "СНИЛС.jpg", "Фото.jpg", "фото.JPG" }, UcApplicantType.Person);
        var error = HasError(result, "ScanPath", "file names in the archive must not repeat");
        Assert.Equal("Фото.jpg", error.Value);
        Assert.Single(result.Errors);
    }

    [Fact]
    public void A_name_without_a_known_prefix_is_named()
    {
        var result = UcArchive.Check(PersonScans.Append("scan001.jpg").ToArray(), UcApplicantType.Person);
        var error = HasError(result, "ScanPath", "a file name must start with Заявление, Application, Доверенность, Procuration, Паспорт, Passport, СНИЛС, SNILS, Фото, Photo, Отзыв, Revocation");
        Assert.Equal("scan001.jpg", error.Value);
    }

    [Theory]
    [InlineData("Паспорт.jpg", "Паспорт", "Passport")]
    [InlineData("СНИЛС.jpg", "СНИЛС", "SNILS")]
    [InlineData("Фото.jpg", "Фото", "Photo")]
    [InlineData("Заявление.pdf", "Заявление", "Application")]
    public void A_missing_kind_is_named_with_both_prefixes(string removed, string kind, string english)
    {
        var required = new[] { "Заявление.pdf", "Паспорт.jpg", "СНИЛС.jpg", "Фото.jpg" };
        var names = required.Where(n => n != removed).Concat(new[] { "Отзыв.pdf", "Revocation-2.pdf" }).ToArray(); // still 5 files
        var result = UcArchive.Check(names, UcApplicantType.Person);
        var error = HasError(result, "ScanPath", $"missing the {kind} scan: add a file whose name starts with {kind} or {english}");
        Assert.Equal($"ScanPath: missing the {kind} scan: add a file whose name starts with {kind} or {english}", error.Message);
        Assert.Single(result.Errors);
    }

    [Fact]
    public void A_legal_entity_needs_the_procuration()
    {
        var names = LegalScans.Where(n => n != "Доверенность.pdf").Append("Паспорт_3.jpg").ToArray();
        var result = UcArchive.Check(names, UcApplicantType.LegalEntity);
        HasError(result, "ScanPath", "missing the Доверенность scan: add a file whose name starts with Доверенность or Procuration");
        Assert.Single(result.Errors);
        Assert.True(UcArchive.Check(PersonScans, UcApplicantType.Person).IsValid); // not a person
    }

    [Fact]
    public void The_revocation_is_needed_only_when_the_fns_has_certificates()
    {
        var result = UcArchive.Check(PersonScans, UcApplicantType.Person, needsRevocation: true);
        HasError(result, "ScanPath", "missing the Отзыв scan: add a file whose name starts with Отзыв or Revocation");
        Assert.True(UcArchive.Check(PersonScans.Append("Revocation.pdf").ToArray(), UcApplicantType.Person, needsRevocation: true).IsValid);
        Assert.True(UcArchive.Check(PersonScans.Append("Отзыв.pdf").ToArray(), UcApplicantType.Person).IsValid); // allowed any time
    }

    private string[] WriteScans(IEnumerable<string> names)
    {
        var paths = new List<string>();
        var i = 0;
        foreach (var name in names)
        {
            // each scan in its own folder: the archive must still be flat
            var folder = Path.Combine(directory, "scans", "folder" + i++);
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, name);
            var content = new byte[1000 + i * 777];
            new Random(i).NextBytes(content);
            Encoding.UTF8.GetBytes(name).CopyTo(content, 0);
            File.WriteAllBytes(path, content);
            paths.Add(path);
        }
        return paths.ToArray();
    }

    [Fact]
    public void Build_writes_the_files_flat_and_they_come_back_unchanged()
    {
        var scans = WriteScans(LegalScans);
        var zip = Path.Combine(directory, "documents.zip");
        UcArchive.Build(scans, zip, UcApplicantType.LegalEntity);

        Assert.Equal(LegalScans, UcArchive.NamesIn(zip));
        using var archive = ZipFile.OpenRead(zip); // another reader: the names are marked UTF-8
        Assert.Equal(LegalScans, archive.Entries.Select(e => e.FullName));
        foreach (var (entry, path) in archive.Entries.Zip(scans))
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            Assert.Equal(File.ReadAllBytes(path), copy.ToArray());
        }
    }

    [Fact]
    public void Build_refuses_a_missing_file_and_bad_names_before_writing()
    {
        var scans = WriteScans(PersonScans);
        var zip = Path.Combine(directory, "documents.zip");
        var missing = Path.Combine(directory, "Фото_2.jpg");
        var ex = Assert.Throws<FileNotFoundException>(() => UcArchive.Build(scans.Append(missing).ToArray(), zip, UcApplicantType.Person));
        Assert.Equal(missing, ex.FileName);
        Assert.False(File.Exists(zip));

        var invalid = Assert.Throws<GosApi.Validation.InputValidationException>(() => UcArchive.Build(scans.Where(s => !s.EndsWith("СНИЛС.jpg")).ToArray(), zip, UcApplicantType.Person));
        Assert.Contains("missing the СНИЛС scan", invalid.Message);
        Assert.Contains("at least 5 files", invalid.Message);
        Assert.False(File.Exists(zip));
    }
}

/// <summary>findCertParams of fns/find.</summary>
public class FnsQueryTests
{
    [Fact]
    public void At_least_one_field_is_needed()
    {
        HasError(new UcFnsQuery().Validate(), "Snils", "give a SNILS, INN, OGRN, OGRNIP or serial number");
        HasError(new UcFnsQuery { Inn = " ", SerialNumber = "" }.Validate(), "Snils", "give a SNILS");
        HasError(new UcFnsQuery { Offset = 10 }.Validate(), "Snils", "give a SNILS");
    }

    [Fact]
    public void A_legal_entity_inn_gets_two_zeros_in_front()
    {
        var query = new UcFnsQuery { Inn = LegalInn };
        Assert.True(query.Validate().IsValid);
        Assert.Equal("00" + LegalInn, query.Inn);
        var json = Parse(query.ToJson().ToJsonString());
        Assert.Equal("00" + LegalInn, json.GetProperty("inn").GetString());
        Assert.Single(json.EnumerateObject());

        var again = new UcFnsQuery { Inn = "00" + LegalInn };
        Assert.True(again.Validate().IsValid);
        Assert.Equal("00" + LegalInn, again.Inn);
    }

    [Fact]
    public void A_person_inn_is_sent_as_is_after_its_checksum()
    {
        var query = new UcFnsQuery { Inn = " " + PersonInn + " " };
        Assert.True(query.Validate().IsValid);
        Assert.Equal(PersonInn, Parse(query.ToJson().ToJsonString()).GetProperty("inn").GetString());

        HasError(new UcFnsQuery { Inn = "500100732258" }.Validate(), "Inn", "checksum");
        HasError(new UcFnsQuery { Inn = "7707083894" }.Validate(), "Inn", "must be 12 digits");
        HasError(new UcFnsQuery { Inn = "007707083894" }.Validate(), "Inn", "checksum");
    }

    [Theory]
    [InlineData("2834a900c1ae53b8475ac1e467f74e39", "2834A900C1AE53B8475AC1E467F74E39")]
    [InlineData("28 34 a9 00", "2834A900")]
    [InlineData("28:34:A9:00", "2834A900")]
    public void A_serial_number_is_sent_as_upper_case_hex(string given, string sent)
    {
        var query = new UcFnsQuery { SerialNumber = given };
        Assert.True(query.Validate().IsValid);
        Assert.Equal(sent, Parse(query.ToJson().ToJsonString()).GetProperty("serialNumber").GetString());
    }

    [Theory]
    [InlineData("ABC")]
    [InlineData("2834G900")]
    public void A_serial_number_needs_an_even_count_of_hex_digits(string given)
    {
        HasError(new UcFnsQuery { SerialNumber = given }.Validate(), "SerialNumber", "must be hex digits, an even number of them");
    }

    [Fact]
    public void Snils_ogrn_and_ogrnip_are_checked_and_sent_as_digits()
    {
        var query = new UcFnsQuery { Snils = "112-233-445 95", Ogrn = Ogrn, Ogrnip = Ogrnip };
        Assert.True(query.Validate().IsValid);
        var json = Parse(query.ToJson().ToJsonString());
        Assert.Equal(Snils, json.GetProperty("snils").GetString());
        Assert.Equal(Ogrn, json.GetProperty("ogrn").GetString());
        Assert.Equal(Ogrnip, json.GetProperty("ogrnip").GetString());

        var bad = new UcFnsQuery { Snils = "112-233-445 96", Ogrn = "1027700132194", Ogrnip = "304500116000158", Offset = -1 }.Validate();
        HasError(bad, "Snils", "checksum is 96, expected 95");
        HasError(bad, "Ogrn", "checksum is 4, expected 5");
        HasError(bad, "Ogrnip", "checksum is 8, expected 7");
        HasError(bad, "Offset", "must not be negative");
    }
}
