using System.Text;
using System.Text.Json;
using GosApi.FnsMobileSign;
using GosApi.FnsMobileSign.Models;
using GosApi.FnsMobileSign.Requests;
using Xunit;
using static GosApi.Core.Tests.FnsMobileSign.FnsTestData;

namespace GosApi.Core.Tests.FnsMobileSign;

/// <summary>What the requests write: the spec's member names and nesting.</summary>
public class RequestJsonTests
{
    private static JsonElement Written(FnsWorkflowRequest request, int scenario = 80)
    {
        Assert.True(request.Validate().IsValid, request.Validate().ToString());
        return Parse(request.ToJson(scenario));
    }

    [Fact]
    public void Registration_writes_the_consumer_block_with_addresses_and_identities()
    {
        var request = Registration();
        request.ExternalId = ExternalId;
        var json = Written(request);

        Assert.Equal(new[] { "callback", "consumer", "external_id", "scenario" }, json.Names());
        Assert.Equal(80, json.GetProperty("scenario").GetInt32());
        Assert.Equal("http://127.0.0.1/callback", json.Str("callback"));
        Assert.Equal(ExternalId, json.Str("external_id"));

        var consumer = json.GetProperty("consumer");
        Assert.Equal(new[] { "addresses", "birthed", "first_name", "gender", "identities", "inn", "last_name", "middle_name", "phone", "snils" }, consumer.Names());
        Assert.Equal("Иванов", consumer.Str("last_name"));
        Assert.Equal("Иван", consumer.Str("first_name"));
        Assert.Equal("Иванович", consumer.Str("middle_name"));
        Assert.Equal("\u041C", consumer.Str("gender"));
        Assert.Equal("1993-03-21", consumer.Str("birthed"));
        Assert.Equal("79005863454", consumer.Str("phone"));
        Assert.Equal(ValidSnils, consumer.Str("snils"));
        Assert.Equal(PersonInn, consumer.Str("inn"));

        var address = Assert.Single(consumer.GetProperty("addresses").EnumerateArray());
        Assert.Equal(new[] { "apartment", "city", "house", "index", "region", "street", "type" }, address.Names());
        Assert.Equal("permanent", address.Str("type"));
        Assert.Equal("18", address.Str("region"));
        Assert.Equal("426054", address.Str("index"));
        Assert.Equal("Ижевск", address.Str("city"));

        var identity = Assert.Single(consumer.GetProperty("identities").EnumerateArray());
        Assert.Equal(new[] { "issue_code", "issued", "issued_by", "number", "series", "type" }, identity.Names());
        Assert.Equal("internal-passport", identity.Str("type"));
        Assert.Equal("1234", identity.Str("series"));
        Assert.Equal("567890", identity.Str("number"));
        Assert.Equal("362-391", identity.Str("issue_code"));
        Assert.Equal("ОВД", identity.Str("issued_by"));
        Assert.Equal("2015-03-12", identity.Str("issued"));
    }

    [Fact]
    public void A_foreign_citizen_writes_the_citizenship_code()
    {
        var request = Registration();
        request.Person!.Citizenship = "blr";
        Assert.Equal("BLR", Written(request).GetProperty("consumer").Str("citizenship"));
    }

    [Fact]
    public void Entrepreneur_and_legal_entity_blocks_are_nested_as_the_spec_shows()
    {
        var request = Registration();
        request.Entrepreneur = new FnsEntrepreneurData { Ogrnip = ValidOgrnip };
        var json = Written(request);
        Assert.Equal(new[] { "ogrnip" }, json.GetProperty("entrepreneur").Names());
        Assert.Equal(ValidOgrnip, json.GetProperty("entrepreneur").Str("ogrnip"));

        request = Registration();
        request.LegalEntity = LegalEntity();
        request.LegalEntity.Division = "Отдел";
        var legal = Written(request).GetProperty("legal_entity");
        Assert.Equal(new[] { "addresses", "division", "inn", "kpp", "name", "ogrn", "position" }, legal.Names());
        Assert.Equal("ООО Три Толстяка", legal.Str("name"));
        Assert.Equal(ValidOgrn, legal.Str("ogrn"));
        Assert.Equal(LegalInn, legal.Str("inn"));
        Assert.Equal(ValidKpp, legal.Str("kpp"));
        Assert.Equal("ДИРЕКТОР", legal.Str("position"));
        var address = Assert.Single(legal.GetProperty("addresses").EnumerateArray());
        Assert.Equal("legal", address.Str("type"));
        Assert.Equal("78", address.Str("region"));
        Assert.Equal("Санкт-Петербург", address.Str("city"));
        Assert.Equal("5", address.Str("apartment"));
    }

    [Fact]
    public void Signing_writes_consumer_id_documents_in_base64_backref_and_contractor()
    {
        var request = Signing(Pdf("reg-ip.pdf", "first"), Pdf("usn.pdf", "second"));
        request.Backref = new Uri("http://url_customers_landing_page");
        request.ContractorName = "  ООО Ромашка ";
        request.LegalEntity = new FnsLegalEntityData { Inn = LegalInn };
        var json = Written(request, 88);

        Assert.Equal(new[] { "backref", "consumer", "data", "documents", "external_id", "legal_entity", "scenario" }, json.Names());
        Assert.Equal(88, json.GetProperty("scenario").GetInt32());
        Assert.Equal(ConsumerId, json.Str("consumer"));
        Assert.Equal("http://url_customers_landing_page/", json.Str("backref"));
        var documents = json.GetProperty("documents").EnumerateArray().ToArray();
        Assert.Equal(2, documents.Length);
        Assert.Equal(new[] { "path", "title" }, documents[0].Names());
        Assert.Equal("reg-ip.pdf", documents[0].Str("title"));
        Assert.Equal("first", Encoding.UTF8.GetString(Convert.FromBase64String(documents[0].Str("path"))));
        Assert.Equal("second", Encoding.UTF8.GetString(Convert.FromBase64String(documents[1].Str("path"))));
        var attribute = Assert.Single(json.GetProperty("data").GetProperty("attributes").EnumerateArray());
        Assert.Equal("b2b_contractor_name", attribute.Str("key"));
        Assert.Equal("ООО Ромашка", attribute.Str("value"));
        Assert.Equal(new[] { "inn" }, json.GetProperty("legal_entity").Names());
    }

    [Fact]
    public void A_consumer_id_is_sent_trimmed()
    {
        var request = new FnsWorkflowRequest { Type = FnsWorkflowType.Blank, ConsumerId = " " + ConsumerId + " " };
        var json = Written(request, 134);
        Assert.Equal(new[] { "consumer", "external_id", "scenario" }, json.Names());
        Assert.Equal(ConsumerId, json.Str("consumer"));
    }

    [Fact]
    public void External_activity_writes_url_and_headers()
    {
        var request = new FnsWorkflowRequest
        {
            Type = FnsWorkflowType.ExternalActivity,
            ConsumerId = ConsumerId,
            ExternalActivityUrl = new Uri("https://www.whatismybrowser.com/detect/what-http-headers-is-my-browser-sending"),
        };
        request.ExternalActivityHeaders["MyAuthHeader"] = "asd123mnbb--htdgDsdg+J3vfsjhfsff";
        var activity = Written(request, 102).GetProperty("external_activity");
        Assert.Equal(new[] { "headers", "url" }, activity.Names());
        Assert.Equal("https://www.whatismybrowser.com/detect/what-http-headers-is-my-browser-sending", activity.Str("url"));
        Assert.Equal("asd123mnbb--htdgDsdg+J3vfsjhfsff", activity.GetProperty("headers").Str("MyAuthHeader"));

        request.ExternalActivityHeaders.Clear();
        Assert.Equal(JsonValueKind.Object, Written(request, 102).GetProperty("external_activity").GetProperty("headers").ValueKind);
    }

    [Fact]
    public void External_id_is_always_sent_and_stays_the_same_across_calls()
    {
        var request = Signing();
        Assert.Null(request.ExternalId);
        var first = Parse(request.ToJson(82)).Str("external_id");
        Assert.True(Guid.TryParseExact(first, "D", out _));
        Assert.Equal(first, request.ExternalId);
        Assert.Equal(first, Parse(request.ToJson(82)).Str("external_id"));
        Assert.Equal(first, request.EnsureExternalId());
        Assert.NotEqual(first, Parse(Signing().ToJson(82)).Str("external_id"));

        request = Signing();
        request.ExternalId = ExternalId;
        Assert.Equal(ExternalId, Parse(request.ToJson(82)).Str("external_id"));
    }

    [Fact]
    public void Simplified_signing_writes_inn_phone_and_the_signing_fields()
    {
        var request = new FnsSimplifiedSigningRequest { Inn = PersonInn, Phone = "+7 (900) 586-34-54", ContractorName = "Банк", Backref = new Uri("https://bank.example/back") };
        request.Documents.Add(Pdf("Заявление.txt", "текст"));
        Assert.True(request.Validate().IsValid);
        var json = Parse(request.ToJson(564));
        Assert.Equal(new[] { "backref", "data", "documents", "external_id", "inn", "phone", "scenario" }, json.Names());
        Assert.Equal(564, json.GetProperty("scenario").GetInt32());
        Assert.Equal(PersonInn, json.Str("inn"));
        Assert.Equal("79005863454", json.Str("phone"));
        Assert.Equal(json.Str("external_id"), Parse(request.ToJson(564)).Str("external_id"));
        Assert.Equal("Заявление.txt", json.GetProperty("documents")[0].Str("title"));
        Assert.Equal("текст", Encoding.UTF8.GetString(Convert.FromBase64String(json.GetProperty("documents")[0].Str("path"))));
    }

    [Fact]
    public void Queries_write_the_search_bodies()
    {
        var query = new FnsConsumerQuery
        {
            LastName = " Тестовый ", FirstName = "Тест", NoMiddleName = true, Birthed = new DateTime(1989, 9, 5), Phone = "89005863454",
            Passport = new FnsPassport { Series = "1111", Number = "001001", Issued = new DateTime(2010, 1, 1) },
        };
        Assert.True(query.Validate().IsValid, query.Validate().ToString());
        var json = Parse(query.ToJson());
        Assert.Equal(new[] { "birthed", "first_name", "identities", "last_name", "phone" }, json.Names());
        Assert.Equal("Тестовый", json.Str("last_name"));
        Assert.Equal("1989-09-05", json.Str("birthed"));
        Assert.Equal("79005863454", json.Str("phone"));
        var identity = json.GetProperty("identities")[0];
        Assert.Equal(new[] { "issued", "number", "series", "type" }, identity.Names());
        Assert.Equal("internal-passport", identity.Str("type"));

        var identification = new FnsIdentificationQuery { Phone = "79006771313", Passport = new FnsPassport { Series = "8989", Number = "302919" } };
        Assert.True(identification.Validate().IsValid);
        var body = Parse(identification.ToJson());
        Assert.Equal(new[] { "consumer" }, body.Names());
        Assert.Equal(new[] { "identities", "phone" }, body.GetProperty("consumer").Names());
        Assert.Equal(new[] { "number", "series", "type" }, body.GetProperty("consumer").GetProperty("identities")[0].Names());
    }

    [Fact]
    public void Agent_bodies_carry_what_is_set()
    {
        var agent = new FnsAgentData { Username = "agent_ivanov", Password = "123456qwerty", FirstName = "Петр", Company = 1, IsActive = false };
        agent.Permissions.Add("consumer_identify");
        agent.IdentificationPoints.Add(4);
        agent.IdentificationPoints.Add(1);
        var json = Parse(agent.ToJson());
        Assert.Equal(new[] { "company", "first_name", "identification_points", "is_active", "password", "permissions", "username" }, json.Names());
        Assert.Equal(1, json.GetProperty("company").GetInt64());
        Assert.Equal(new long[] { 4, 1 }, json.GetProperty("identification_points").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal("consumer_identify", json.GetProperty("permissions")[0].GetString());
        Assert.False(json.GetProperty("is_active").GetBoolean());
        Assert.Empty(Parse(new FnsAgentData().ToJson()).Names());
    }

    // ---- scenario numbers ----

    [Fact]
    public void Scenario_numbers_default_to_the_specs_examples()
    {
        var scenarios = new FnsScenarios();
        Assert.Equal(80, scenarios.For(FnsWorkflowType.Identification));
        Assert.Equal(84, scenarios.For(FnsWorkflowType.CertificateIssuing));
        Assert.Equal(82, scenarios.For(FnsWorkflowType.DocumentSigning));
        Assert.Equal(88, scenarios.For(FnsWorkflowType.DocumentSigning, forLegalEntity: true));
        Assert.Equal(84, scenarios.For(FnsWorkflowType.CertificateIssuing, forLegalEntity: true));
        Assert.Equal(102, scenarios.For(FnsWorkflowType.ExternalActivity));
        Assert.Equal(134, scenarios.For(FnsWorkflowType.Blank));
        Assert.Equal(564, scenarios[FnsScenarios.SimplifiedSigningKey]);
        Assert.Equal(90, scenarios.For(FnsWorkflowType.FileDecryption));
        Assert.Equal(92, scenarios.For(FnsWorkflowType.TlsCertificateReissuing));
        Assert.Equal(94, scenarios.For(FnsWorkflowType.CertificateReissuing));
        Assert.Equal(10, FnsScenarios.Keys.Count);
        Assert.All(FnsScenarios.Keys, k => Assert.True(scenarios[k] > 0));
    }

    [Fact]
    public void Scenario_numbers_can_be_overridden_but_not_invented()
    {
        var scenarios = new FnsScenarios();
        scenarios["documentsigning"] = 1082; // case-insensitive
        scenarios[FnsScenarios.DocumentSigningForLegalEntityKey] = 1088;
        Assert.Equal(1082, scenarios.For(FnsWorkflowType.DocumentSigning));
        Assert.Equal(1088, scenarios.For(FnsWorkflowType.DocumentSigning, true));
        Assert.Contains("DocumentSigning=1082", scenarios.ToString());

        var copy = scenarios.Clone();
        copy["DocumentSigning"] = 5;
        Assert.Equal(1082, scenarios["DocumentSigning"]);

        var ex = Assert.Throws<ArgumentException>(() => scenarios["Signing"] = 1);
        Assert.Contains("Signing", ex.Message);
        Assert.Throws<ArgumentException>(() => scenarios["Nope"]);
        Assert.Throws<ArgumentException>(() => scenarios.For(FnsWorkflowType.Unknown));
        Assert.Throws<ArgumentOutOfRangeException>(() => scenarios["Blank"] = 0);
    }
}
