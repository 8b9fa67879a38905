using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GosApi.Core.Tests.Http;
using GosApi.Errors;
using GosApi.Uc;
using GosApi.Uc.Models;
using Xunit;
using static GosApi.Core.Tests.Uc.UcTestData;

namespace GosApi.Core.Tests.Uc;

/// <summary>УЦ «Основание» over real HTTP on the loopback interface: credentials in bodies, the streamed attach_file, errors, every reader.</summary>
public sealed class TransportTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string password = Secrets.New("uc-pw");
    private readonly string directory = Path.Combine(Path.GetTempPath(), "uc-transport-" + Guid.NewGuid().ToString("N"));

    public TransportTests() => Directory.CreateDirectory(directory);

    public void Dispose()
    {
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
    }

    private string WriteFile(string name, int length, int seed = 1)
    {
        var content = new byte[length];
        new Random(seed).NextBytes(content);
        var path = Path.Combine(directory, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private const string StatusAnswer = """[{"requestId":1234,"statusId":0},{"requestId":1235,"statusId":3},{"requestId":1236,"statusId":1}]""";

    private static Reply Route(RecordedRequest r) => PathOf(r) switch
    {
        "/request/list" => Reply.Ok(ListAnswer),
        "/request/create" => Reply.Ok("""{"requestId": 1370}"""),
        "/request/view" => Reply.Ok(ViewAnswer),
        "/request/status" => Reply.Ok(StatusAnswer),
        "/products" => Reply.Ok("""{"products":[]}"""),
        "/request/result" or "/request/client_docs" or "/fns/find" => Reply.Ok("[]"),
        _ => Reply.Http(200), // change, attach_file, attach_certificate: 200 with an empty body
    };

    [Fact]
    public async Task Every_method_posts_json_with_the_login_and_password_in_the_body()
    {
        await using var server = new LoopbackServer(Route);
        using var session = Session(server, password);
        var client = new UcClient(session);
        var file = WriteFile("documents.zip", 10);

        await client.ListRequestsAsync(new Dictionary<string, object?> { ["lastName"] = "Петров", ["HideArchived"] = true }, Ct);
        Assert.Equal(1370, await client.CreateRequestAsync(Person(), Ct));
        await client.ChangeRequestAsync(1370, Person(), Ct);
        await client.ArchiveRequestAsync(1370, Ct);
        await client.ViewRequestAsync(1404, Ct);
        await client.GetStatusesAsync(new long[] { 1234 }, Ct);
        await client.AttachFileAsync(1370, UcFileType.DocumentsArchive, file, cancellationToken: Ct);
        await client.AttachCertificateAsync(1370, new byte[] { 0x30, 0x03 }, Ct);
        await client.GetProductsAsync(Ct);
        await client.GetResultAsync(1370, Ct);
        await client.GetClientDocumentsAsync(1370, UcFileType.Bill, Ct);
        await client.FindFnsCertificatesAsync(new UcFnsQuery { Snils = Snils }, _ => true, Ct);

        var requests = server.Requests;
        Assert.Equal(new[]
        {
            "/request/list", "/request/create", "/request/change", "/request/change", "/request/view", "/request/status", "/request/attach_file",
            "/request/attach_certificate", "/products", "/request/result", "/request/client_docs", "/fns/find",
        }, requests.Select(PathOf));
        foreach (var r in requests)
        {
            Assert.Equal("POST", r.Method);
            Assert.StartsWith("application/json", r.Header("Content-Type"));
            var body = Parse(r.BodyText);
            Assert.Equal("manager@example.ru", body.GetProperty("login").GetString());
            Assert.Equal(password, body.GetProperty("pass").GetString());
        }

        var list = Parse(requests[0].BodyText).GetProperty("filter");
        Assert.Equal("Петров", list.GetProperty("lastName").GetString());
        Assert.True(list.GetProperty("HideArchived").GetBoolean());
        var create = Parse(requests[1].BodyText);
        Assert.Equal("Акакий", create.GetProperty("info").GetProperty("firstName").GetString());
        Assert.False(create.TryGetProperty("requestId", out _));
        var change = Parse(requests[2].BodyText);
        Assert.Equal(1370, change.GetProperty("requestId").GetInt64());
        Assert.Equal("Петров", change.GetProperty("info").GetProperty("lastName").GetString());
        var archive = Parse(requests[3].BodyText);
        Assert.True(archive.GetProperty("requestArchived").GetBoolean());
        Assert.False(archive.TryGetProperty("info", out _));
        Assert.Equal(1404, Parse(requests[4].BodyText).GetProperty("requestId").GetInt64());
        Assert.Equal("MAM=", Parse(requests[7].BodyText).GetProperty("file").GetString());
        var docs = Parse(requests[10].BodyText);
        Assert.Equal((1370, 3), (docs.GetProperty("requestId").GetInt64(), docs.GetProperty("fileType").GetInt32()));
    }

    [Fact]
    public async Task List_filter_needs_passport_series_and_number_together_before_any_call()
    {
        await using var server = new LoopbackServer(Route);
        using var session = Session(server, password);
        var ex = await Assert.ThrowsAsync<GosApi.Validation.InputValidationException>(() =>
            new UcClient(session).ListRequestsAsync(new Dictionary<string, object?> { ["passportSerial"] = "2210" }, Ct));
        Assert.Contains("PassportNumber", ex.Message);
        Assert.Contains("passport series and number go together", ex.Message);
        Assert.Equal(0, server.Count);
    }

    [Fact]
    public async Task A_5_MB_file_is_streamed_as_valid_json_with_its_base64_and_the_right_length()
    {
        var path = WriteFile("Архив документов.zip", 5 * 1024 * 1024 + 1, seed: 7); // not a multiple of 3: the padding counts too
        await using var server = new LoopbackServer(_ => Reply.Http(200));
        using var session = Session(server, password);
        await new UcClient(session).AttachFileAsync(1318, UcFileType.DocumentsArchive, path, "documents.zip", Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/request/attach_file", PathOf(request));
        Assert.Equal(request.Body.Length.ToString(), request.Header("Content-Length"));
        Assert.Null(request.Header("Transfer-Encoding"));
        Assert.StartsWith("application/json", request.Header("Content-Type"));
        using var document = JsonDocument.Parse(request.Body);
        var body = document.RootElement;
        Assert.Equal(Convert.ToBase64String(File.ReadAllBytes(path)), body.GetProperty("file").GetString());
        Assert.Equal(8, body.GetProperty("fileType").GetInt32());
        Assert.Equal("documents.zip", body.GetProperty("fileName").GetString());
        Assert.Equal(1318, body.GetProperty("requestId").GetInt64());
        Assert.Equal(password, body.GetProperty("pass").GetString());
        Assert.Equal(new[] { "file", "fileName", "fileType", "login", "pass", "requestId" }, body.EnumerateObject().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_file_name_defaults_to_the_file_and_an_empty_or_missing_file_is_refused_before_any_call()
    {
        var path = WriteFile("request.sgn", 4);
        await using var server = new LoopbackServer(_ => Reply.Http(200));
        using var session = Session(server, password);
        var client = new UcClient(session);
        await client.AttachFileAsync(7, UcFileType.SignedCertificateRequest, path, cancellationToken: Ct);
        var body = Parse(Assert.Single(server.Requests).BodyText);
        Assert.Equal("request.sgn", body.GetProperty("fileName").GetString());
        Assert.Equal(20, body.GetProperty("fileType").GetInt32());

        var empty = WriteFile("empty.zip", 0);
        await Assert.ThrowsAsync<GosApi.Validation.InputValidationException>(() => client.AttachFileAsync(7, UcFileType.ExtraDocuments, empty, cancellationToken: Ct));
        await Assert.ThrowsAsync<FileNotFoundException>(() => client.AttachFileAsync(7, UcFileType.ExtraDocuments, Path.Combine(directory, "none.zip"), cancellationToken: Ct));
        await Assert.ThrowsAsync<GosApi.Validation.InputValidationException>(() => client.AttachFileAsync(0, UcFileType.ExtraDocuments, path, cancellationToken: Ct));
        Assert.Equal(1, server.Count);
    }

    [Fact]
    public async Task A_read_is_retried_after_a_503()
    {
        await using var server = new LoopbackServer(Reply.Http(503, "maintenance"), Reply.Ok(StatusAnswer));
        using var session = Session(server, password, maxRetries: 2);
        var statuses = await new UcClient(session).GetStatusesAsync(new long[] { 1234, 1235, 1236 }, Ct);
        Assert.Equal(3, statuses.Count);
        Assert.Equal(2, server.Count);
        Assert.Equal(server.Requests[0].BodyText, server.Requests[1].BodyText);
    }

    [Fact]
    public async Task Attach_file_is_not_repeated_after_a_503_but_is_after_a_429_with_the_whole_file_again()
    {
        var path = WriteFile("documents.zip", 300_000, seed: 3);
        var expected = Convert.ToBase64String(File.ReadAllBytes(path));

        await using (var server = new LoopbackServer(Reply.Http(503, "maintenance"), Reply.Http(200)))
        {
            using var session = Session(server, password, maxRetries: 3);
            var ex = await Assert.ThrowsAsync<GosApiException>(() => new UcClient(session).AttachFileAsync(5, UcFileType.DocumentsArchive, path, cancellationToken: Ct));
            Assert.Equal("Uc.503", ex.ErrorId);
            Assert.Equal(1, server.Count);
        }

        await using (var server = new LoopbackServer(Reply.Http(429, "slow down", ("Retry-After", "0")), Reply.Http(200)))
        {
            using var session = Session(server, password, maxRetries: 3);
            await new UcClient(session).AttachFileAsync(5, UcFileType.DocumentsArchive, path, cancellationToken: Ct);
            Assert.Equal(2, server.Count);
            Assert.All(server.Requests, r => Assert.Equal(expected, Parse(r.BodyText).GetProperty("file").GetString()));
        }
    }

    [Fact]
    public async Task Create_is_not_repeated_after_a_503()
    {
        await using var server = new LoopbackServer(Reply.Http(503), Reply.Ok("""{"requestId":1}"""));
        using var session = Session(server, password, maxRetries: 3);
        var ex = await Assert.ThrowsAsync<GosApiException>(() => new UcClient(session).CreateRequestAsync(Person(), Ct));
        Assert.Equal("Uc.503", ex.ErrorId);
        Assert.Equal(1, server.Count);
    }

    [Theory]
    [InlineData(400, "Переданы неверные входные данные", GosApiErrorKind.InvalidRequest)]
    [InlineData(401, "Нет доступа (неверные или не указанные логин или пароль)", GosApiErrorKind.Authentication)]
    [InlineData(403, "Заявка не найдена или недостаточно прав для получения информации", GosApiErrorKind.NotFound)]
    [InlineData(404, "Заявка не найдена или недостаточно прав для получения информации", GosApiErrorKind.NotFound)]
    [InlineData(500, "Прочие ошибки", GosApiErrorKind.ServerError)]
    public async Task Error_texts_become_Uc_status_with_the_spec_meaning_and_the_body(int status, string meaning, GosApiErrorKind kind)
    {
        const string text = "Input string was not in a correct format.";
        await using var server = new LoopbackServer(new Reply { Status = status, Body = text, ContentType = "text/plain; charset=utf-8" });
        using var session = Session(server, password, maxRetries: 2);
        var ex = await Assert.ThrowsAsync<GosApiException>(() => new UcClient(session).ViewRequestAsync(1404, Ct));
        Assert.Equal("Uc." + status, ex.ErrorId);
        Assert.Equal(status, ex.StatusCode);
        Assert.Equal(kind, ex.Kind);
        Assert.Equal(GosApiService.Uc, ex.Service);
        Assert.Contains("view request failed: " + meaning + ": " + text, ex.Message);
        Assert.Equal("request 1404", ex.EntityId);
        Assert.Equal(1, server.Count); // none of these is retried
    }

    [Fact]
    public async Task A_gateway_html_page_is_not_quoted()
    {
        await using var server = new LoopbackServer(new Reply { Status = 502, Body = "<html><body>Bad gateway nginx</body></html>", ContentType = "text/html" });
        using var session = Session(server, password);
        var ex = await Assert.ThrowsAsync<GosApiException>(() => new UcClient(session).GetProductsAsync(Ct));
        Assert.Equal("Uc.502", ex.ErrorId);
        Assert.Contains("Сервис недоступен", ex.Message);
        Assert.DoesNotContain("nginx", ex.Message);
    }

    [Fact]
    public async Task A_status_200_answer_that_is_not_json_is_an_invalid_response()
    {
        await using var server = new LoopbackServer(new Reply { Status = 200, Body = "OK", ContentType = "text/plain" });
        using var session = Session(server, password);
        var ex = await Assert.ThrowsAsync<GosApiException>(() => new UcClient(session).GetProductsAsync(Ct));
        Assert.Equal(GosApiErrorKind.InvalidResponse, ex.Kind);
    }

    private static string AllText(Exception ex)
    {
        var text = new StringBuilder();
        for (var e = ex; e != null; e = e.InnerException) text.AppendLine(e.Message);
        text.AppendLine(ex.ToString());
        return text.ToString();
    }

    /// <summary>Echoes the body as received (the JSON-escaped password) and as decoded (the raw password).</summary>
    private static Reply Echo(RecordedRequest r, int status)
    {
        var decoded = JsonDocument.Parse(r.Body).RootElement.GetProperty("pass").GetString();
        var head = r.BodyText.Length > 200 ? r.BodyText.Substring(0, 200) : r.BodyText;
        return new Reply { Status = status, Body = "pass=" + decoded + " body=" + head, ContentType = "text/plain; charset=utf-8" };
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(500)]
    public async Task The_password_never_shows_even_when_the_server_echoes_the_body(int status)
    {
        var secret = "p&ss<w>ord'1+" + Guid.NewGuid().ToString("N").Substring(0, 8) + "\"\\";
        await using var server = new LoopbackServer(r => Echo(r, status));
        using var session = Session(server, secret);
        var client = new UcClient(session);
        var escaped = JsonValue.Create(secret)!.ToJsonString().Trim('"');
        Assert.NotEqual(secret, escaped); // the body carries an escaped form

        var path = WriteFile("documents.zip", 50_000);
        var failures = new List<GosApiException>
        {
            await Assert.ThrowsAsync<GosApiException>(() => client.ViewRequestAsync(1, Ct)),
            await Assert.ThrowsAsync<GosApiException>(() => client.CreateRequestAsync(Person(), Ct)),
            await Assert.ThrowsAsync<GosApiException>(() => client.AttachFileAsync(1, UcFileType.DocumentsArchive, path, cancellationToken: Ct)),
            await Assert.ThrowsAsync<GosApiException>(() => client.GetStatusesAsync(new long[] { 1, 2 }, Ct)),
        };
        Assert.All(server.Requests, r => Assert.Contains(escaped, r.BodyText)); // it was sent…
        foreach (var ex in failures)
        {
            Assert.Equal("Uc." + status, ex.ErrorId);
            Assert.Contains("pass=", ex.Message); // …echoed…
            var all = AllText(ex);
            Assert.DoesNotContain(secret, all, StringComparison.Ordinal); // …and scrubbed in both forms
            Assert.DoesNotContain(escaped, all, StringComparison.Ordinal);
            Assert.DoesNotContain("p&ss<w>ord", all, StringComparison.Ordinal);
            Assert.DoesNotContain("p\\u0026ss", all, StringComparison.Ordinal);
        }
        Assert.DoesNotContain(secret, session.ToString());
    }

    [Fact]
    public async Task Statuses_of_many_requests_come_in_one_call()
    {
        await using var server = new LoopbackServer(Reply.Ok(StatusAnswer));
        using var session = Session(server, password);
        var client = new UcClient(session);
        var statuses = await client.GetStatusesAsync(new long[] { 1234, 1235, 1236, 1235 }, Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(new long[] { 1234, 1235, 1236 }, Parse(request.BodyText).GetProperty("requests").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal(new[] { (1234L, UcRequestStatus.NoData), (1235L, UcRequestStatus.Issuing), (1236L, UcRequestStatus.SendingDocuments) },
            statuses.Select(s => (s.RequestId, s.Status)));
        Assert.Equal("Выпуск", statuses[1].Meaning);
        Assert.Equal("Нет данных по указанной заявке или нет доступа к данной заявке", statuses[0].Meaning);

        var missing = await client.GetStatusAsync(999, Ct); // not in the answer
        Assert.Equal(UcRequestStatus.NoData, missing.Status);
        await Assert.ThrowsAsync<GosApi.Validation.InputValidationException>(() => client.GetStatusesAsync(Array.Empty<long>(), Ct));
    }

    [Fact]
    public async Task List_and_view_read_the_spec_examples()
    {
        await using var server = new LoopbackServer(Route);
        using var session = Session(server, password);
        var client = new UcClient(session);

        var list = await client.ListRequestsAsync(new Dictionary<string, object?> { ["createDate"] = new DateTime(2021, 6, 17) }, Ct);
        Assert.Equal("17.06.2021", Parse(server.Requests[0].BodyText).GetProperty("filter").GetProperty("createDate").GetString());
        var item = Assert.Single(list);
        Assert.Equal(1760, item.RequestId);
        Assert.Equal(UcRequestStatus.SendingDocuments, item.Status);
        Assert.Equal("Отправка документов", item.StatusName);
        Assert.Equal(new DateTime(2021, 6, 17, 23, 59, 18), item.CreateDate);
        Assert.Equal("Петров Николай Валентинович", item.FullName);
        Assert.Null(item.FnsCertificateCheck);
        Assert.Empty(item.ExistingCertificatesInFns);

        var view = await client.ViewRequestAsync(1404, Ct);
        Assert.Equal(1404, view.RequestId);
        Assert.Equal(UcApplicantType.LegalEntity, view.Info.Type);
        Assert.Equal("Комментарий", view.Comment);
        Assert.Equal(new DateTime(2020, 1, 28, 4, 1, 15), view.CreateDate);
        Assert.Equal(UcFnsCertificateCheck.Found, view.FnsCertificateCheck);
        Assert.Contains("заявление на отзыв", view.FnsCertificateCheckMeaning);
        Assert.Equal(new[] { "0ABCDEF12345", "0ABCDEF12346" }, view.ExistingCertificatesInFns.Select(c => c.SerialNumber));
        Assert.Equal(new DateTime(2022, 1, 25, 10, 13, 0), view.ExistingCertificatesInFns[0].Issued);
        Assert.Equal(new[] { "Application", "Bill", "Procurement", "ClientAgreement" }, view.DocumentTypes);
        Assert.Equal(2, view.SmevChecks.Count);
        Assert.Equal((-2, "Запрос не найден, проверка не проводилась", "СНИЛС"), (view.SmevChecks[0].Status, view.SmevChecks[0].StatusMeaning, view.SmevChecks[0].RequestTypeMeaning));
        Assert.Null(view.SmevChecks[0].LaunchDate);
        Assert.True(view.SmevChecks[1].IsFailed);
        Assert.Equal("ОГРН ЮЛ", view.SmevChecks[1].RequestTypeMeaning);
        Assert.NotNull(view.SmevChecks[1].LaunchDate);
    }

    [Fact]
    public async Task Products_are_read_with_prices_oids_and_subitems()
    {
        const string answer = """
            {"products":[
              {"id":224,"name":"КСКПЭП ЮЛ","price":{"fl":0,"ip":0,"ur":0},
               "oids":[{"oid":"1.3.6.1.5.5.7.3.2","description":"Работа на ЭТП по 44-ФЗ"},{"oid":"1.2.643.2.2.34.6","description":"Пользователь Центра Регистрации, HTTP, TLS client"}],
               "required":true,"subitemsType":null,"subitems":null},
              {"id":226,"name":"Лицензия КриптоПро CSP 5.0","price":{"fl":1000,"ip":1000.5,"ur":"1200"},"oids":[],"required":false,"subitemsType":1,
               "subitems":[{"id":227,"name":"Продление","price":{"fl":10,"ip":20,"ur":30},"oids":[],"required":false}]}
            ]}
            """;
        await using var server = new LoopbackServer(Reply.Ok(answer));
        using var session = Session(server, password);
        var products = await new UcClient(session).GetProductsAsync(Ct);
        Assert.Equal(new[] { 224, 226 }, products.Select(p => p.Id));
        Assert.True(products[0].Required);
        Assert.Equal(new[] { "1.3.6.1.5.5.7.3.2", "1.2.643.2.2.34.6" }, products[0].Oids);
        Assert.Equal("Работа на ЭТП по 44-ФЗ", products[0].OidDescriptions[0]);
        Assert.Equal((0m, 0m, 0m), (products[0].PricePerson, products[0].PriceEntrepreneur, products[0].PriceLegalEntity));
        Assert.Equal((1000m, 1000.5m, 1200m), (products[1].PricePerson, products[1].PriceEntrepreneur, products[1].PriceLegalEntity));
        Assert.Equal(227, Assert.Single(products[1].Subitems).Id);
        Assert.Empty(products[0].Subitems);
    }

    [Fact]
    public async Task Result_and_client_docs_files_are_decoded()
    {
        var certificate = RandomNumberGenerator.GetBytes(700);
        var result = new JsonArray(
            new JsonObject { ["name"] = "Мартьянов1_cert_1318.cer", ["contentBase64"] = Convert.ToBase64String(certificate), ["mimeType"] = "application/octet-stream", ["type"] = 7 },
            new JsonObject { ["name"] = "Мартьянов1_certInfo_1395.xps", ["contentBase64"] = "UEsDBBQ=", ["mimeType"] = "application/vnd.ms-xpsdocument", ["type"] = 6 },
            new JsonObject { ["name"] = "Мартьянов1_key_1318.txt", ["contentBase64"] = "Q1JZUFRPIFBSTyBLRVk=", ["mimeType"] = "text/plain", ["licenseType"] = 10 }).ToJsonString();
        const string docs = """[{"name":"Алейников_application_1740.pdf","contentBase64":"JVBERi0xLjQ=","mimeType":"application/pdf","type":1}]""";
        await using var server = new LoopbackServer(r => PathOf(r) == "/request/result" ? Reply.Ok(result) : Reply.Ok(docs));
        using var session = Session(server, password);
        var client = new UcClient(session);

        var files = await client.GetResultAsync(1318, Ct);
        Assert.Equal(new[] { "Certificate", "PrintForm", "License" }, files.Select(f => f.Kind));
        Assert.Equal(certificate, files[0].Content);
        Assert.Equal("Мартьянов1_cert_1318.cer", files[0].Name);
        Assert.Equal(new byte[] { 0x50, 0x4B, 3, 4, 0x14 }, files[1].Content);
        Assert.Equal("CRYPTO PRO KEY", Encoding.ASCII.GetString(files[2].Content));
        Assert.Null(files[2].Type);
        Assert.Equal("КриптоПро 5", files[2].LicenseName);
        Assert.Equal(1318, Parse(server.Requests[0].BodyText).GetProperty("requestId").GetInt64());

        var application = Assert.Single(await client.GetClientDocumentsAsync(1740, UcFileType.Application, Ct));
        Assert.Equal("%PDF-1.4", Encoding.ASCII.GetString(application.Content));
        Assert.Equal(("Application", "application/pdf"), (application.Kind, application.MimeType));
        Assert.Equal(1, Parse(server.Requests[1].BodyText).GetProperty("fileType").GetInt32());
    }

    private static string FnsPage(int from, int count) => new JsonArray(Enumerable.Range(from, count).Select(i => (JsonNode)new JsonObject
    {
        ["sn"] = i.ToString("X8"), ["issueDate"] = "2022-06-27T10:06:04+00:00", ["revocationDate"] = "2023-06-27T10:16:04+00:00", ["cn"] = "ПАО \"Ромашка\"",
        ["inn"] = "597114686901", ["innLe"] = "0968189644", ["ogrn"] = "1172314090805", ["ogrnIp"] = "", ["snils"] = "47541149089",
        ["organizationName"] = "ПАО \"Ромашка\"", ["surName"] = "Иванов", ["givenName"] = "Иван Сергеевич", ["status"] = "Valid",
        ["revocationReason"] = null, ["revokedWhen"] = null, ["deferredRevocationDate"] = null,
    }).ToArray()).ToJsonString();

    private static Reply FnsFind(RecordedRequest r, int total)
    {
        var parameters = Parse(r.BodyText).GetProperty("findCertParams");
        var offset = parameters.GetProperty("offset").GetInt32();
        var count = parameters.GetProperty("count").GetInt32();
        return Reply.Ok(FnsPage(offset, Math.Max(0, Math.Min(count, total - offset))));
    }

    [Fact]
    public async Task Fns_find_pages_by_100_until_a_short_page()
    {
        await using var server = new LoopbackServer(r => FnsFind(r, 237));
        using var session = Session(server, password);
        var found = new List<UcFnsCertificate>();
        var count = await new UcClient(session).FindFnsCertificatesAsync(new UcFnsQuery { Snils = "475-411-490 89" }, c => { found.Add(c); return true; }, Ct);

        Assert.Equal(237, count);
        Assert.Equal(Enumerable.Range(0, 237).Select(i => i.ToString("X8")), found.Select(c => c.SerialNumber));
        var pages = server.Requests.Select(r => Parse(r.BodyText).GetProperty("findCertParams")).ToArray();
        Assert.Equal(new[] { 0, 100, 200 }, pages.Select(p => p.GetProperty("offset").GetInt32()));
        Assert.All(pages, p => Assert.Equal(100, p.GetProperty("count").GetInt32()));
        Assert.All(pages, p => Assert.Equal("47541149089", p.GetProperty("snils").GetString()));
        var first = found[0];
        Assert.Equal(new DateTimeOffset(2023, 6, 27, 10, 16, 4, TimeSpan.Zero), first.NotAfter);
        Assert.Equal(("0968189644", "Иванов", "Иван Сергеевич", "Valid"), (first.InnLe, first.SurName, first.GivenName, first.Status));
        Assert.Null(first.DeferredRevocationDate);
    }

    [Fact]
    public async Task Fns_find_with_exactly_a_full_page_asks_once_more_and_stops_on_the_empty_page()
    {
        await using var server = new LoopbackServer(r => FnsFind(r, 200));
        using var session = Session(server, password);
        var count = await new UcClient(session).FindFnsCertificatesAsync(new UcFnsQuery { Inn = LegalInn, Offset = 0 }, _ => true, Ct);
        Assert.Equal(200, count);
        Assert.Equal(3, server.Count);
        Assert.Equal("00" + LegalInn, Parse(server.Requests[0].BodyText).GetProperty("findCertParams").GetProperty("inn").GetString());
    }

    [Fact]
    public async Task Fns_find_stops_early_when_the_callback_says_so()
    {
        await using var server = new LoopbackServer(r => FnsFind(r, 1000));
        using var session = Session(server, password);
        var seen = 0;
        var count = await new UcClient(session).FindFnsCertificatesAsync(new UcFnsQuery { Ogrn = Ogrn, Offset = 50 }, _ => ++seen < 120, Ct);
        Assert.Equal(120, count);
        Assert.Equal(120, seen);
        Assert.Equal(new[] { 50, 150 }, server.Requests.Select(r => Parse(r.BodyText).GetProperty("findCertParams").GetProperty("offset").GetInt32()));
    }

    [Fact]
    public async Task Fns_find_refuses_a_bad_query_before_any_call()
    {
        await using var server = new LoopbackServer(r => FnsFind(r, 1));
        using var session = Session(server, password);
        await Assert.ThrowsAsync<GosApi.Validation.InputValidationException>(() => new UcClient(session).FindFnsCertificatesAsync(new UcFnsQuery { SerialNumber = "ABC" }, _ => true, Ct));
        Assert.Equal(0, server.Count);
    }

    private static LoopbackServer Statuses(params int[] sequence)
    {
        var calls = 0;
        return new LoopbackServer(r =>
        {
            var status = sequence[Math.Min(Interlocked.Increment(ref calls) - 1, sequence.Length - 1)];
            return Reply.Ok("[{\"requestId\":77,\"statusId\":" + status + "}]");
        });
    }

    [Fact]
    public async Task Wait_returns_when_the_request_leaves_22()
    {
        await using var server = Statuses(22, 22, 1);
        using var session = Session(server, password);
        var seen = new List<UcRequestStatus>();
        var (status, timedOut) = await new UcClient(session).WaitAsync(77, null, TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(10), new SyncProgress<UcStatusEntry>(s => seen.Add(s.Status)), Ct);
        Assert.False(timedOut);
        Assert.Equal(UcRequestStatus.SendingDocuments, status.Status);
        Assert.Equal(3, server.Count);
        Assert.Equal(new[] { UcRequestStatus.SystemProcessing, UcRequestStatus.SystemProcessing, UcRequestStatus.SendingDocuments }, seen);
    }

    [Fact]
    public async Task Wait_for_given_statuses_passes_over_others_and_stops_at_a_refusal()
    {
        await using (var server = Statuses(22, 3, 3, 4))
        {
            using var session = Session(server, password);
            var (status, timedOut) = await new UcClient(session).WaitAsync(77, new[] { UcRequestStatus.Ready }, TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(10), null, Ct);
            Assert.False(timedOut);
            Assert.Equal(UcRequestStatus.Ready, status.Status);
            Assert.Equal(4, server.Count);
        }
        await using (var server = Statuses(3, 5, 4))
        {
            using var session = Session(server, password);
            var (status, timedOut) = await new UcClient(session).WaitAsync(77, new[] { UcRequestStatus.Ready }, TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(10), null, Ct);
            Assert.False(timedOut);
            Assert.Equal(UcRequestStatus.Refused, status.Status);
            Assert.Equal(2, server.Count);
        }
    }

    [Fact]
    public async Task Wait_times_out_with_the_last_status()
    {
        await using var server = Statuses(22);
        using var session = Session(server, password);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (status, timedOut) = await new UcClient(session).WaitAsync(77, null, TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(40), null, Ct);
        Assert.True(timedOut);
        Assert.Equal(UcRequestStatus.SystemProcessing, status.Status);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(280), TimeSpan.FromSeconds(5));
        Assert.InRange(server.Count, 3, 12);
    }

    private sealed class SyncProgress<T> : IProgress<T>
    {
        private readonly Action<T> action;
        public SyncProgress(Action<T> action) => this.action = action;
        public void Report(T value) => action(value);
    }
}
