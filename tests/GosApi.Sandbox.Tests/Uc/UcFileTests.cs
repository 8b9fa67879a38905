using System.Text.Json.Nodes;
using GosApi.Sandbox.Esia;

namespace GosApi.Sandbox.Tests.Uc;

public sealed class UcFileTests
{
    private static async Task<(long Id, TestCertificate Employee, byte[] Archive)> ToStatus2Async(UcApi api, JsonObject? info = null)
    {
        var id = await api.CreateReadyAsync(info ?? UcApi.Person());
        var archive = UcApi.PersonArchive();
        var employee = api.Signer();
        await api.AttachOkAsync(id, 8, archive);
        await api.AttachOkAsync(id, 9, UcApi.SignDetached(employee, archive));
        await api.WaitStatusAsync(id, 2);
        return (id, employee, archive);
    }

    [Fact]
    public async Task Files_out_of_order_are_refused_with_an_explanation()
    {
        await using var api = await UcApi.StartAsync(clockSpeed: 60);
        var id = await api.CreateReadyAsync(UcApi.Person());
        var employee = api.Signer();
        var key = api.Signer();
        var pkcs10 = UcApi.Pkcs10(key);
        var archive = UcApi.PersonArchive();

        Assert.Contains("после архива документов (тип 8)", await api.AttachFailAsync(id, 9, UcApi.SignDetached(employee, archive)));
        Assert.Contains("только в статусе 2", await api.AttachFailAsync(id, 0, pkcs10));
        Assert.Contains("только в статусе 3", await api.AttachFailAsync(id, 20, UcApi.SignAttached(employee, pkcs10)));
        Assert.Contains("только в статусе 2", await api.FailAsync("request/attach_certificate",
            new JsonObject { ["requestId"] = id, ["file"] = Convert.ToBase64String(key.Certificate) }, HttpStatusCode.InternalServerError));
        Assert.Contains("статусе 4", await api.FailAsync("request/result", new JsonObject { ["requestId"] = id }, HttpStatusCode.InternalServerError));

        await api.AttachOkAsync(id, 8, archive);
        // the signature must be over exactly the archive sent, by a certificate of the test CA
        Assert.Contains("messageDigest", await api.AttachFailAsync(id, 9, UcApi.SignDetached(employee, UcApi.PersonArchive("Фото_2.jpg"))));
        var foreignCa = await SandboxServer.StartAsync(null, TestContext.Current.CancellationToken);
        await using (foreignCa)
        {
            var stranger = foreignCa.IssueTestCertificate();
            Assert.Contains("not trusted", await api.AttachFailAsync(id, 9, UcApi.SignDetached(stranger, archive)));
        }
        Assert.Contains("не является подписью", await api.AttachFailAsync(id, 9, [1, 2, 3]));
        Assert.Contains("detached", await api.AttachFailAsync(id, 9, UcApi.SignAttached(employee, archive)));
        await api.AttachOkAsync(id, 9, UcApi.SignDetached(employee, archive));
        await api.WaitStatusAsync(id, 2);

        Assert.Contains("только в статусе 1", await api.AttachFailAsync(id, 8, archive));
        Assert.Contains("только в статусе 1", await api.AttachFailAsync(id, 9, UcApi.SignDetached(employee, archive)));
        Assert.Contains("только в статусе 3", await api.AttachFailAsync(id, 20, UcApi.SignAttached(employee, pkcs10)));
        Assert.Contains("подпись запроса", await api.AttachFailAsync(id, 0, UcApi.Pkcs10(key, breakSignature: true)));
        Assert.Contains("PKCS#10", await api.AttachFailAsync(id, 0, archive));
        await api.AttachOkAsync(id, 0, pkcs10);
        await api.WaitStatusAsync(id, 3);

        Assert.Contains("только в статусе 2", await api.AttachFailAsync(id, 0, pkcs10));
        Assert.Contains("не тот запрос", await api.AttachFailAsync(id, 20, UcApi.SignAttached(employee, UcApi.Pkcs10(api.Signer()))));
        Assert.Contains("присоединённая", await api.AttachFailAsync(id, 20, UcApi.SignDetached(employee, pkcs10)));
        await api.AttachOkAsync(id, 17, UcApi.Archive("Памятка.pdf"), "памятка.zip");
        await api.AttachOkAsync(id, 20, UcApi.SignAttached(employee, pkcs10));
        await api.WaitStatusAsync(id, 4);
        Assert.Contains("только в статусе 3", await api.AttachFailAsync(id, 20, UcApi.SignAttached(employee, pkcs10)));
        await api.AttachOkAsync(id, 17, UcApi.Archive("certInfo.pdf"), "после выпуска.zip");

        Assert.Equal([8, 9, 0, 17, 20, 17], api.Server.UcAttachments(id).Select(a => a.FileType));
        Assert.Equal(HttpStatusCode.BadRequest, (await api.AttachAsync(id, 5, archive)).Status);
        var noFile = await api.PostAsync("request/attach_file", new JsonObject { ["requestId"] = id, ["fileType"] = 17, ["file"] = "не base64!" });
        Assert.Equal(HttpStatusCode.BadRequest, noFile.Status);
    }

    [Theory]
    [InlineData(1, "too few", new[] { "Заявление.pdf", "Паспорт.jpg", "СНИЛС.jpg", "Фото.jpg" }, "минимум 5")]
    [InlineData(1, "no passport", new[] { "Заявление.pdf", "Фото_2.jpg", "СНИЛС.jpg", "Фото.jpg", "SNILS_2.jpg" }, "Паспорт/Passport")]
    [InlineData(1, "duplicate", new[] { "Заявление.pdf", "Паспорт.jpg", "СНИЛС.jpg", "Фото.jpg", "паспорт.jpg" }, "не должны повторяться")]
    [InlineData(1, "bad prefix", new[] { "Заявление.pdf", "Паспорт.jpg", "СНИЛС.jpg", "Фото.jpg", "Договор.pdf" }, "Договор.pdf")]
    [InlineData(3, "five for ЮЛ", new[] { "Заявление.pdf", "Доверенность.pdf", "Паспорт.jpg", "СНИЛС.jpg", "Фото.jpg" }, "минимум 6")]
    [InlineData(3, "no procuration", new[] { "Заявление.pdf", "Паспорт_1.jpg", "Паспорт.jpg", "СНИЛС.jpg", "Фото.jpg", "Photo2.jpg" }, "Доверенность/Procuration")]
    public async Task Archive_checks(int type, string what, string[] names, string expected)
    {
        _ = what;
        await using var api = await UcApi.StartAsync();
        var id = await api.CreateReadyAsync(type == 1 ? UcApi.Person() : UcApi.LegalEntity());
        Assert.Contains(expected, await api.AttachFailAsync(id, 8, UcApi.Archive(names)));
        Assert.Empty(api.Server.UcAttachments(id));
    }

    [Fact]
    public async Task Archive_must_be_a_zip_and_revocation_is_needed_when_fns_found_certificates()
    {
        await using var api = await UcApi.StartAsync();
        var id = await api.CreateReadyAsync(UcApi.Person());
        Assert.Contains("zip", await api.AttachFailAsync(id, 8, Encoding.UTF8.GetBytes("not a zip")));
        await api.AttachOkAsync(id, 8, UcApi.LegalEntityArchive()); // Latin names, another Паспорт page counted

        var repeated = await api.CreateReadyAsync(UcApi.Person("Повторов"));
        Assert.Contains("Отзыв/Revocation", await api.AttachFailAsync(repeated, 8, UcApi.PersonArchive()));
        await api.AttachOkAsync(repeated, 8, UcApi.PersonArchive("Revocation.pdf"));

        var company = await api.CreateReadyAsync(UcApi.LegalEntity());
        await api.AttachOkAsync(company, 8, UcApi.LegalEntityArchive());
    }

    [Fact]
    public async Task Identification_by_signature_needs_the_extension_in_the_request()
    {
        await using var api = await UcApi.StartAsync();
        var info = UcApi.Person();
        info["identificationKind"] = 1;
        var (id, employee, _) = await ToStatus2Async(api, info);
        var key = api.Signer();
        Assert.Contains("1.2.643.100.114", await api.AttachFailAsync(id, 0, UcApi.Pkcs10(key)));
        var pkcs10 = UcApi.Pkcs10(key, identificationExtension: true);
        await api.AttachOkAsync(id, 0, pkcs10);
        await api.WaitStatusAsync(id, 3);
        await api.AttachOkAsync(id, 20, UcApi.SignAttached(employee, pkcs10));
        await api.WaitStatusAsync(id, 4);

        // kind 0 in the request becomes 1 when the PKCS#10 carries the extension
        var (other, _, _) = await ToStatus2Async(api);
        await api.AttachOkAsync(other, 0, UcApi.Pkcs10(api.Signer(), identificationExtension: true));
        Assert.Equal(1, (await api.ViewAsync(other))["info"]!["identificationKind"]!.GetValue<int>());
    }

    [Fact]
    public async Task Attach_file_binds_member_names_case_insensitively()
    {
        await using var api = await UcApi.StartAsync();
        var id = await api.CreateReadyAsync(UcApi.Person());
        var archive = UcApi.PersonArchive();
        var (status, text, _) = await api.PostAsync("request/attach_file", new JsonObject
        {
            ["RequestId"] = id, ["File_Name"] = "documents.zip", ["File"] = Convert.ToBase64String(archive), ["FileType"] = 8,
        });
        Assert.True(status == HttpStatusCode.OK, text);
        Assert.Equal("", api.Server.UcAttachments(id).Single().FileName); // File_Name does not bind
        var signature = UcApi.SignDetached(api.Signer(), archive);
        (status, text, _) = await api.PostAsync("request/attach_file", new JsonObject
        {
            ["requestid"] = id, ["FILENAME"] = "documents.zip.sig", ["file"] = Convert.ToBase64String(signature), ["filetype"] = 9,
        });
        Assert.True(status == HttpStatusCode.OK, text);
        Assert.Equal("documents.zip.sig", api.Server.UcAttachments(id)[1].FileName);
    }

    [Fact]
    public async Task Attach_certificate_in_status_2_makes_the_request_ready()
    {
        await using var api = await UcApi.StartAsync();
        var (id, _, _) = await ToStatus2Async(api);
        var certificate = api.Signer();
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsync("request/attach_certificate",
            new JsonObject { ["requestId"] = id, ["file"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("junk")) })).Status);
        await api.OkAsync("request/attach_certificate", new JsonObject
        {
            ["requestId"] = id, ["file"] = Convert.ToBase64String(Encoding.ASCII.GetBytes(certificate.CertificatePem)),
        });
        Assert.Equal(4, await api.StatusAsync(id));
        var result = (await api.OkAsync("request/result", new JsonObject { ["requestId"] = id })).AsArray();
        Assert.Equal(certificate.Certificate, Convert.FromBase64String(result.Single(f => f!["type"]?.GetValue<int>() == 7)!["contentBase64"]!.GetValue<string>()));

        var (der, _, _) = await ToStatus2Async(api);
        await api.OkAsync("request/attach_certificate", new JsonObject { ["requestId"] = der, ["file"] = Convert.ToBase64String(certificate.Certificate) });
        Assert.Equal(4, await api.StatusAsync(der));
    }

    [Fact]
    public async Task Client_docs_by_type_and_404_for_unknown()
    {
        await using var api = await UcApi.StartAsync();
        var id = await api.CreateReadyAsync(UcApi.Person());
        var application = (await api.OkAsync("request/client_docs", new JsonObject { ["requestId"] = id, ["fileType"] = 1 })).AsArray().Single()!;
        Assert.Equal($"Петров_application_{id}.pdf", application["name"]!.GetValue<string>());
        Assert.Equal("application/pdf", application["mimeType"]!.GetValue<string>());
        Assert.Equal(1, application["type"]!.GetValue<int>());
        Assert.StartsWith("%PDF", Encoding.UTF8.GetString(Convert.FromBase64String(application["contentBase64"]!.GetValue<string>())));
        Assert.Equal(3, (await api.OkAsync("request/client_docs", new JsonObject { ["requestId"] = id, ["fileType"] = 3 }))[0]!["type"]!.GetValue<int>());
        Assert.Empty((await api.OkAsync("request/client_docs", new JsonObject { ["requestId"] = id, ["fileType"] = 17 })).AsArray());
        var extra = UcApi.Archive("Договор.pdf");
        await api.AttachOkAsync(id, 17, extra, "договор.zip");
        var docs = (await api.OkAsync("request/client_docs", new JsonObject { ["requestId"] = id, ["fileType"] = 17 })).AsArray();
        Assert.Equal(extra, Convert.FromBase64String(docs.Single()!["contentBase64"]!.GetValue<string>()));
        Assert.Contains(17, (await api.ViewAsync(id))["list"]!.AsArray().Select(l => l!["typeId"]!.GetValue<int>()));

        await api.FailAsync("request/client_docs", new JsonObject { ["requestId"] = 999999, ["fileType"] = 1 }, HttpStatusCode.NotFound);
        var other = api.Server.RegisterUcManager();
        await api.FailAsync("request/client_docs", new JsonObject { ["requestId"] = id, ["fileType"] = 1 }, HttpStatusCode.NotFound, other);
        await api.FailAsync("request/client_docs", new JsonObject { ["requestId"] = id, ["fileType"] = 2 }, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Resumed_submission_after_lost_answers_does_not_need_to_resend_archive_steps()
    {
        await using var api = await UcApi.StartAsync();
        var id = await api.CreateReadyAsync(UcApi.Person());
        var archive = UcApi.PersonArchive();
        var employee = api.Signer();
        await api.AttachOkAsync(id, 8, archive);
        api.Server.Faults.Add(new FaultRule { PathPrefix = "/api/external/v2/request/attach_file", Kind = FaultKind.LoseResponse });
        await Assert.ThrowsAsync<HttpRequestException>(() => api.AttachAsync(id, 9, UcApi.SignDetached(employee, archive)));
        await api.WaitStatusAsync(id, 2); // the status tells the resumed run that 8 and 9 are done
        var pkcs10 = UcApi.Pkcs10(api.Signer());
        await api.AttachOkAsync(id, 0, pkcs10);
        await api.WaitStatusAsync(id, 3);
        await api.AttachOkAsync(id, 20, UcApi.SignAttached(employee, pkcs10));
        await api.WaitStatusAsync(id, 4);
        Assert.Equal([8, 9, 0, 20], api.Server.UcAttachments(id).Select(a => a.FileType));
    }
}
