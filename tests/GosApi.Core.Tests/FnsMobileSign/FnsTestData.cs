using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GosApi.Core.Tests.Http;
using GosApi.FnsMobileSign;
using GosApi.FnsMobileSign.Requests;
using GosApi.Validation;
using Xunit;

namespace GosApi.Core.Tests.FnsMobileSign;

/// <summary>Valid requests of seed 003 (values with correct checksums) and helpers to read what they write.</summary>
internal static class FnsTestData
{
    public const string ConsumerId = "5f0b66f4-80a6-4228-b3fa-e141a1046798";
    public const string ExternalId = "2f973415-4d6b-4541-90c1-010ef6f85455";
    public const string ValidSnils = "12362931139";
    public const string PersonInn = "312324014516";
    public const string LegalInn = "3123456448";
    public const string ValidOgrn = "1193123017042";
    public const string ValidOgrnip = "321032700015430";
    public const string ValidKpp = "773601001";

    /// <summary>The registration example of the spec, typed as a user might (Latin M, printed SNILS, +7 phone).</summary>
    public static FnsPersonData Person() => new()
    {
        LastName = "Иванов",
        FirstName = "Иван",
        MiddleName = "Иванович",
        Gender = "M", // Latin
        Birthed = new DateTime(1993, 3, 21),
        Snils = "123-629-311 39",
        Inn = PersonInn,
        Phone = "+7 (900) 586-34-54",
        Address = new FnsAddress { Region = "18", Index = "426054", City = "Ижевск", Street = "Восстания ул.", House = "3", Apartment = "22" },
        Passport = new FnsPassport { Series = "1234", Number = "567890", IssueCode = "362-391", IssuedBy = "ОВД", Issued = new DateTime(2015, 3, 12) },
    };

    public static FnsLegalEntityData LegalEntity() => new()
    {
        Name = "ООО Три Толстяка",
        Ogrn = ValidOgrn,
        Inn = LegalInn,
        Kpp = ValidKpp,
        Position = "ДИРЕКТОР",
        Address = new FnsAddress { Region = "78", City = "Санкт-Петербург", Street = "Восстания ул.", House = "60", Apartment = "5" },
    };

    public static FnsWorkflowRequest Registration() => new()
    {
        Type = GosApi.FnsMobileSign.Models.FnsWorkflowType.Identification,
        Callback = new Uri("http://127.0.0.1/callback"),
        Person = Person(),
    };

    public static FnsDocumentUpload Pdf(string title = "usn.pdf", string content = "%PDF-1.4 test") => FnsDocumentUpload.FromBytes(Encoding.UTF8.GetBytes(content), title);

    public static FnsWorkflowRequest Signing(params FnsDocumentUpload[] documents)
    {
        var request = new FnsWorkflowRequest { Type = GosApi.FnsMobileSign.Models.FnsWorkflowType.DocumentSigning, ConsumerId = ConsumerId };
        request.Documents.AddRange(documents.Length == 0 ? new[] { Pdf() } : documents);
        return request;
    }

    /// <summary>Asserts that the result names <paramref name="field"/> with a rule containing <paramref name="rule"/>.</summary>
    public static ValidationError HasError(ValidationResult result, string field, string rule)
    {
        var error = result.Errors.FirstOrDefault(e => e.Field == field && e.Rule.Contains(rule, StringComparison.Ordinal));
        Assert.True(error != null, $"expected an error on {field} with '{rule}', got: {result}");
        return error!;
    }

    public static void NoErrorOn(ValidationResult result, string fieldPrefix) =>
        Assert.DoesNotContain(result.Errors, e => e.Field.StartsWith(fieldPrefix, StringComparison.Ordinal));

    /// <summary>A JSON object written by the client, as an element to look into.</summary>
    public static JsonElement Parse(JsonNode node) => JsonDocument.Parse(node.ToJsonString()).RootElement.Clone();

    public static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();

    public static string Str(this JsonElement e, string name) => e.GetProperty(name).GetString()!;

    public static string[] Names(this JsonElement e) => e.EnumerateObject().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();

    public static string Result(string inner) => "{\"result\":" + inner + "}";

    public static string Token(string token) => Result("{\"token\":\"" + token + "\"}");

    /// <summary>The path of a request without its query.</summary>
    public static string PathOf(RecordedRequest r) => r.Target.Split('?')[0];

    public static FnsSession Session(LoopbackServer server, string password, FnsAuthentication mode = FnsAuthentication.Token, int maxRetries = 0, FnsScenarios? scenarios = null) =>
        new(server.BaseUri, "partner", password, mode, scenarios, Pipelines.FastOptions(maxRetries));

    public static string Quote(string text) => JsonValue.Create(text)!.ToJsonString();

    // ---- answers of the spec (made well-formed) ----

    public const string CreateSigningAnswer = """
        {"result":{"id":2053010,"scenario":82,"consumer":"5f0b66f4-80a6-4228-b3fa-e141a1046798","callback":"http://127.0.0.1/callback",
        "external_id":"cac28584-7aa7-49c4-84f4-c0260e98de1a","group":1,"space":2,"title":"Подпишите документы","state":"wait-signature",
        "created":"2021-03-30T14:21:03.369054Z","updated":"2021-03-30T14:21:03.450246Z",
        "documents":[{"id":2960797,"title":"usn.pdf","description":null,"path":"/api/rb/document/2960797/path/usn.pdf","visualization":null,"is_viewed":false,"encrypted":false},
        {"id":2960796,"title":"reg-ip.pdf","description":null,"type":"not-rejectable","path":"/api/rb/document/2960796/path/reg-ip.pdf","visualization":null,"is_viewed":false,"encrypted":false}]}}
        """;

    public const string DocumentsAnswer = """
        {"result":{"documents":[
        {"id":2499945,"title":"721be3bb.tiff","description":null,"type":"not-rejectable","path":"/api/rb/document/2499945/path/721be3bb.tiff","signature":"/api/rb/document/2499945/signature/Y4BEIUHP.p7s","created":"2021-02-04T12:38:26.424261Z","updated":"2021-02-04T12:39:49.742516Z","visualization":null,"is_viewed":true,"encrypted":false},
        {"id":2499947,"title":"20210204_9080.xml","description":null,"type":"not-rejectable","path":"/api/rb/document/2499947/path/20210204_9080.xml","signature":"/api/rb/document/2499947/signature/XHOLEJ96.p7s","created":"2021-02-04T12:38:26.436118Z","updated":"2021-02-04T12:39:49.741230Z","visualization":null,"is_viewed":true,"encrypted":false}]}}
        """;

    /// <summary>Callback bodies of the spec's «Колбэки» section.</summary>
    public static readonly string[] Callbacks =
    {
        """{"consumer":"5ccb259b-a804-4207-9dc7-b7ebc7a7e05e","type":"identification","id":10909,"state":"installed"}""",
        """{"is_remotely_identified":false,"external_id":"1c3b79f2-0f8e-4b62-a7b7-71aaf8c748c9","error_code":null,"error_message":null,"id":10909,"state":"complete","agent":{"middle_name":null,"first_name":"Админ","last_name":"Админов","username":"admin"},"company":null,"parent_id":null,"type":"identification","identification_point":{"external_id":null,"id":1,"name":"Центр идентификации"},"child_id":10910,"consumer":"5ccb259b-a804-4207-9dc7-b7ebc7a7e05e"}""",
        """{"is_remotely_identified":false,"external_id":"5ad0a929-0331-41bd-8a14-dabd3c43f7f7","error_code":null,"error_message":null,"id":10910,"state":"complete","agent":{"middle_name":null,"first_name":"Админ","last_name":"Админов","username":"admin"},"company":null,"parent_id":10909,"type":"certificate-issuing","identification_point":{"external_id":null,"id":1,"name":"Центр идентификации"},"child_id":10911,"consumer":"5ccb259b-a804-4207-9dc7-b7ebc7a7e05e"}""",
        """{"external_id":"755c6bd9-0203-4033-ba21-5bf6e9b73f7e","error_code":null,"error_message":null,"id":10912,"state":"complete","parent_id":null,"type":"document-signing","child_id":10913,"consumer":"5ccb259b-a804-4207-9dc7-b7ebc7a7e05e"}""",
        """{"id":33464,"state":"rejected","type":"identification","parent_id":null,"consumer":"497cde19-ead6-469a-ae03-bc1a563d48ff","child_id":null,"external_id":"d41b1a30-8603-4c5e-8d7e-bf5541e0393f","error_code":null,"error_message":null}""",
        """{"id":33464,"state":"rejected","type":"certificate-issuing","parent_id":null,"consumer":"497cde19-ead6-469a-ae03-bc1a563d48ff","child_id":null,"external_id":"d41b1a30-8603-4c5e-8d7e-bf5541e0393f","error_code":null,"error_message":null}""",
        """{"id":5040033,"state":"rejected","type":"identification","parent_id":null,"consumer":"53bf8cec-4ed1-4ade-8280-fdf58ee78f07","child_id":null,"external_id":"917005b6-6b10-49af-aa9b-1f1dfcc9aa0b","error_code":null,"error_message":"Не пройдены проверки: Валидация ФИО-СНИЛС"}""",
        """{"id":5039836,"state":"rejected","type":"identification","parent_id":null,"consumer":"dcc34ea7-6838-4939-8420-85ef7f94c65e","child_id":null,"external_id":"5a8be4cb-2647-4405-a3d6-25db52838845","error_code":null,"error_message":"Не пройдены проверки: Валидация ФИО-ИНН ФЛ"}""",
        """{"id":5040075,"state":"rejected","type":"identification","parent_id":null,"consumer":"8c332d14-1216-41a7-b31a-d1fd021da59b","child_id":null,"external_id":"ecc8e4c1-e9df-48f0-8f88-176412880b5e","error_code":null,"error_message":"Не пройдены проверки: Проверка действительности паспорта"}""",
    };
}
