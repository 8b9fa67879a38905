using GosApi.FnsMobileSign.Models;
using GosApi.FnsMobileSign.Requests;
using GosApi.Validation;
using Xunit;
using static GosApi.Core.Tests.FnsMobileSign.FnsTestData;

namespace GosApi.Core.Tests.FnsMobileSign;

/// <summary>Every request block of seed 003 is checked before sending, and each problem names the field and the rule.</summary>
public class RequestValidationTests
{
    private static ValidationResult Register(Action<FnsPersonData> change)
    {
        var request = Registration();
        change(request.Person!);
        return request.Validate();
    }

    [Fact]
    public void A_valid_registration_passes_and_is_normalised_to_the_spec_formats()
    {
        var request = Registration();
        var result = request.Validate();
        Assert.True(result.IsValid, result.ToString());
        var person = request.Person!;
        Assert.Equal("\u041C", person.Gender); // Cyrillic М for the Latin M typed
        Assert.Equal(ValidSnils, person.Snils);
        Assert.Equal("79005863454", person.Phone);
        Assert.Equal("permanent", person.Address.Type);
    }

    [Theory]
    [InlineData("+7 (900) 586-34-54")]
    [InlineData("89005863454")]
    [InlineData("8 900 586 34 54")]
    [InlineData("79005863454")]
    [InlineData("9005863454")]
    public void Phones_are_normalised_to_7_and_ten_digits(string typed)
    {
        var request = Registration();
        request.Person!.Phone = typed;
        Assert.True(request.Validate().IsValid);
        Assert.Equal("79005863454", request.Person.Phone);
    }

    [Theory]
    [InlineData("+7 900 586 34 5", "must contain digits only")]
    [InlineData("790058634", "must be 11 digits starting with 7, got 9")]
    [InlineData("19005863454", "must start with 7")]
    [InlineData("tel:79005863454", "must contain digits only")]
    [InlineData("", "is required")]
    public void Bad_phones_are_named(string typed, string rule) =>
        HasError(Register(p => p.Phone = typed), "Person.Phone", rule);

    [Theory]
    [InlineData("m", "\u041C")]
    [InlineData("\u041C", "\u041C")]
    [InlineData("\u043C", "\u041C")] // lower-case Cyrillic м
    [InlineData("F", "F")]
    [InlineData("f", "F")]
    [InlineData("\u0416", "F")] // Ж
    public void Gender_is_written_as_the_spec_spells_it(string typed, string sent)
    {
        var request = Registration();
        request.Person!.Gender = typed;
        Assert.True(request.Validate().IsValid);
        Assert.Equal(sent, request.Person.Gender);
    }

    [Fact]
    public void Every_field_of_the_person_is_checked_and_named()
    {
        HasError(Register(p => p.LastName = " "), "Person.LastName", "is required");
        HasError(Register(p => p.FirstName = null), "Person.FirstName", "is required");
        HasError(Register(p => p.MiddleName = ""), "Person.MiddleName", "is required");
        HasError(Register(p => p.Gender = null), "Person.Gender", "is required");
        HasError(Register(p => p.Gender = "X"), "Person.Gender", "must be М (male) or F (female)");
        HasError(Register(p => p.Birthed = null), "Person.Birthed", "is required");
        HasError(Register(p => p.Birthed = DateTime.Today.AddDays(1)), "Person.Birthed", "must be in the past");
        HasError(Register(p => p.Snils = null), "Person.Snils", "is required");
        HasError(Register(p => p.Snils = "12362931138"), "Person.Snils", "checksum is 38, expected 39");
        HasError(Register(p => p.Snils = "1236293113"), "Person.Snils", "must be 11 digits");
        HasError(Register(p => p.Inn = null), "Person.Inn", "is required");
        HasError(Register(p => p.Inn = "312324014517"), "Person.Inn", "checksum");
        HasError(Register(p => p.Inn = LegalInn), "Person.Inn", "must be 12 digits");
        HasError(Register(p => p.Citizenship = "RU"), "Person.Citizenship", "three-letter");
        HasError(Register(p => p.Address.Region = null), "Person.Address.Region", "is required");
        HasError(Register(p => p.Address.Region = "Удмуртия"), "Person.Address.Region", "numeric region code");
        HasError(Register(p => p.Address.City = " "), "Person.Address.City", "is required");
        HasError(Register(p => p.Address.Index = "42605"), "Person.Address.Index", "must be 6 digits");
        HasError(Register(p => p.Passport.Series = "123"), "Person.Passport.Series", "must be 4 digits");
        HasError(Register(p => p.Passport.Number = "56789O"), "Person.Passport.Number", "digits only");
        HasError(Register(p => p.Passport.IssueCode = "36-2391"), "Person.Passport.IssueCode", "as 520-000");
        HasError(Register(p => p.Passport.IssueCode = null), "Person.Passport.IssueCode", "must not be empty");
        HasError(Register(p => p.Passport.IssuedBy = null), "Person.Passport.IssuedBy", "is required");
        HasError(Register(p => p.Passport.Issued = null), "Person.Passport.Issued", "is required");
    }

    [Fact]
    public void Index_and_citizenship_are_optional()
    {
        var request = Registration();
        request.Person!.Address.Index = null;
        request.Person.Citizenship = null;
        Assert.True(request.Validate().IsValid);
        request.Person.Citizenship = "BLR";
        Assert.True(request.Validate().IsValid);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_and_the_exception_message_names_them()
    {
        var request = Registration();
        request.Person!.Snils = "12362931138";
        request.Person.Passport.Series = "12";
        request.Callback = new Uri("ftp://example.org/cb");
        var ex = Assert.Throws<InputValidationException>(() => request.Validate().ThrowIfInvalid());
        Assert.Contains("Person.Snils", ex.Message);
        Assert.Contains("Person.Passport.Series", ex.Message);
        Assert.Contains("Callback", ex.Message);
    }

    [Theory]
    [InlineData("362-391", "362-391")]
    [InlineData("362391", "362-391")]
    [InlineData("362 391", "362-391")]
    [InlineData(" 362-391 ", "362-391")]
    public void The_passport_issue_code_is_sent_as_NNN_NNN(string typed, string sent)
    {
        var request = Registration();
        request.Person!.Passport.IssueCode = typed;
        Assert.True(request.Validate().IsValid);
        var identity = Parse(request.ToJson(80)).GetProperty("consumer").GetProperty("identities")[0];
        Assert.Equal(sent, identity.Str("issue_code"));
    }

    [Fact]
    public void Passport_series_typed_with_a_space_is_joined()
    {
        var request = Registration();
        request.Person!.Passport.Series = "12 34";
        Assert.True(request.Validate().IsValid);
        Assert.Equal("1234", request.Person.Passport.Series);
    }

    // ---- entrepreneur and legal entity ----

    [Fact]
    public void Ogrnip_checksum_is_checked()
    {
        var request = Registration();
        request.Entrepreneur = new FnsEntrepreneurData { Ogrnip = " " + ValidOgrnip + " " };
        Assert.True(request.Validate().IsValid);
        Assert.Equal(ValidOgrnip, request.Entrepreneur.Ogrnip);

        request.Entrepreneur.Ogrnip = "321032700015431";
        HasError(request.Validate(), "Entrepreneur.Ogrnip", "checksum");
        request.Entrepreneur.Ogrnip = "32103270001543";
        HasError(request.Validate(), "Entrepreneur.Ogrnip", "15 digits");
        request.Entrepreneur.Ogrnip = null;
        HasError(request.Validate(), "Entrepreneur.Ogrnip", "is required");
    }

    [Fact]
    public void A_legal_entity_for_registration_needs_every_field()
    {
        var request = Registration();
        request.LegalEntity = LegalEntity();
        Assert.True(request.Validate().IsValid, request.Validate().ToString());

        request.LegalEntity = new FnsLegalEntityData { Inn = LegalInn };
        var result = request.Validate();
        HasError(result, "LegalEntity.Ogrn", "is required");
        HasError(result, "LegalEntity.Kpp", "is required");
        HasError(result, "LegalEntity.Name", "is required");
        HasError(result, "LegalEntity.Position", "is required");
        HasError(result, "LegalEntity.Address", "is required");

        request.LegalEntity = LegalEntity();
        request.LegalEntity.Address!.City = null;
        HasError(request.Validate(), "LegalEntity.Address.City", "is required");
    }

    [Fact]
    public void A_legal_entity_for_signing_needs_only_its_inn()
    {
        var request = Signing();
        request.LegalEntity = new FnsLegalEntityData { Inn = LegalInn };
        Assert.True(request.Validate().IsValid, request.Validate().ToString());

        request.LegalEntity.Inn = null;
        HasError(request.Validate(), "LegalEntity.Inn", "is required");
        // optional fields given are still checked
        request.LegalEntity.Inn = LegalInn;
        request.LegalEntity.Ogrn = "1193123017043";
        HasError(request.Validate(), "LegalEntity.Ogrn", "checksum");
    }

    [Fact]
    public void Legal_entity_numbers_are_checked()
    {
        var request = Registration();
        request.LegalEntity = LegalEntity();
        request.LegalEntity.Inn = "3123456449";
        HasError(request.Validate(), "LegalEntity.Inn", "checksum");
        request.LegalEntity.Inn = PersonInn;
        HasError(request.Validate(), "LegalEntity.Inn", "must be 10 digits (legal entity)");
        request.LegalEntity.Inn = LegalInn;
        request.LegalEntity.Ogrn = "1193123017041";
        HasError(request.Validate(), "LegalEntity.Ogrn", "checksum");
        request.LegalEntity.Ogrn = ValidOgrn;
        request.LegalEntity.Kpp = "77360100";
        HasError(request.Validate(), "LegalEntity.Kpp", "must be 9 characters");
    }

    // ---- workflow request per type ----

    [Fact]
    public void Identification_needs_a_person_and_no_consumer_id()
    {
        var request = new FnsWorkflowRequest { Type = FnsWorkflowType.Identification };
        HasError(request.Validate(), "Person", "is required");
        request = Registration();
        request.ConsumerId = ConsumerId;
        HasError(request.Validate(), "ConsumerId", "must be empty");
    }

    [Theory]
    [InlineData(FnsWorkflowType.CertificateIssuing)]
    [InlineData(FnsWorkflowType.Blank)]
    [InlineData(FnsWorkflowType.TlsCertificateReissuing)]
    [InlineData(FnsWorkflowType.CertificateReissuing)]
    public void Other_types_need_the_clients_uuid(FnsWorkflowType type)
    {
        var request = new FnsWorkflowRequest { Type = type };
        HasError(request.Validate(), "ConsumerId", "is required");
        request.ConsumerId = "not-a-uuid";
        HasError(request.Validate(), "ConsumerId", "must be the client's UUID");
        request.ConsumerId = ConsumerId;
        Assert.True(request.Validate().IsValid, request.Validate().ToString());
        request.Person = Person();
        HasError(request.Validate(), "Person", "only for registration");
        request.Person = null;
        request.Documents.Add(Pdf());
        HasError(request.Validate(), "Documents", "only with document signing or decryption");
    }

    [Fact]
    public void The_type_is_required() =>
        HasError(new FnsWorkflowRequest { ConsumerId = ConsumerId }.Validate(), "Type", "is required");

    [Theory]
    [InlineData(FnsWorkflowType.DocumentSigning)]
    [InlineData(FnsWorkflowType.FileDecryption)]
    public void Signing_and_decryption_need_one_to_fifty_documents(FnsWorkflowType type)
    {
        var request = new FnsWorkflowRequest { Type = type, ConsumerId = ConsumerId };
        HasError(request.Validate(), "Documents", "at least one file");
        for (var i = 0; i < 50; i++) request.Documents.Add(Pdf("doc" + i + ".pdf"));
        Assert.True(request.Validate().IsValid, request.Validate().ToString());
        request.Documents.Add(Pdf("doc50.pdf"));
        HasError(request.Validate(), "Documents", "at most 50 files");
    }

    [Fact]
    public void Documents_are_checked_one_by_one()
    {
        var request = Signing(Pdf("a.pdf"), FnsDocumentUpload.FromBytes(Array.Empty<byte>(), "empty.pdf"), Pdf(new string('я', 251)), Pdf("   "));
        var result = request.Validate();
        HasError(result, "Documents[1]", "the file is empty");
        HasError(result, "Documents[2].Title", "at most 250 characters");
        HasError(result, "Documents[3].Title", "is required");
        NoErrorOn(result, "Documents[0]");
    }

    [Fact]
    public void External_activity_needs_an_absolute_http_url()
    {
        var request = new FnsWorkflowRequest { Type = FnsWorkflowType.ExternalActivity, ConsumerId = ConsumerId };
        HasError(request.Validate(), "Url", "is required");
        request.ExternalActivityUrl = new Uri("/relative/page", UriKind.Relative);
        HasError(request.Validate(), "Url", "absolute http or https");
        request.ExternalActivityUrl = new Uri("file:///etc/passwd");
        HasError(request.Validate(), "Url", "absolute http or https");
        request.ExternalActivityUrl = new Uri("https://www.whatismybrowser.com/detect/what-http-headers-is-my-browser-sending");
        Assert.True(request.Validate().IsValid);

        var signing = Signing();
        signing.ExternalActivityUrl = new Uri("https://example.org/");
        HasError(signing.Validate(), "Url", "only with an external activity");
    }

    [Fact]
    public void External_id_callback_and_backref_are_checked()
    {
        var request = Signing();
        request.ExternalId = "12345";
        HasError(request.Validate(), "ExternalId", "must be a UUID");
        request.ExternalId = ExternalId;
        request.Callback = new Uri("ftp://example.org/cb");
        request.Backref = new Uri("/back", UriKind.Relative);
        var result = request.Validate();
        HasError(result, "Callback", "absolute http or https");
        HasError(result, "Backref", "absolute http or https");
        NoErrorOn(result, "ExternalId");
        request.Callback = new Uri("https://partner.example/cb");
        request.Backref = new Uri("http://url_customers_landing_page");
        Assert.True(request.Validate().IsValid, request.Validate().ToString());
        request.Scenario = 0;
        HasError(request.Validate(), "Scenario", "positive");
    }

    // ---- simplified signing, queries, agents, uploads ----

    [Fact]
    public void Simplified_signing_needs_inn_phone_and_documents()
    {
        var request = new FnsSimplifiedSigningRequest();
        var result = request.Validate();
        HasError(result, "Inn", "is required");
        HasError(result, "Phone", "is required");
        HasError(result, "Documents", "at least one file");

        request = new FnsSimplifiedSigningRequest { Inn = PersonInn, Phone = "8 (900) 586-34-54" };
        request.Documents.Add(Pdf("Заявление.txt"));
        Assert.True(request.Validate().IsValid, request.Validate().ToString());
        Assert.Equal("79005863454", request.Phone);
        request.Inn = LegalInn; // either kind of INN
        Assert.True(request.Validate().IsValid);
        request.Inn = "3123456440";
        HasError(request.Validate(), "Inn", "checksum");
        request.Inn = PersonInn;
        request.ExternalId = "x";
        request.Callback = new Uri("mailto:a@b.c");
        request.LegalEntity = new FnsLegalEntityData { Inn = "1" };
        result = request.Validate();
        HasError(result, "ExternalId", "must be a UUID");
        HasError(result, "Callback", "absolute http or https");
        HasError(result, "LegalEntity.Inn", "10 digits");
        request.ExternalId = null;
        request.Callback = null;
        request.LegalEntity = null;
        for (var i = 0; i < 50; i++) request.Documents.Add(Pdf("d" + i + ".txt"));
        HasError(request.Validate(), "Documents", "at most 50 files");
    }

    [Fact]
    public void Consumer_query_needs_names_and_phone_and_allows_no_middle_name_explicitly()
    {
        var query = new FnsConsumerQuery { LastName = "Тестовый", FirstName = "Тест", Phone = "+7 900 586-34-54" };
        var error = HasError(query.Validate(), "MiddleName", "is required");
        Assert.Contains("NoMiddleName", error.Rule);
        query.NoMiddleName = true;
        Assert.True(query.Validate().IsValid, query.Validate().ToString());
        Assert.Equal("79005863454", query.Phone);

        query = new FnsConsumerQuery();
        var result = query.Validate();
        HasError(result, "LastName", "is required");
        HasError(result, "FirstName", "is required");
        HasError(result, "Phone", "is required");

        query = new FnsConsumerQuery { LastName = "Т", FirstName = "Т", MiddleName = "Т", Phone = "79005863454", Snils = "11150027333", Inn = "111300627667" };
        result = query.Validate();
        HasError(result, "Snils", "checksum");
        HasError(result, "Inn", "checksum");
        query.Snils = "112-233-445 95";
        query.Inn = PersonInn;
        query.Passport = new FnsPassport { Series = "1111", Number = "1001" };
        HasError(query.Validate(), "Passport.Number", "6 digits");
        query.Passport.Number = "001001";
        Assert.True(query.Validate().IsValid, query.Validate().ToString());
        Assert.Equal("11223344595", query.Snils);
    }

    [Fact]
    public void Identification_query_needs_the_phone_and_the_snils_or_the_passport()
    {
        var query = new FnsIdentificationQuery { Phone = "79006771313" };
        HasError(query.Validate(), "Snils", "give the SNILS or the passport");
        query.Snils = "112-233-445 95";
        Assert.True(query.Validate().IsValid);
        Assert.Equal("11223344595", query.Snils);
        query = new FnsIdentificationQuery { Phone = "79006771313", Passport = new FnsPassport { Series = "8989", Number = "302919" } };
        Assert.True(query.Validate().IsValid, query.Validate().ToString());
        query.Passport.Series = "898";
        HasError(query.Validate(), "Passport.Series", "4 digits");
        query = new FnsIdentificationQuery { Snils = ValidSnils };
        HasError(query.Validate(), "Phone", "is required");
    }

    private static FnsAgentData Agent()
    {
        var agent = new FnsAgentData
        {
            Username = "agent_ivanov",
            Password = "123456qwerty",
            LastName = "Иванов",
            FirstName = "Иван",
            MiddleName = "Иванович",
            UnstructuredIdentity = "4500 023 Выдан ПВД ОВД 12.05.2011",
            Position = "оператор",
            Snils = ValidSnils,
            Phone = "79012345678",
            Company = 1,
        };
        agent.Permissions.Add("consumer_identify");
        agent.IdentificationPoints.Add(4);
        agent.IdentificationPoints.Add(1);
        return agent;
    }

    [Fact]
    public void Creating_an_agent_needs_every_required_field()
    {
        Assert.True(Agent().Validate(creating: true).IsValid, Agent().Validate(creating: true).ToString());
        var result = new FnsAgentData().Validate(creating: true);
        foreach (var field in new[] { "Username", "Password", "LastName", "FirstName", "MiddleName", "UnstructuredIdentity", "Position", "Snils", "Phone", "Company" })
            HasError(result, field, "is required");
        HasError(result, "Permissions", "give at least one of create_new_agent, consumer_identify");
        HasError(result, "IdentificationPoints", "at least one");
    }

    [Fact]
    public void Changing_an_agent_checks_only_what_is_given()
    {
        Assert.True(new FnsAgentData { FirstName = "Петр" }.Validate(creating: false).IsValid);
        Assert.True(new FnsAgentData { IsActive = false }.Validate(creating: false).IsValid);
        var change = new FnsAgentData { Snils = "16145625754", Phone = "123", Email = "not-an-email" };
        change.Permissions.Add("admin");
        var result = change.Validate(creating: false);
        HasError(result, "Snils", "checksum");
        HasError(result, "Phone", "digits");
        Assert.Contains(result.Errors, e => e.Field == "Email");
        var permission = HasError(result, "Permissions", "must be one of create_new_agent, consumer_identify");
        Assert.Equal("admin", permission.Value);
    }

    [Theory]
    [InlineData("reg-ip.pdf", "reg-ip.pdf")]
    [InlineData("Заявление (копия) 2.txt", "Заявление (копия) 2.txt")]
    [InlineData("a/b\\c:d*e?f\"g<h>i|j.pdf", "a_b_c_d_e_f_g_h_i_j.pdf")]
    [InlineData("№1 & 2, итог;.xml", "_1 _ 2_ итог_.xml")]
    [InlineData("under_score+plus.pdf", "under_score_plus.pdf")]
    public void Titles_outside_the_allowed_characters_are_replaced(string title, string sent)
    {
        Assert.Equal(sent, FnsDocumentUpload.SafeTitle(title));
        var upload = Pdf(title);
        Assert.Equal(sent, upload.Title);
        Assert.Equal(sent, Parse(upload.ToJson()).Str("title"));
    }

    [Fact]
    public void Titles_are_limited_to_250_characters()
    {
        var ok = Signing(Pdf(new string('a', 246) + ".pdf"));
        Assert.True(ok.Validate().IsValid);
        var tooLong = Signing(Pdf(new string('a', 247) + ".pdf"));
        HasError(tooLong.Validate(), "Documents[0].Title", "at most 250 characters");
    }

    [Fact]
    public void A_document_from_a_file_takes_its_name_and_bytes()
    {
        var dir = Directory.CreateTempSubdirectory("fns-upload-");
        try
        {
            var path = Path.Combine(dir.FullName, "отчёт #1.pdf");
            File.WriteAllBytes(path, new byte[] { 1, 2, 3, 250 });
            var upload = FnsDocumentUpload.FromFile(path);
            Assert.Equal("отчёт _1.pdf", upload.Title);
            Assert.Equal(4, upload.Length);
            Assert.Equal(Convert.ToBase64String(new byte[] { 1, 2, 3, 250 }), upload.Base64);
            Assert.Throws<FileNotFoundException>(() => FnsDocumentUpload.FromFile(Path.Combine(dir.FullName, "missing.pdf")));
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
