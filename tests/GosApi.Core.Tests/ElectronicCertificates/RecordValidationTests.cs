using GosApi.ElectronicCertificates.Models;
using Xunit;
using static GosApi.Core.Tests.ElectronicCertificates.EcTestData;

namespace GosApi.Core.Tests.ElectronicCertificates;

/// <summary>The field rules of seed 002's request schemas, checked before anything is sent.</summary>
public class RecordValidationTests
{
    [Fact]
    public void Valid_assignment_is_normalised_to_the_wire_forms()
    {
        var record = Valid(Assignment());

        Assert.Equal("11223344595", record.Snils);
        Assert.Equal("9104560011", record.PhoneNumber);
        Assert.Equal("2200123456789012", record.NationalPaymentInstrument);
        Assert.Equal(Type2, record.CertificateType);
        Assert.Equal("0415 0421 0422 0420 0030 0030 0030 0032", Codes(record.CertificateType!));
        Assert.Equal(ProgramT, record.Program);
        Assert.Equal("0415 0421 0420 0420 0410 0421 0421 0422", Codes(record.Program!));
    }

    [Theory]
    [InlineData("ECTP0001", Type1)]          // all Latin
    [InlineData("ectp0003", Type3)]          // lower case
    [InlineData("\u0415CT\u04200004", Type4)] // mixed
    [InlineData(" ЕСТР0002 ", Type2)]       // the spec's own spelling, padded
    public void Certificate_type_is_sent_with_the_specs_cyrillic_bytes(string typed, string expected)
    {
        var record = Assignment();
        record.CertificateType = typed;
        record.CertificateAmount = null;
        record.GoodsWorksServices[0].MaxAmount = null;
        // Satisfy whichever amounts the type needs.
        switch (expected)
        {
            case Type1: record.GoodsWorksServices[0].MaxAmount = 100; record.GoodsWorksServices[0].Quantity = 1; break;
            case Type2: record.CertificateAmount = 100; break;
            case Type3: record.CertificateAmount = 100; record.CertificateQuantity = 2; record.GoodsWorksServices[0].MaxAmount = 50; break;
            case Type4: record.CertificateAmount = 100; record.GoodsWorksServices[0].Quantity = 1; break;
        }
        Valid(record);
        Assert.Equal(expected, record.CertificateType);
        Assert.All(record.CertificateType!.Substring(0, 4), c => Assert.InRange(c, '\u0400', '\u04FF'));
    }

    [Theory]
    [InlineData("ecppaccc", ProgramC)]
    [InlineData("ЕСРРАССТ", ProgramT)]
    [InlineData("ECPPACCT", ProgramT)]
    public void Program_is_normalised(string typed, string expected)
    {
        var record = Assignment();
        record.Program = typed;
        Valid(record);
        Assert.Equal(expected, record.Program);
    }

    [Fact]
    public void Unknown_certificate_type_and_program_are_rejected_listing_the_allowed_codes()
    {
        var record = Assignment();
        record.CertificateType = "ECTP0005";
        record.Program = "ECPPXXXX";

        var errors = record.Validate().Errors;

        var type = Assert.Single(errors, e => e.Field == "CertificateType");
        Assert.Contains("must be one of " + string.Join(", ", Type1, Type2, Type3, Type4), type.Rule);
        Assert.Equal("ECTP0005", type.Value);
        var program = Assert.Single(errors, e => e.Field == "Program");
        Assert.Contains(ProgramT + ", " + ProgramC, program.Rule);
        // Amount rules need a known type: none is checked against an unknown one.
        Assert.Equal(2, errors.Count);
    }

    [Theory]
    [InlineData("112-233-445 95", "11223344595")]
    [InlineData("11223344595", "11223344595")]
    [InlineData(" 112-233-445 95 ", "11223344595")]
    public void Snils_is_normalised_to_11_digits(string typed, string expected)
    {
        var record = Assignment();
        record.Snils = typed;
        Valid(record);
        Assert.Equal(expected, record.Snils);
    }

    [Theory]
    [InlineData("11223344596", "checksum")]
    [InlineData("112-233-445 96", "checksum")]
    [InlineData("1122334459", "11 digits")]
    [InlineData("11223344a95", "11 digits")]
    public void Bad_snils_is_rejected_by_name(string typed, string rule)
    {
        var record = Assignment();
        record.Snils = typed;
        var error = Single(record.Validate(), "Snils");
        Assert.Contains(rule, error.Rule);
        Assert.Equal(typed.Trim(), error.Value);
    }

    [Theory]
    [InlineData("+7 (910) 456-00-11", "9104560011")]
    [InlineData("8 910 456 00 11", "9104560011")]
    [InlineData("79104560011", "9104560011")]
    [InlineData("9104560011", "9104560011")]
    public void Phone_is_normalised_to_10_digits(string typed, string expected)
    {
        var record = Assignment();
        record.PhoneNumber = typed;
        Valid(record);
        Assert.Equal(expected, record.PhoneNumber);
    }

    [Theory]
    [InlineData("910456001")]
    [InlineData("+1 910 456 00 11")]
    [InlineData("91045600111")]
    [InlineData("910-456-OO-11")]
    public void Phone_that_is_not_10_digits_is_rejected(string typed)
    {
        var record = Assignment();
        record.PhoneNumber = typed;
        var error = Single(record.Validate(), "PhoneNumber");
        Assert.Contains("digits", error.Rule);
        Assert.Equal(typed, error.Value);
    }

    public static TheoryData<string, string?, string, string> BadAssignmentFields => new()
    {
        // property, value, field named, part of the rule
        { "OrganizationRid", "1234567", "OrganizationRid", "8 letters or digits" },
        { "OrganizationRid", "1234567!", "OrganizationRid", "8 letters or digits" },
        { "OrganizationRid", "123456789", "OrganizationRid", "8 letters or digits" },
        { "OrganizationRid", null, "OrganizationRid", "is required" },
        { "OrganizationAccount", "0312345678", "OrganizationAccount", "11 letters or digits" },
        { "OrganizationAccount", "03123-45678", "OrganizationAccount", "11 letters or digits" },
        { "OrganizationName", " ", "OrganizationName", "is required" },
        { "OrganizationName", new string('я', 2001), "OrganizationName", "at most 2000" },
        { "OrganizationInn", "7707083894", "OrganizationInn", "checksum" },
        { "OrganizationInn", "500100732259", "OrganizationInn", "10 digits" },
        { "OrganizationInn", null, "OrganizationInn", "is required" },
        { "OrganizationKpp", "77360100", "OrganizationKpp", "9" },
        { "OrganizationKpp", "", "OrganizationKpp", "is required" },
        { "MspCode", "123", "MspCode", "must be 4 digits" },
        { "MspCode", "12a4", "MspCode", "must be 4 digits" },
        { "MspCode", null, "MspCode", "is required" },
        { "LmspCode", "1234567890123456789", "LmspCode", "must be 20 characters" },
        { "LmspCode", "123456789012345678901", "LmspCode", "must be 20 characters" },
        { "BudgetaryClassificationCode", "1234567890123456789", "BudgetaryClassificationCode", "must be 20 digits" },
        { "BudgetaryClassificationCode", "1234567890123456789X", "BudgetaryClassificationCode", "must be 20 digits" },
        { "BudgetaryClassificationCode", null, "BudgetaryClassificationCode", "is required" },
        { "NationalPaymentInstrument", "2200 1234 5678 901", "NationalPaymentInstrument", "16 to 19 digits" },
        { "NationalPaymentInstrument", "2200 1234 5678 9012 3456", "NationalPaymentInstrument", "16 to 19 digits" },
        { "NationalPaymentInstrument", "2200 1234 5678 90I2", "NationalPaymentInstrument", "16 to 19 digits" },
        { "NationalPaymentInstrument", null, "NationalPaymentInstrument", "is required" },
        { "Snils", null, "Snils", "is required" },
        { "PhoneNumber", "", "PhoneNumber", "is required" },
        { "CertificateType", null, "CertificateType", "is required" },
        { "Program", " ", "Program", "is required" },
    };

    [Theory]
    [MemberData(nameof(BadAssignmentFields))]
    public void Each_bad_field_is_reported_by_name(string property, string? value, string field, string rule)
    {
        var record = Assignment();
        typeof(ElectronicCertificateAssignment).GetProperty(property)!.SetValue(record, value);

        var result = record.Validate();

        var error = Single(result, field);
        Assert.Contains(rule, error.Rule);
        Assert.Throws<InvalidOperationException>(() => WriteJson(record, 1));
    }

    [Theory]
    [InlineData("АБВГДЕЁЖ")]
    [InlineData("abcdEFGH")]
    [InlineData("12Ф4я6Z8")]
    public void Rid_takes_cyrillic_and_latin_letters(string rid)
    {
        var record = Assignment();
        record.OrganizationRid = rid;
        Valid(record);
    }

    [Fact]
    public void Optional_lmsp_code_of_20_characters_is_accepted()
    {
        var record = Assignment();
        record.LmspCode = "ЛМСЗ-0000000000000001";
        Assert.Equal(21, record.LmspCode.Length);
        Assert.Equal("LmspCode", Assert.Single(record.Validate().Errors).Field);
        record.LmspCode = "ЛМСЗ0000000000000001";
        Valid(record);
        record.LmspCode = null;
        Valid(record);
    }

    [Theory]
    [InlineData("2200123456789012")]    // 16
    [InlineData("22001234567890123")]   // 17
    [InlineData("2200-1234-5678-9012-345")] // 19 with hyphens
    public void Card_of_16_to_19_digits_is_accepted_without_separators(string card)
    {
        var record = Assignment();
        record.NationalPaymentInstrument = card;
        Valid(record);
        Assert.Equal(card.Replace("-", "").Replace(" ", ""), record.NationalPaymentInstrument);
    }

    [Fact]
    public void Dates_are_required_and_end_must_follow_start()
    {
        var record = Assignment();
        record.StartDate = null;
        record.EndDate = null;
        var errors = record.Validate().Errors;
        Assert.Equal(new[] { "StartDate", "EndDate" }, errors.Select(e => e.Field));
        Assert.All(errors, e => Assert.Equal("is required", e.Rule));

        record = Assignment();
        record.EndDate = record.StartDate;
        var equal = Single(record.Validate(), "EndDate");
        Assert.Contains("later than StartDate", equal.Rule);

        record = Assignment();
        record.EndDate = record.StartDate!.Value.AddDays(-1);
        Single(record.Validate(), "EndDate");

        record = Assignment();
        record.EndDate = record.StartDate!.Value.AddSeconds(1);
        Valid(record);
    }

    [Fact]
    public void At_least_one_good_is_required()
    {
        var record = Assignment();
        record.GoodsWorksServices.Clear();
        var error = Single(record.Validate(), "GoodsWorksServices");
        Assert.Contains("at least one", error.Rule);
    }

    [Theory]
    [InlineData("12345678901234", "GoodsWorksServices[1].code", "15 to 30")]          // 14
    [InlineData("1234567890123456789012345678901", "GoodsWorksServices[1].code", "15 to 30")] // 31
    [InlineData(null, "GoodsWorksServices[1].code", "is required")]
    public void Goods_code_is_15_to_30_characters(string? code, string field, string rule)
    {
        var record = Assignment();
        record.GoodsWorksServices.Add(new GoodsWorkService { Code = code, Name = "Слуховой аппарат" });
        var error = Single(record.Validate(), field);
        Assert.Contains(rule, error.Rule);
    }

    [Fact]
    public void Goods_codes_of_15_and_30_characters_are_accepted_and_name_is_required()
    {
        var record = Assignment();
        record.GoodsWorksServices.Add(new GoodsWorkService { Code = new string('1', 15), Name = "a" });
        record.GoodsWorksServices.Add(new GoodsWorkService { Code = new string('2', 30), Name = "b" });
        Valid(record);

        record.GoodsWorksServices[2].Name = "  ";
        var error = Single(record.Validate(), "GoodsWorksServices[2].name");
        Assert.Equal("is required", error.Rule);
    }

    /// <summary>
    /// Which amounts each type carries: certificateAmount, certificateQuantity, goods maxAmount, goods quantity
    /// (seed 002: «Заполняется для … Не заполняется для …»).
    /// </summary>
    [Theory]
    [InlineData("ECTP0001", false, false, true, true)]
    [InlineData("ECTP0002", true, false, false, false)]
    [InlineData("ECTP0003", true, true, true, false)]
    [InlineData("ECTP0004", true, false, false, true)]
    public void Certificate_type_decides_which_amounts_are_required_and_which_forbidden(string type, bool amount, bool quantity, bool maxAmount, bool goodQuantity)
    {
        var wanted = new[] { amount, quantity, maxAmount, goodQuantity };
        var fields = new[] { "CertificateAmount", "CertificateQuantity", "GoodsWorksServices[0].maxAmount", "GoodsWorksServices[0].quantity" };

        ElectronicCertificateAssignment Make(bool[] present)
        {
            var record = Assignment();
            record.CertificateType = type;
            record.CertificateAmount = present[0] ? 100_000 : null;
            record.CertificateQuantity = present[1] ? 5 : null;
            record.GoodsWorksServices[0].MaxAmount = present[2] ? 20_000 : null;
            record.GoodsWorksServices[0].Quantity = present[3] ? 5 : null;
            return record;
        }

        Valid(Make(wanted));
        var normalised = "ЕСТР000" + type[^1];
        for (var i = 0; i < 4; i++)
        {
            var flipped = (bool[])wanted.Clone();
            flipped[i] = !flipped[i];
            var error = Single(Make(flipped).Validate(), fields[i]);
            Assert.Equal((wanted[i] ? "is required for certificate type " : "must be empty for certificate type ") + normalised, error.Rule);
        }
    }

    [Fact]
    public void Amount_ranges_are_checked()
    {
        var record = Assignment();
        record.CertificateAmount = 0;
        Assert.Contains("between 1 and 999999999999", Single(record.Validate(), "CertificateAmount").Rule);
        record.CertificateAmount = 1_000_000_000_000;
        Single(record.Validate(), "CertificateAmount");
        record.CertificateAmount = 999_999_999_999;
        Valid(record);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(100, true)]
    [InlineData(101, false)]
    [InlineData(-5, false)]
    public void Record_id_is_1_to_100(int id, bool valid)
    {
        foreach (var record in new ElectronicCertificateRecord[] { Assignment(), Change(), Blocking() })
        {
            record.RecordId = id;
            var result = record.Validate();
            if (valid) Assert.True(result.IsValid, result.ToString());
            else Assert.Contains("between 1 and 100", Single(result, "RecordId").Rule);
        }
    }

    [Fact]
    public void All_errors_of_a_record_are_reported_at_once()
    {
        var record = Assignment();
        record.RecordId = 0;
        record.Snils = "11223344596";
        record.PhoneNumber = "123";
        record.OrganizationRid = "1";
        record.OrganizationInn = "7707083894";
        record.MspCode = "1";
        record.BudgetaryClassificationCode = "1";
        record.EndDate = record.StartDate;
        record.NationalPaymentInstrument = "1";
        record.CertificateAmount = null; // required for ЕСТР0002
        record.GoodsWorksServices[0].Code = "short";

        var fields = record.Validate().Errors.Select(e => e.Field).ToArray();

        Assert.Equal(new[]
        {
            "RecordId", "Snils", "PhoneNumber", "OrganizationRid", "OrganizationInn", "MspCode", "BudgetaryClassificationCode",
            "EndDate", "NationalPaymentInstrument", "GoodsWorksServices[0].code", "CertificateAmount",
        }, fields);
    }

    [Fact]
    public void Validating_again_reports_the_same_errors()
    {
        var record = Assignment();
        record.Snils = "11223344596";
        record.CertificateType = "ECTP0009";
        var first = record.Validate().Errors.Select(e => e.Message).ToArray();
        var second = record.Validate().Errors.Select(e => e.Message).ToArray();
        Assert.Equal(first, second);
        Assert.Contains(first, m => m.StartsWith("Snils 11223344596", StringComparison.Ordinal));
    }

    // ---- ec-edit ----

    [Fact]
    public void Change_needs_at_least_one_of_snils_phone_or_card()
    {
        var record = Change();
        record.PhoneNumber = null;
        var error = Single(record.Validate(), "Snils");
        Assert.Contains("at least one of Snils, PhoneNumber or NationalPaymentInstrument", error.Rule);

        record.NationalPaymentInstrument = "2200 1234 5678 9012";
        Valid(record);
        Assert.Equal("2200123456789012", record.NationalPaymentInstrument);
    }

    [Fact]
    public void Change_reports_the_missing_change_together_with_other_errors()
    {
        var record = new ElectronicCertificateChange { FactAssignmentUuid = "not-a-uuid", CertificateNumber = "123" };
        var fields = record.Validate().Errors.Select(e => e.Field).ToArray();
        Assert.Equal(new[] { "FactAssignmentUuid", "CertificateNumber", "Snils" }, fields);
    }

    [Fact]
    public void Change_with_an_invalid_snils_reports_the_snils_not_a_missing_change()
    {
        var record = Change();
        record.PhoneNumber = null;
        record.Snils = "112-233-445 96";
        var error = Single(record.Validate(), "Snils");
        Assert.Contains("checksum", error.Rule);
    }

    [Fact]
    public void Change_normalises_snils_phone_and_card()
    {
        var record = Change();
        record.Snils = "112-233-445 95";
        record.NationalPaymentInstrument = "2200 1234 5678 9012 345";
        Valid(record);
        Assert.Equal("11223344595", record.Snils);
        Assert.Equal("9104560011", record.PhoneNumber);
        Assert.Equal("2200123456789012345", record.NationalPaymentInstrument);
    }

    [Theory]
    [InlineData("1234567890123456789012345", true)]
    [InlineData("123456789012345678901234", false)]
    [InlineData("12345678901234567890123456", false)]
    [InlineData("123456789012345678901234X", false)]
    public void Certificate_number_is_25_digits(string number, bool valid)
    {
        foreach (var record in new ElectronicCertificateRecord[] { Change(), Blocking() })
        {
            record.GetType().GetProperty("CertificateNumber")!.SetValue(record, number);
            var result = record.Validate();
            if (valid) Assert.True(result.IsValid, result.ToString());
            else Assert.Equal("must be 25 digits", Single(result, "CertificateNumber").Rule);
        }
    }

    [Theory]
    [InlineData("3f2504e0-4f89-41d3-9a0c-0305e82c3301", true)]  // version 4, variant 9
    [InlineData("3f2504e0-4f89-31d3-8a0c-0305e82c3301", true)]  // version 3, variant 8
    [InlineData("3F2504E0-4F89-41D3-BA0C-0305E82C3301", false)] // variant B: the spec's [89ab] is lower case
    [InlineData("3F2504E0-4F89-41D3-aA0C-0305E82C3301", true)]  // hex digits elsewhere may be upper case
    [InlineData("3f2504e0-4f89-11d3-9a0c-0305e82c3301", false)] // version 1
    [InlineData("3f2504e0-4f89-51d3-9a0c-0305e82c3301", false)] // version 5
    [InlineData("3f2504e0-4f89-41d3-ca0c-0305e82c3301", false)] // variant c
    [InlineData("3f2504e0-4f89-41d3-7a0c-0305e82c3301", false)] // variant 7
    [InlineData("3f2504e04f8941d39a0c0305e82c3301", false)]     // no hyphens
    [InlineData("{3f2504e0-4f89-41d3-9a0c-0305e82c3301}", false)]
    public void Fact_assignment_uuid_follows_the_specs_pattern(string uuid, bool valid)
    {
        foreach (var record in new ElectronicCertificateRecord[] { Change(), Blocking() })
        {
            record.GetType().GetProperty("FactAssignmentUuid")!.SetValue(record, uuid);
            var result = record.Validate();
            if (valid) Assert.True(result.IsValid, result.ToString());
            else Assert.Contains("UUID (version 3 or 4)", Single(result, "FactAssignmentUuid").Rule);
        }
    }

    // ---- ec-block ----

    [Theory]
    [InlineData("ECBR0001", "E\u0421\u0412R0001")]
    [InlineData("ecbr0002", "E\u0421\u0412R0002")]
    [InlineData("\u0415\u0421\u0412R0003", "E\u0421\u0412R0003")] // Cyrillic Е
    [InlineData("E\u0421\u0412R9010", "E\u0421\u0412R9010")]      // the spec's own spelling
    [InlineData("EC\u0412R9011", "E\u0421\u0412R9011")]
    public void Block_reason_is_sent_in_the_specs_mixed_spelling(string typed, string expected)
    {
        var record = Blocking();
        record.BlockReason = typed;
        Valid(record);
        Assert.Equal(expected, record.BlockReason);
        Assert.Equal("0045 0421 0412 0052", Codes(record.BlockReason!.Substring(0, 4)));
    }

    [Theory]
    [InlineData("ECBR0006")]
    [InlineData("ECSR0001")]
    [InlineData("0001")]
    public void Unknown_block_reason_is_rejected_listing_the_allowed_ones(string typed)
    {
        var record = Blocking();
        record.BlockReason = typed;
        var error = Single(record.Validate(), "BlockReason");
        Assert.StartsWith("must be one of " + Block1 + ", E\u0421\u0412R0002", error.Rule);
        Assert.EndsWith("E\u0421\u0412R9011", error.Rule);
    }

    [Fact]
    public void Blocking_reports_all_missing_fields()
    {
        var fields = new ElectronicCertificateBlocking().Validate().Errors.Select(e => (e.Field, e.Rule)).ToArray();
        Assert.Equal(new[] { ("FactAssignmentUuid", "is required"), ("CertificateNumber", "is required"), ("BlockReason", "is required") }, fields);
    }
}
