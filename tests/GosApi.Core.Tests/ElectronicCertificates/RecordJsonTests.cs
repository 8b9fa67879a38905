using System.Globalization;
using System.Text.Json;
using GosApi.ElectronicCertificates.Models;
using Xunit;
using static GosApi.Core.Tests.ElectronicCertificates.EcTestData;

namespace GosApi.Core.Tests.ElectronicCertificates;

/// <summary>What a record writes: the member names and nesting of seed 002's request schemas.</summary>
public class RecordJsonTests
{
    private static string[] Names(JsonElement e) => e.EnumerateObject().Select(p => p.Name).ToArray();

    [Fact]
    public void Assignment_writes_ecCreateCertificatesRequestRow_exactly()
    {
        var json = WriteJson(Valid(Assignment()), 7);

        Assert.Equal(
            "{\"recordId\":7,\"assignment\":{\"pid\":\"11223344595\",\"phoneNumber\":\"9104560011\"," +
            "\"organization\":{\"rid\":\"12Ф34567\",\"fullname\":\"ГКУ «Центр социальной поддержки»\",\"account\":\"03123Ж45678\",\"INN\":\"7707083893\",\"KPP\":\"773601001\"}," +
            "\"mspCode\":\"0123\",\"budgetaryClassificationCode\":\"12345678901234567890\"," +
            "\"startDate\":\"2025-01-15T09:30:00+03:00\",\"endDate\":\"2025-12-31T23:59:59+03:00\"," +
            "\"nationalPaymentInstrument\":\"2200123456789012\",\"certificateType\":\"" + Type2 + "\",\"program\":\"" + ProgramT + "\"," +
            "\"certificateAmount\":1500000,\"goodsWorksServices\":[{\"code\":\"01.02.03.04.05.06\",\"name\":\"Кресло-коляска\"}]}}",
            json);
    }

    [Fact]
    public void Assignment_uses_only_member_names_of_the_spec_and_all_of_them_when_given()
    {
        var record = Assignment();
        record.CertificateType = "ECTP0003";
        record.CertificateQuantity = 4;
        record.LmspCode = "12345678901234567890";
        record.GoodsWorksServices[0].MaxAmount = 250_000;
        Valid(record);

        using var document = JsonDocument.Parse(WriteJson(record, 1));
        var root = document.RootElement;
        Assert.Equal(new[] { "recordId", "assignment" }, Names(root));
        var assignment = root.GetProperty("assignment");
        Assert.Equal(new[]
        {
            "pid", "phoneNumber", "organization", "mspCode", "lmspCode", "budgetaryClassificationCode", "startDate", "endDate",
            "nationalPaymentInstrument", "certificateType", "program", "certificateAmount", "certificateQuantity", "goodsWorksServices",
        }, Names(assignment));
        Assert.Equal(new[] { "rid", "fullname", "account", "INN", "KPP" }, Names(assignment.GetProperty("organization")));
        var good = Assert.Single(assignment.GetProperty("goodsWorksServices").EnumerateArray());
        Assert.Equal(new[] { "code", "name", "maxAmount" }, Names(good));
        Assert.Equal(JsonValueKind.Number, good.GetProperty("maxAmount").ValueKind);
        Assert.Equal(250_000, good.GetProperty("maxAmount").GetInt64());
        Assert.Equal(4, assignment.GetProperty("certificateQuantity").GetInt32());
        Assert.Equal(JsonValueKind.Number, root.GetProperty("recordId").ValueKind);
        Assert.Equal(Type3, assignment.GetProperty("certificateType").GetString());
    }

    [Fact]
    public void Absent_optionals_are_omitted_not_written_as_null()
    {
        var record = Assignment();
        record.CertificateType = "ECTP0001";
        record.CertificateAmount = null;
        record.GoodsWorksServices[0].MaxAmount = 0; // a present zero is written
        record.GoodsWorksServices[0].Quantity = 3;
        Valid(record);

        var json = WriteJson(record, 1);

        Assert.DoesNotContain("null", json);
        Assert.DoesNotContain("lmspCode", json);
        Assert.DoesNotContain("certificateAmount", json);
        Assert.DoesNotContain("certificateQuantity", json);
        Assert.Contains("\"goodsWorksServices\":[{\"code\":\"01.02.03.04.05.06\",\"name\":\"Кресло-коляска\",\"maxAmount\":0,\"quantity\":3}]", json);
    }

    [Theory]
    [InlineData(0, "2025-03-01T00:00:00+00:00")]
    [InlineData(-5, "2025-03-01T00:00:00-05:00")]
    [InlineData(10, "2025-03-01T00:00:00+10:00")]
    public void Dates_are_written_with_their_offset_and_no_fraction(int offsetHours, string expected)
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("th-TH"); // Buddhist calendar must not leak in
            var record = Assignment();
            record.StartDate = new DateTimeOffset(2025, 3, 1, 0, 0, 0, 123, TimeSpan.FromHours(offsetHours));
            record.EndDate = record.StartDate.Value.AddYears(1);
            Valid(record);
            using var document = JsonDocument.Parse(WriteJson(record, 1));
            Assert.Equal(expected, document.RootElement.GetProperty("assignment").GetProperty("startDate").GetString());
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Change_writes_only_what_changes()
    {
        Assert.Equal(
            "{\"recordId\":3,\"factAssignmentUuid\":\"" + Uuid + "\",\"certificateNumber\":\"" + CertificateNumber + "\",\"phoneNumber\":\"9104560011\"}",
            WriteJson(Valid(Change()), 3));

        var all = Change();
        all.Snils = "112-233-445 95";
        all.NationalPaymentInstrument = "2200 1234 5678 9012";
        Assert.Equal(
            "{\"recordId\":100,\"factAssignmentUuid\":\"" + Uuid + "\",\"certificateNumber\":\"" + CertificateNumber +
            "\",\"pid\":\"11223344595\",\"phoneNumber\":\"9104560011\",\"nationalPaymentInstrument\":\"2200123456789012\"}",
            WriteJson(Valid(all), 100));
    }

    [Fact]
    public void Blocking_writes_eCertificatesBlockRequestRecord()
    {
        var json = WriteJson(Valid(Blocking()), 1);
        Assert.Equal("{\"recordId\":1,\"factAssignmentUuid\":\"" + Uuid + "\",\"certificateNumber\":\"" + CertificateNumber + "\",\"blockReason\":\"" + Block1 + "\"}", json);
    }

    [Fact]
    public void A_record_is_not_written_before_it_validated()
    {
        Assert.Throws<InvalidOperationException>(() => WriteJson(Blocking(), 1));
        var record = Blocking();
        record.BlockReason = "nope";
        Assert.False(record.Validate().IsValid);
        Assert.Throws<InvalidOperationException>(() => WriteJson(record, 1));
    }
}
