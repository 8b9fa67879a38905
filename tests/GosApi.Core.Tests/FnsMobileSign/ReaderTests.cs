using GosApi.Errors;
using GosApi.FnsMobileSign;
using GosApi.FnsMobileSign.Models;
using Xunit;
using static GosApi.Core.Tests.FnsMobileSign.FnsTestData;

namespace GosApi.Core.Tests.FnsMobileSign;

/// <summary>The spec's answers and callbacks read into models.</summary>
public class ReaderTests
{
    private static FnsWorkflow Workflow(string answer) => FnsReader.Workflow(FnsReader.Result(answer, "test"));

    [Fact]
    public void Registration_answer_carries_the_consumer_as_an_object()
    {
        var workflow = Workflow("""
            {"result":{"id":2052536,"scenario":80,"consumer":{"id":"80668f72-901c-4bdc-809a-2b903a831a42","last_name":"Иванов","first_name":"Иван","middle_name":"Иванович",
            "gender":"М","birthed":"1993-03-21","snils":"12362931139","inn":"312324014516","phone":"79005863454","addresses":[{"type":"permanent","region":"18","city":"Ижевск"}],
            "identities":[{"type":"internal-passport","series":"1234","number":"567890"}],"identification_info":null,"created":"2021-03-30T13:27:41.076628Z",
            "updated":"2021-03-30T13:27:41.076642Z","state":"unvalidated","is_remotely_identified":false},
            "callback":"http://127.0.01/callback","external_id":"2f973415-4d6b-4541-90c1-010ef6f85455","group":1,"space":1,"title":"Пройдите идентификацию",
            "state":"wait-pkcs10","created":"2021-03-30T13:27:41.087732Z","updated":"2021-03-30T13:27:41.297841Z"}}
            """);
        Assert.Equal(2052536, workflow.Id);
        Assert.Equal(80, workflow.Scenario);
        Assert.Equal(FnsWorkflowState.WaitPkcs10, workflow.State);
        Assert.Equal("wait-pkcs10", workflow.StateName);
        Assert.Equal("Ожидание получения запроса на сертификат", workflow.StateDisplay);
        Assert.False(workflow.IsFinal);
        Assert.Equal("80668f72-901c-4bdc-809a-2b903a831a42", workflow.ConsumerId);
        Assert.Equal("Иванов Иван Иванович", workflow.Consumer!.FullName);
        Assert.Equal(new DateTime(1993, 3, 21), workflow.Consumer.Birthed);
        Assert.Equal("unvalidated", workflow.Consumer.State);
        Assert.False(workflow.Consumer.CanSign);
        Assert.Equal("2f973415-4d6b-4541-90c1-010ef6f85455", workflow.ExternalId);
        Assert.Equal("Пройдите идентификацию", workflow.Title);
        Assert.Equal(new DateTimeOffset(2021, 3, 30, 13, 27, 41, TimeSpan.Zero).AddTicks(877_320), workflow.Created);
        Assert.Equal("fns://workflow/2052536", workflow.DeepLink);
        Assert.Empty(workflow.Documents);
        Assert.Null(workflow.ChildId);
    }

    [Fact]
    public void Create_answers_with_consumer_id_documents_external_activity_and_string_scenario()
    {
        var signing = Workflow(CreateSigningAnswer);
        Assert.Equal(2053010, signing.Id);
        Assert.Equal(82, signing.Scenario);
        Assert.Equal(ConsumerId, signing.ConsumerId);
        Assert.Null(signing.Consumer);
        Assert.Equal(FnsWorkflowState.WaitSignature, signing.State);
        Assert.Equal(2, signing.Documents.Count);
        var usn = signing.Documents[0];
        Assert.Equal((2960797L, 2053010L, "usn.pdf", "/api/rb/document/2960797/path/usn.pdf"), (usn.Id, usn.WorkflowId, usn.Title, usn.Path));
        Assert.False(usn.IsSigned);
        Assert.False(usn.IsViewed);
        Assert.Equal("not-rejectable", signing.Documents[1].Type);

        var issuing = Workflow("""{"result":{"id":2052427,"scenario":"84","consumer":"ed0656e3-b6fe-49c0-828e-6994045b968c","state":"wait-pkcs10"}}""");
        Assert.Equal(84, issuing.Scenario);
        Assert.Equal("ed0656e3-b6fe-49c0-828e-6994045b968c", issuing.ConsumerId);

        var activity = Workflow("""
            {"result":{"external_activity":{"id":1678,"url":"https://www.whatismybrowser.com/detect/what-http-headers-is-my-browser-sending","headers":{"MyAuthHeader":"x"}},
            "id":54353,"scenario":102,"consumer":"72437714-8f84-4e7e-ae10-8bc97d75be69","callback":null,"external_id":"b05f6b1a-5ff9-4530-8306-16d53acee83c",
            "title":"WebView 545","state":"processing-external-activity"}}
            """);
        Assert.Equal("https://www.whatismybrowser.com/detect/what-http-headers-is-my-browser-sending", activity.ExternalActivityUrl);
        Assert.Equal(FnsWorkflowState.ProcessingExternalActivity, activity.State);
        Assert.Null(activity.Callback);

        var blank = Workflow("""{"result":{"id":2052516,"scenario":134,"consumer":"bb756a62-753a-46f7-806a-fd6ecf51b01f","state":"active"}}""");
        Assert.Equal(FnsWorkflowState.Active, blank.State);
    }

    [Fact]
    public void Full_answers_carry_type_scenario_object_children_parent_and_agent()
    {
        var workflow = Workflow("""
            {"result":{"id":2086551,"type":"identification","state":"complete","state_display":"Завершено",
            "scenario":{"id":80,"title":"Пройдите идентификацию","can_personal_identification":true,"company":{"id":1,"name":"Заказчик"}},
            "consumer_role_type":"natural_entity",
            "consumer":{"id":"6b07c0fd-3a87-4d97-a3bd-32fb7a04a544","last_name":"Иванов","first_name":"Иван","middle_name":"Иванович","state":"identified","is_remotely_identified":false},
            "entrepreneur":null,"legal_entity":null,
            "certificate":{"id":625655,"type":"auth","state":"issued","is_received":true,"not_after":"2022-04-05T13:36:22Z","is_confirmed":false},
            "parent":null,"children":[2086552],"title":"Идентификация завершена",
            "company":{"id":4322,"name":"Идентификатор"},
            "agent":{"username":"PetrovPP","last_name":"Петров","first_name":"Пётр","middle_name":"Петрович"},
            "identification_point":{"id":7680,"name":"Идентификатор","external_id":null}}}
            """);
        Assert.Equal(FnsWorkflowType.Identification, workflow.Type);
        Assert.Equal(FnsWorkflowState.Complete, workflow.State);
        Assert.True(workflow.IsFinal);
        Assert.True(workflow.IsSuccessful);
        Assert.Equal("Завершено", workflow.StateDisplay);
        Assert.Equal(80, workflow.Scenario);
        Assert.Equal("Пройдите идентификацию", workflow.ScenarioTitle);
        Assert.Equal("6b07c0fd-3a87-4d97-a3bd-32fb7a04a544", workflow.ConsumerId);
        Assert.Equal("identified", workflow.Consumer!.State);
        Assert.Null(workflow.ParentId);
        Assert.Equal(new long[] { 2086552 }, workflow.Children);
        Assert.Equal(2086552, workflow.ChildId);
        Assert.Equal("PetrovPP", workflow.AgentUsername);
        Assert.Equal("identification 2086551: complete", workflow.ToString());

        var child = Workflow("""{"result":{"id":2086552,"type":"certificate-issuing","state":"wait-scan-upload","parent":{"id":2086551},"children":[]}}""");
        Assert.Equal(2086551, child.ParentId);
        Assert.Equal(FnsWorkflowType.CertificateIssuing, child.Type);
        Assert.Equal(FnsWorkflowState.WaitScanUpload, child.State);
        Assert.Equal(2086551, Workflow("""{"result":{"id":1,"state":"complete","parent":2086551}}""").ParentId);
    }

    [Theory]
    [InlineData("document-signing", FnsWorkflowType.DocumentSigning)]
    [InlineData("document_signing", FnsWorkflowType.DocumentSigning)]
    [InlineData("certificate_issuing", FnsWorkflowType.CertificateIssuing)]
    [InlineData("external-activity", FnsWorkflowType.ExternalActivity)]
    [InlineData("external_activity", FnsWorkflowType.ExternalActivity)]
    [InlineData("file_decryption", FnsWorkflowType.FileDecryption)]
    [InlineData("tls_certificate_reissuing", FnsWorkflowType.TlsCertificateReissuing)]
    [InlineData("certificate-reissuing", FnsWorkflowType.CertificateReissuing)]
    [InlineData("Blank", FnsWorkflowType.Blank)]
    [InlineData("something-new", FnsWorkflowType.Unknown)]
    public void Type_names_are_read_with_hyphens_or_underscores(string wire, FnsWorkflowType type)
    {
        Assert.Equal(type, FnsWorkflowTypes.Parse(wire));
        Assert.Equal(type, Workflow(Result("{\"id\":1,\"type\":\"" + wire + "\",\"state\":\"start\"}")).Type);
    }

    [Theory]
    [InlineData("wait-consumer-identification", FnsWorkflowState.WaitConsumerIdentification)]
    [InlineData("wait_consumer_identification", FnsWorkflowState.WaitConsumerIdentification)]
    [InlineData("sign-rejected", FnsWorkflowState.SignRejected)]
    [InlineData("complete-external-activity", FnsWorkflowState.CompleteExternalActivity)]
    [InlineData("wait-decryption", FnsWorkflowState.WaitDecryption)]
    [InlineData("rejected", FnsWorkflowState.Rejected)]
    [InlineData("error", FnsWorkflowState.Error)]
    [InlineData("installed", FnsWorkflowState.Installed)]
    public void States_are_read_as_the_table_spells_them(string wire, FnsWorkflowState state)
    {
        var workflow = Workflow(Result("{\"id\":1,\"state\":\"" + wire + "\"}"));
        Assert.Equal(state, workflow.State);
        Assert.Equal(wire, workflow.StateName);
        Assert.Equal(state is FnsWorkflowState.Rejected or FnsWorkflowState.Error, workflow.IsFinal);
    }

    [Fact]
    public void Unknown_states_are_kept_by_name()
    {
        var workflow = Workflow(Result("""{"id":7,"state":"wait-something-new","state_display":"Что-то новое"}"""));
        Assert.Equal(FnsWorkflowState.Unknown, workflow.State);
        Assert.Equal("wait-something-new", workflow.StateName);
        Assert.Equal("Что-то новое", workflow.StateDisplay);
        Assert.False(workflow.IsFinal);
        Assert.Contains("wait-something-new", workflow.ToString());
    }

    [Fact]
    public void Documents_with_path_and_signature()
    {
        var documents = FnsReader.Documents(FnsReader.Result(DocumentsAnswer, "test"), 2053010);
        Assert.Equal(2, documents.Count);
        Assert.All(documents, d => Assert.Equal(2053010, d.WorkflowId));
        Assert.True(documents[0].IsSigned);
        Assert.True(documents[0].IsViewed);
        Assert.Equal("/api/rb/document/2499945/path/721be3bb.tiff", documents[0].Path);
        Assert.Equal("/api/rb/document/2499945/signature/Y4BEIUHP.p7s", documents[0].Signature);
        Assert.Equal("/api/rb/document/2499947/signature/XHOLEJ96.p7s", documents[1].Signature);
        Assert.Empty(FnsReader.Documents(FnsReader.Result("""{"result":{"documents":[]}}""", "test"), 1));
    }

    [Fact]
    public void Callbacks_of_the_spec_are_read()
    {
        var installed = FnsCallbacks.Parse(Callbacks[0]);
        Assert.Equal((10909L, FnsWorkflowType.Identification, FnsWorkflowState.Installed), (installed.Id, installed.Type, installed.State));
        Assert.Equal("5ccb259b-a804-4207-9dc7-b7ebc7a7e05e", installed.ConsumerId);

        var identified = FnsCallbacks.Parse(Callbacks[1]);
        Assert.Equal(FnsWorkflowState.Complete, identified.State);
        Assert.Equal(10910, identified.ChildId);
        Assert.Null(identified.ParentId);
        Assert.Equal("admin", identified.AgentUsername);
        Assert.Equal("1c3b79f2-0f8e-4b62-a7b7-71aaf8c748c9", identified.ExternalId);

        var issued = FnsCallbacks.Parse(Callbacks[2]);
        Assert.Equal(FnsWorkflowType.CertificateIssuing, issued.Type);
        Assert.Equal(10909, issued.ParentId);
        Assert.Equal(10911, issued.ChildId);

        var signed = FnsCallbacks.Parse(Callbacks[3]);
        Assert.Equal((10912L, FnsWorkflowType.DocumentSigning, 10913L), (signed.Id, signed.Type, signed.ChildId!.Value));

        foreach (var body in Callbacks.Skip(4))
        {
            var rejected = FnsCallbacks.Parse(body);
            Assert.Equal(FnsWorkflowState.Rejected, rejected.State);
            Assert.True(rejected.IsFinal);
            Assert.Null(rejected.ChildId);
            Assert.Null(rejected.ErrorCode);
        }
        Assert.Null(FnsCallbacks.Parse(Callbacks[4]).ErrorMessage);
        Assert.Equal("Не пройдены проверки: Валидация ФИО-СНИЛС", FnsCallbacks.Parse(Callbacks[6]).ErrorMessage);
        Assert.Equal("Не пройдены проверки: Валидация ФИО-ИНН ФЛ", FnsCallbacks.Parse(Callbacks[7]).ErrorMessage);
        Assert.Equal(5040075, FnsCallbacks.Parse(Callbacks[8]).Id);
        // a callback wrapped in {"result": …} is read too
        Assert.Equal(10912, FnsCallbacks.Parse(Result(Callbacks[3])).Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not json")]
    [InlineData("{\"id\":1")]
    [InlineData("[1,2]")]
    [InlineData("\"complete\"")]
    [InlineData("{\"state\":\"complete\"}")]
    [InlineData("{\"id\":5}")]
    [InlineData("{\"result\":{\"token\":\"x\"}}")]
    public void Garbage_is_not_a_callback(string body)
    {
        var ex = Assert.Throws<GosApi.Validation.InputValidationException>(() => FnsCallbacks.Parse(body));
        Assert.Contains("InputObject", ex.Message);
    }

    [Fact]
    public void Consumer_search_results_with_certificates()
    {
        var result = FnsReader.Result("""
            {"result":[
             {"id":"49758da6-3227-4f8e-a402-b19e60540757","last_name":"Тестовый","first_name":"Тест","middle_name":"Тестович","state":"unvalidated","entrepreneur":null,"legal_entities":[],"certificates":[]},
             {"id":"7e659f62-2b2d-4bf1-b31e-f38754807973","last_name":" Тестовый ","first_name":" Тест ","middle_name":" Тестович ","gender":"М","birthed":"1989-09-05",
              "snils":"11150027333","inn":"111300627666","phone":"79005863454","state":"identified","is_remotely_identified":false,
              "entrepreneur":{"ogrnip":"321032700015430"},"legal_entities":[{"inn":"3123456448"},{"inn":"7707083893"}],
              "certificates":[
               {"id":532407,"state":"issued","is_confirmed":false,"type":"sign","certificate_data":{"issuer":{"CN":"ОАО ИИТ"},"serial":"01ab","subject":{"CN":"Тестовый Тест Тестович"},
                 "not_after":"2022-02-04T11:15:05Z","request_link":"/api/rb/certificate/532407/request_file","certificate_link":"/api/rb/certificate/532407/certificate_file"}},
               {"id":532402,"state":"issued","is_confirmed":true,"type":"auth","certificate_data":null}]},
             {"id":"11111111-2b2d-4bf1-b31e-f38754807973","last_name":"Т","first_name":"Т","state":"identified",
              "certificates":[{"id":1,"type":"sign","state":"issued","is_confirmed":true}]}]}
            """, "test");
        var consumers = result.EnumerateArray().Select(FnsReader.Consumer).ToArray();
        Assert.Equal(3, consumers.Length);
        Assert.False(consumers[0].CanSign);
        Assert.Empty(consumers[0].Certificates);

        var pending = consumers[1];
        Assert.Equal(("Тестовый", "Тест", "Тестович"), (pending.LastName, pending.FirstName, pending.MiddleName));
        Assert.Equal("Тестовый Тест Тестович", pending.FullName);
        Assert.Equal(ValidOgrnip, pending.Ogrnip);
        Assert.Equal(new[] { "3123456448", "7707083893" }, pending.LegalEntityInns);
        Assert.Equal(2, pending.Certificates.Count);
        var sign = pending.Certificates[0];
        Assert.Equal(("sign", false, "01ab", "Тестовый Тест Тестович", "ОАО ИИТ"), (sign.Type, sign.IsConfirmed, sign.Serial, sign.SubjectName, sign.IssuerName));
        Assert.Equal("/api/rb/certificate/532407/certificate_file", sign.CertificateLink);
        Assert.Equal("/api/rb/certificate/532407/request_file", sign.RequestLink);
        Assert.Equal(new DateTimeOffset(2022, 2, 4, 11, 15, 5, TimeSpan.Zero), sign.NotAfter);
        Assert.True(pending.Certificates[1].IsConfirmed); // a confirmed TLS certificate does not make a signer
        Assert.False(pending.HasConfirmedSigningCertificate);
        Assert.False(pending.CanSign);

        Assert.True(consumers[2].CanSign);
    }

    [Fact]
    public void Agents_with_company_and_identification_points_as_ids_or_objects()
    {
        var created = FnsReader.Agent(FnsReader.Result("""
            {"result":{"id":19,"username":"agent_ivanov","last_name":"Иванов","first_name":"Иван","middle_name":"Иванович","snils":"16145625759","position":"оператор банка",
            "identification_points":[1,4],"unstructured_identity":"4500","token":"844cf3a859e14ec9d9a7534c83f5689ccc5d60e9","phone":"79012345678","company":1,"permissions":["consumer_identify"]}}
            """, "test"));
        Assert.Equal((19L, "agent_ivanov", 1L), (created.Id, created.Username, created.CompanyId!.Value));
        Assert.Null(created.CompanyName);
        Assert.Equal(new long[] { 1, 4 }, created.IdentificationPoints);
        Assert.Equal(new[] { "consumer_identify" }, created.Permissions);
        Assert.True(created.IsActive);
        Assert.True(created.HasToken);
        Assert.DoesNotContain("844cf3a8", created.ToString());

        var (items, next) = FnsReader.Page(FnsReader.Result("""
            {"result":{"count":2,"next":null,"previous":null,"results":[
             {"id":2,"username":"test_agent","is_active":true,"company":{"id":1,"name":"Заказчик"},
              "identification_points":[{"id":4,"name":"Пункт идентификации 1","address":"Москва"}]},
             {"id":3,"username":"blocked_agent","is_active":false,"company":7,"identification_points":[]}]}}
            """, "test"));
        Assert.Null(next);
        var listed = items.Select(FnsReader.Agent).ToArray();
        Assert.Equal((1L, "Заказчик"), (listed[0].CompanyId!.Value, listed[0].CompanyName));
        Assert.Equal(new long[] { 4 }, listed[0].IdentificationPoints);
        Assert.True(listed[0].IsActive);
        Assert.False(listed[0].HasToken);
        Assert.False(listed[1].IsActive);
        Assert.Equal(7, listed[1].CompanyId);
        Assert.Contains("(blocked)", listed[1].ToString());
    }

    [Fact]
    public void Upload_slots_read_confirmation_documents_with_a_nested_document_and_scans()
    {
        var confirmation = FnsReader.Result("""
            {"result":{"confirmation_documents":[{"id":99801,"document":{"title":"Скан паспорта"},"state":"created","type":"internal-passport",
            "template_url":"/api/rb/confirmation-document/639880/template","title":"","path":null}]}}
            """, "test");
        var slot = FnsReader.Slot(confirmation.GetProperty("confirmation_documents")[0], 2093474, "confirmation-document");
        Assert.Equal((99801L, 2093474L, "confirmation-document"), (slot.Id, slot.WorkflowId, slot.Kind));
        Assert.Equal("Скан паспорта", slot.DocumentTitle);
        Assert.Equal("created", slot.State);
        Assert.Equal("internal-passport", slot.Type);
        Assert.Equal("/api/rb/confirmation-document/639880/template", slot.TemplateUrl);
        Assert.False(slot.IsReceived);

        var uploaded = FnsReader.Slot(FnsReader.Result("""
            {"result":{"id":99836,"document":{"state":"received","type":"internal-passport","title":"паспорт.pdf","path":"/api/rb/confirmation-document/99836/path/паспорт.pdf"}}}
            """, "test"), 0, "confirmation-document");
        Assert.Equal(99836, uploaded.Id);
        Assert.Equal("received", uploaded.State);
        Assert.Equal("паспорт.pdf", uploaded.Title);
        Assert.Equal("/api/rb/confirmation-document/99836/path/паспорт.pdf", uploaded.Path);
        Assert.True(uploaded.IsReceived);

        var scans = FnsReader.Result("""
            {"result":{"scans":[
             {"id":639674,"template_url":null,"document_title":"Фотография клиента с подписанным сертификатом в руках","document_received":false,"title":"","path":null},
             {"id":639673,"template_url":"/api/rb/document-scan/639673/template","document_title":"Скан подписанного сертификата КЭП ФЛ","title":"Cert.jpg","path":"/api/rb/document-scan/639673/path/document-639673.jpg"}],
             "id":2093474,"parent_id":2093473,"child_id":null}}
            """, "test").GetProperty("scans").EnumerateArray().Select(e => FnsReader.Slot(e, 2093474, "document-scan")).ToArray();
        Assert.Equal("Фотография клиента с подписанным сертификатом в руках", scans[0].DocumentTitle);
        Assert.Null(scans[0].TemplateUrl);
        Assert.False(scans[0].IsReceived);
        Assert.Equal("Скан подписанного сертификата КЭП ФЛ", scans[1].DocumentTitle);
        Assert.Equal("Cert.jpg", scans[1].Title);
        Assert.True(scans[1].IsReceived);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html>502</html>")]
    [InlineData("{\"error\":{}}")]
    [InlineData("[]")]
    public void An_answer_without_result_is_an_invalid_response(string content)
    {
        var ex = Assert.Throws<GosApiException>(() => FnsReader.Result(content, "get workflow"));
        Assert.Equal(GosApiErrorKind.InvalidResponse, ex.Kind);
        Assert.Contains("get workflow", ex.Message);
    }
}
