using System.Text.Json;
using GosApi.Json;
using GosApi.Uc.Models;
using Xunit;
using static GosApi.Core.Tests.Uc.UcTestData;

namespace GosApi.Core.Tests.Uc;

/// <summary>UcRequestInfo: the seed's rules per request type, checksums, normalisation, and the wire names.</summary>
public class RequestInfoTests
{
    [Theory]
    [InlineData(UcApplicantType.Person)]
    [InlineData(UcApplicantType.Entrepreneur)]
    [InlineData(UcApplicantType.LegalEntity)]
    public void A_complete_request_of_each_type_is_valid(UcApplicantType type)
    {
        var result = Of(type).Validate();
        Assert.True(result.IsValid, result.ToString());
    }

    [Theory]
    [InlineData(UcApplicantType.Person)]
    [InlineData(UcApplicantType.Entrepreneur)]
    [InlineData(UcApplicantType.LegalEntity)]
    public void Fields_every_type_needs_are_named_when_missing(UcApplicantType type)
    {
        var info = Of(type);
        info.LastName = " ";
        info.FirstName = null;
        info.Gender = null;
        info.Snils = null;
        info.PassportSerial = null;
        info.PassportNumber = null;
        info.PassportCode = null;
        info.PassportDate = null;
        info.PassportDivision = "";
        info.Inn = null;
        var result = info.Validate();
        HasError(result, "LastName", "is required");
        HasError(result, "FirstName", "is required");
        HasError(result, "Gender", "is required (M, F or U)");
        HasError(result, "Snils", "is required");
        HasError(result, "PassportSerial", "must not be empty");
        HasError(result, "PassportNumber", "must not be empty");
        HasError(result, "PassportCode", "is required");
        HasError(result, "PassportDate", "is required");
        HasError(result, "PassportDivision", "is required");
        HasError(result, "Inn", "is required");
    }

    [Fact]
    public void Legal_entity_needs_its_organisation_fields()
    {
        var info = LegalEntity();
        info.Ogrn = null;
        info.Kpp = null;
        info.Company = null;
        info.CompanyFull = null;
        info.Position = null;
        info.HeadLastName = null;
        info.HeadFirstName = null;
        var result = info.Validate();
        HasError(result, "Ogrn", "is required for a legal entity (type 3)");
        HasError(result, "Kpp", "is required for a legal entity (type 3)");
        foreach (var field in new[] { "Company", "CompanyFull", "Position", "HeadLastName", "HeadFirstName" }) HasError(result, field, "is required");
        Assert.Equal(7, result.Errors.Count);
        // …which a person does not need
        Assert.True(Person().Validate().IsValid);
    }

    [Fact]
    public void Entrepreneur_needs_an_ogrnip_with_a_valid_checksum()
    {
        var info = Entrepreneur();
        info.Ogrnip = null;
        HasError(info.Validate(), "Ogrnip", "is required for an entrepreneur (type 2)");
        info.Ogrnip = "304500116000158";
        HasError(info.Validate(), "Ogrnip", "checksum is 8, expected 7");
        info.Ogrnip = " " + Ogrnip + " ";
        Assert.True(info.Validate().IsValid);
        Assert.Equal(Ogrnip, info.Ogrnip);
    }

    [Fact]
    public void Entrepreneur_ogrnip_may_come_in_the_ogrn_field()
    {
        var info = Entrepreneur();
        info.Ogrnip = null;
        info.Ogrn = Ogrnip; // 15 digits: the spec allows the OGRNIP in ogrn
        var result = info.Validate();
        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(Ogrnip, info.Ogrnip);
        Assert.Equal(Ogrnip, Parse(info.ToJson().ToJsonString()).GetProperty("ogrnip").GetString());

        var bad = Entrepreneur();
        bad.Ogrnip = null;
        bad.Ogrn = "304500116000158";
        HasError(bad.Validate(), "Ogrnip", "checksum is 8, expected 7");

        var thirteen = Entrepreneur();
        thirteen.Ogrnip = null;
        thirteen.Ogrn = Ogrn; // an OGRN is not an OGRNIP
        HasError(thirteen.Validate(), "Ogrnip", "is required");
    }

    [Theory]
    [InlineData("M", "M")]
    [InlineData("М", "M")] // Cyrillic
    [InlineData("м", "M")]
    [InlineData("f", "F")]
    [InlineData(" U ", "U")]
    public void Gender_is_M_F_or_U_and_a_cyrillic_M_is_read_as_latin(string given, string sent)
    {
        var info = Person();
        info.Gender = given;
        Assert.True(info.Validate().IsValid);
        Assert.Equal(sent, info.Gender);
        Assert.Equal(sent, Parse(info.ToJson().ToJsonString()).GetProperty("gender").GetString());
    }

    [Theory]
    [InlineData("Ж")]
    [InlineData("X")]
    [InlineData("male")]
    public void Other_genders_are_refused(string given)
    {
        var info = Person();
        info.Gender = given;
        HasError(info.Validate(), "Gender", "must be M, F or U");
    }

    [Fact]
    public void Snils_checksum_is_checked_and_the_printed_form_is_normalised()
    {
        var info = Person();
        info.Snils = "112-233-445 96";
        HasError(info.Validate(), "Snils", "checksum is 96, expected 95");
        info.Snils = "112-233-445 95";
        Assert.True(info.Validate().IsValid);
        Assert.Equal(Snils, info.Snils);
        Assert.Equal(Snils, Parse(info.ToJson().ToJsonString()).GetProperty("snils").GetString());
    }

    [Theory]
    [InlineData(UcApplicantType.Person)]
    [InlineData(UcApplicantType.Entrepreneur)]
    public void A_person_or_entrepreneur_inn_is_12_digits_with_checksums(UcApplicantType type)
    {
        var info = Of(type);
        info.Inn = "500100732258";
        HasError(info.Validate(), "Inn", "checksum");
        info.Inn = LegalInn;
        HasError(info.Validate(), "Inn", "must be 12 digits (person or sole proprietor), got 10");
    }

    [Fact]
    public void A_legal_entity_inn_is_10_digits_and_the_applicant_inn_is_a_person_inn()
    {
        var info = LegalEntity();
        info.Inn = PersonInn;
        HasError(info.Validate(), "Inn", "must be 10 digits (legal entity), got 12");
        info.Inn = "7707083894";
        HasError(info.Validate(), "Inn", "checksum is 4, expected 3");
        info.Inn = LegalInn;

        info.PersonInn = LegalInn;
        HasError(info.Validate(), "PersonInn", "must be 12 digits (person or sole proprietor), got 10");
        info.PersonInn = "500100732258";
        HasError(info.Validate(), "PersonInn", "checksum");
        info.PersonInn = null; // optional
        Assert.True(info.Validate().IsValid);
    }

    [Fact]
    public void Legal_entity_ogrn_and_kpp_are_checked()
    {
        var info = LegalEntity();
        info.Ogrn = "1027700132194";
        info.Kpp = "77360100";
        var result = info.Validate();
        HasError(result, "Ogrn", "checksum is 4, expected 5");
        HasError(result, "Kpp", "must be 9 characters, got 8");
        Assert.Equal(2, result.Errors.Count);
    }

    [Theory]
    [InlineData("520000", "520-000")]
    [InlineData("520-000", "520-000")]
    [InlineData("520 000", "520-000")]
    [InlineData(" 520 000 ", "520-000")]
    public void Division_code_in_any_of_the_three_forms_is_sent_as_XXX_XXX(string given, string sent)
    {
        var info = Person();
        info.PassportCode = given;
        var result = info.Validate();
        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(sent, info.PassportCode);
        Assert.Equal(sent, Parse(info.ToJson().ToJsonString()).GetProperty("passportCode").GetString());
    }

    [Theory]
    [InlineData("52000")]
    [InlineData("5200000")]
    [InlineData("52-0000")]
    [InlineData("код 520000")]
    [InlineData("520_000")]
    public void Other_division_codes_are_refused(string given)
    {
        var info = Person();
        info.PassportCode = given;
        HasError(info.Validate(), "PassportCode", "must be 6 digits, as 520-000");
    }

    [Fact]
    public void Passport_series_and_number_are_4_and_6_digits()
    {
        var info = Person();
        info.PassportSerial = "22 10";
        info.PassportNumber = " 123123 ";
        Assert.True(info.Validate().IsValid);
        Assert.Equal(("2210", "123123"), (info.PassportSerial, info.PassportNumber));

        info.PassportSerial = "221";
        info.PassportNumber = "12312a";
        var result = info.Validate();
        HasError(result, "PassportSerial", "must be 4 digits, got 3");
        HasError(result, "PassportNumber", "must contain digits only");
    }

    [Fact]
    public void Email_is_checked_when_given()
    {
        var info = Person();
        info.Email = "foster06bk.ru";
        HasError(info.Validate(), "Email", "must be an e-mail address");
        info.Email = null;
        Assert.True(info.Validate().IsValid);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(2, false)]
    [InlineData(-1, false)]
    public void Identification_kind_is_0_or_1(int kind, bool valid)
    {
        var info = Person();
        info.IdentificationKind = kind;
        var result = info.Validate();
        if (valid) Assert.True(result.IsValid, result.ToString());
        else HasError(result, "IdentificationKind", "must be 0 (лично) or 1 (по действующей ЭП)");
    }

    [Fact]
    public void Other_rules_type_products_and_for_info_sys()
    {
        var info = Person();
        info.Type = (UcApplicantType)4;
        HasError(info.Validate(), "Type", "must be 1 (ФЛ), 2 (ИП) or 3 (ЮЛ)");

        info = Person();
        info.Products.AddRange(new[] { 3, 0 });
        HasError(info.Validate(), "Products", "positive");

        info = Person();
        info.ForInfoSys = true;
        HasError(info.Validate(), "ForInfoSys", "only for ИП and ЮЛ");
        var legal = LegalEntity();
        legal.ForInfoSys = true;
        Assert.True(legal.Validate().IsValid);
    }

    // The seed's table: SNILS, INNFL and MVD for every type; EGRIP only for ИП, EGRUL only for ЮЛ.
    [Theory]
    [InlineData(UcApplicantType.Person, "IdSmevSNILS", true)]
    [InlineData(UcApplicantType.Person, "IdSmevINNFL", true)]
    [InlineData(UcApplicantType.Person, "IdSmevMvd", true)]
    [InlineData(UcApplicantType.Person, "IdSmevEGRIP", false)]
    [InlineData(UcApplicantType.Person, "IdSmevEGRUL", false)]
    [InlineData(UcApplicantType.Entrepreneur, "IdSmevSNILS", true)]
    [InlineData(UcApplicantType.Entrepreneur, "IdSmevINNFL", true)]
    [InlineData(UcApplicantType.Entrepreneur, "IdSmevMvd", true)]
    [InlineData(UcApplicantType.Entrepreneur, "IdSmevEGRIP", true)]
    [InlineData(UcApplicantType.Entrepreneur, "IdSmevEGRUL", false)]
    [InlineData(UcApplicantType.LegalEntity, "IdSmevSNILS", true)]
    [InlineData(UcApplicantType.LegalEntity, "IdSmevINNFL", true)]
    [InlineData(UcApplicantType.LegalEntity, "IdSmevMvd", true)]
    [InlineData(UcApplicantType.LegalEntity, "IdSmevEGRIP", false)]
    [InlineData(UcApplicantType.LegalEntity, "IdSmevEGRUL", true)]
    public void Smev_check_ids_follow_the_seed_table(UcApplicantType type, string member, bool allowed)
    {
        var info = Of(type);
        switch (member)
        {
            case "IdSmevSNILS": info.IdSmevSnils = 101; break;
            case "IdSmevINNFL": info.IdSmevInnFl = 102; break;
            case "IdSmevMvd": info.IdSmevMvd = 103; break;
            case "IdSmevEGRIP": info.IdSmevEgrip = 104; break;
            case "IdSmevEGRUL": info.IdSmevEgrul = 105; break;
        }
        var result = info.Validate();
        if (allowed)
        {
            Assert.True(result.IsValid, result.ToString());
            var json = Parse(info.ToJson().ToJsonString());
            Assert.Equal(JsonValueKind.Number, json.GetProperty(member).ValueKind);
        }
        else
        {
            HasError(result, member, member == "IdSmevEGRIP" ? "goes only with an entrepreneur (type 2)" : "goes only with a legal entity (type 3)");
        }
    }

    private static readonly string[] SpecNames =
    {
        "firstName", "middleName", "lastName", "company", "companyFull", "position", "department", "passportSerial", "passportNumber",
        "passportDate", "passportCode", "passportDivision", "gender", "birthDate", "inn", "personInn", "ogrn", "ogrnip", "kpp", "snils",
        "email", "phone", "companyPhone", "region", "city", "address", "index", "regionLaw", "cityLaw", "addressLaw", "headLastName",
        "headFirstName", "headMiddleName", "headPosition", "type", "products", "offerJoining", "identificationKind", "forInfoSys",
        "basisOfActs", "managerComment", "countryId", "IdSmevSNILS", "IdSmevINNFL", "IdSmevMvd", "IdSmevEGRIP", "IdSmevEGRUL",
    };

    [Fact]
    public void Person_json_has_the_spec_member_names_and_formats()
    {
        var info = Person();
        info.Products.AddRange(new[] { 3, 4 });
        info.IdSmevSnils = 11;
        info.IdSmevInnFl = 12;
        info.IdSmevMvd = 13;
        info.BasisOfActs = "устава";
        Assert.True(info.Validate().IsValid);
        var json = Parse(info.ToJson().ToJsonString());

        var names = json.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.All(names, n => Assert.Contains(n, SpecNames));
        Assert.Equal(names.Length, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal("Акакий", json.GetProperty("firstName").GetString());
        Assert.Equal("Валентинович", json.GetProperty("middleName").GetString());
        Assert.Equal("Петров", json.GetProperty("lastName").GetString());
        Assert.Equal("2210", json.GetProperty("passportSerial").GetString());
        Assert.Equal("123123", json.GetProperty("passportNumber").GetString());
        Assert.Equal("20.02.2011", json.GetProperty("passportDate").GetString());
        Assert.Equal("02.09.1990", json.GetProperty("birthDate").GetString());
        Assert.Equal("ОВД 1", json.GetProperty("passportDivision").GetString());
        Assert.Equal(PersonInn, json.GetProperty("inn").GetString());
        Assert.Equal("52", json.GetProperty("region").GetString()); // a string, as the spec's create example writes it
        Assert.Equal(1, json.GetProperty("type").GetInt32());
        Assert.Equal(new[] { 3, 4 }, json.GetProperty("products").EnumerateArray().Select(p => p.GetInt32()));
        Assert.True(json.GetProperty("offerJoining").GetBoolean());
        Assert.Equal(0, json.GetProperty("identificationKind").GetInt32());
        Assert.Equal(11, json.GetProperty("IdSmevSNILS").GetInt64());
        Assert.Equal(12, json.GetProperty("IdSmevINNFL").GetInt64());
        Assert.Equal(13, json.GetProperty("IdSmevMvd").GetInt64());
        Assert.Equal("устава", json.GetProperty("basisOfActs").GetString());
        // nothing the user left empty is sent
        Assert.False(json.TryGetProperty("personInn", out _));
        Assert.False(json.TryGetProperty("company", out _));
        Assert.False(json.TryGetProperty("forInfoSys", out _));
    }

    [Fact]
    public void Legal_entity_json_carries_the_organisation_and_the_applicant_inn()
    {
        var info = LegalEntity();
        info.RegionLaw = 77;
        info.CityLaw = "Москва";
        info.AddressLaw = "Тверская, 1";
        info.Index = "125009";
        info.HeadPosition = "Генеральный директор";
        info.ForInfoSys = false;
        info.IdSmevEgrul = 55;
        Assert.True(info.Validate().IsValid);
        var json = Parse(info.ToJson().ToJsonString());
        Assert.All(json.EnumerateObject(), p => Assert.Contains(p.Name, SpecNames));
        Assert.Equal(3, json.GetProperty("type").GetInt32());
        Assert.Equal(LegalInn, json.GetProperty("inn").GetString());
        Assert.Equal(PersonInn, json.GetProperty("personInn").GetString());
        Assert.Equal(Ogrn, json.GetProperty("ogrn").GetString());
        Assert.Equal(Kpp, json.GetProperty("kpp").GetString());
        Assert.Equal("ООО \"Ромашка\"", json.GetProperty("company").GetString());
        Assert.Equal("Директор", json.GetProperty("position").GetString());
        Assert.Equal("Петров", json.GetProperty("headLastName").GetString());
        Assert.Equal(77, json.GetProperty("regionLaw").GetInt32());
        Assert.Equal("Москва", json.GetProperty("cityLaw").GetString());
        Assert.Equal("125009", json.GetProperty("index").GetString());
        Assert.Equal("Генеральный директор", json.GetProperty("headPosition").GetString());
        Assert.False(json.GetProperty("forInfoSys").GetBoolean());
        Assert.Equal(55, json.GetProperty("IdSmevEGRUL").GetInt64());
    }

    [Fact]
    public void FromJson_reads_the_spec_list_example()
    {
        var element = Parse(ListAnswer).GetProperty("info")[0];
        var info = UcRequestInfo.FromJson(element);
        Assert.Equal(UcApplicantType.Person, info.Type);
        Assert.Equal("Петров Николай Валентинович", info.FullName);
        Assert.Equal("М", info.Gender);
        Assert.Equal(new DateTime(2011, 2, 20), info.PassportDate);
        Assert.Null(info.BirthDate);
        Assert.Equal("520-000", info.PassportCode);
        Assert.Equal("07683358608", info.Snils);
        Assert.Equal("50181041181523", info.PersonInn);
        Assert.Equal("ООО \"Ромашка\"", info.Company);
        Assert.Equal("Развитие международных отношений", info.Department);
        Assert.Equal(52, info.Region);
        Assert.Null(info.RegionLaw);
        Assert.Null(info.HeadFirstName);
        Assert.True(info.OfferJoining);
        Assert.Equal(new[] { 254 }, info.Products);
        Assert.Equal(0, info.IdentificationKind);
    }

    [Fact]
    public void FromJson_reads_the_spec_view_example()
    {
        var info = UcRequestInfo.FromJson(Parse(ViewAnswer).GetProperty("info"));
        Assert.Equal(UcApplicantType.LegalEntity, info.Type);
        Assert.Equal("Гармаев Николай Данилович", info.FullName);
        Assert.Equal("7524012415", info.Inn);
        Assert.Equal("415291390574", info.PersonInn);
        Assert.Equal("105752401869400", info.Ogrnip);
        Assert.Equal("Администрация Сельского Поселения \"СОХОНДИНСКОЕ\"", info.Company);
        Assert.Equal(new DateTime(2020, 1, 13), info.BirthDate);
        Assert.Equal(75, info.Region);
        Assert.Equal(0, info.RegionLaw);
        Assert.False(info.OfferJoining);
        Assert.Null(info.ForInfoSys);
        Assert.Equal(new[] { 3, 4 }, info.Products);
        Assert.Equal("Центральная ул, дом 53А", info.Address);
    }

    [Fact]
    public void What_FromJson_reads_goes_back_out_with_the_same_values()
    {
        var original = LegalEntity();
        original.Products.Add(7);
        original.Validate().ThrowIfInvalid();
        var first = original.ToJson().ToJsonString();
        var again = UcRequestInfo.FromJson(Parse(first));
        Assert.Equal(first, again.ToJson().ToJsonString());
    }
}
