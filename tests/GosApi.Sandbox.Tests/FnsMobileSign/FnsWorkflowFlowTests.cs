using System.Text.Json.Nodes;

namespace GosApi.Sandbox.Tests.FnsMobileSign;

public sealed class FnsWorkflowFlowTests
{
    [Fact]
    public async Task Registration_runs_identification_then_certificate_issuing()
    {
        await using var api = await FnsApi.StartAsync();
        var created = await api.CreateAsync(FnsBodies.Registration());
        // "wait-pkcs10" lasts 30 sandbox seconds: on a loaded machine the answer may already be the next state.
        Assert.Contains(created["state"]!.GetValue<string>(), new[] { "wait-pkcs10", "wait-consumer-identification" });
        var consumerId = created["consumer"]!["id"]!.GetValue<string>();
        var id = created["id"]!.GetValue<long>();
        var (_, documents) = await api.GetAsync($"api/rb/workflow/{id}/confirmation-document");
        var confirmation = documents!["result"]!["confirmation_documents"]![0]!["id"]!.GetValue<long>();
        var (uploaded, _) = await api.PutAsync($"api/rb/confirmation-document/{confirmation}", new JsonObject { ["title"] = "паспорт.pdf", ["path"] = "UERG" });
        Assert.Equal(HttpStatusCode.OK, uploaded);

        await api.WaitStateAsync(id, "wait-consumer-identification");
        var (found, search) = await api.PostAsync("api/rb/workflow/identification/search/", new JsonObject
        {
            ["consumer"] = new JsonObject { ["phone"] = "79005863454", ["identities"] = new JsonArray(new JsonObject { ["series"] = "1234", ["number"] = "567890" }) },
        });
        Assert.Equal(HttpStatusCode.OK, found);
        Assert.Equal(id, search!["result"]!["id"]!.GetValue<long>());

        var (missing, error) = await api.PutAsync($"api/rb/workflow/{id}/state", new JsonObject { ["state"] = "identify" });
        Assert.Equal(HttpStatusCode.BadRequest, missing);
        Assert.NotNull(error!["error"]!["idp_info"]);
        var (identified, state) = await api.PutAsync($"api/rb/workflow/{id}/state",
            new JsonObject { ["state"] = "identify", ["idp_info"] = "ООО Партнёры", ["agent_info"] = "Иванов Иван Иванович", ["agent_external_data"] = "015287" });
        Assert.Equal(HttpStatusCode.OK, identified);
        Assert.Equal("certificate-issue", state!["result"]!["state"]!.GetValue<string>());

        var full = await api.WaitStateAsync(id, "complete");
        var child = full["children"]![0]!.GetValue<long>();
        var issuing = await api.WaitStateAsync(child, "wait-scan-upload");
        Assert.Equal("certificate-issuing", issuing["type"]!.GetValue<string>());
        Assert.Equal(id, issuing["parent_id"]!.GetValue<long>());

        var (early, _) = await api.PutAsync($"api/rb/workflow/{child}/state", new JsonObject { ["state"] = "scan_confirm_received" });
        Assert.Equal(HttpStatusCode.BadRequest, early);
        var (_, scans) = await api.GetAsync($"api/rb/workflow/{child}/document-scan");
        foreach (var scan in scans!["result"]!["scans"]!.AsArray())
            Assert.Equal(HttpStatusCode.OK, (await api.PutAsync($"api/rb/document-scan/{scan!["id"]}", new JsonObject { ["title"] = "Cert.jpg", ["path"] = "AAEC" })).Status);
        var (confirmed, done) = await api.PutAsync($"api/rb/workflow/{child}/state", new JsonObject { ["state"] = "scan_confirm_received" });
        Assert.Equal(HttpStatusCode.OK, confirmed);
        Assert.Equal("complete", done!["result"]!["state"]!.GetValue<string>());

        var (_, consumers) = await api.PostAsync("api/rb/consumer/search", new JsonObject
        {
            ["last_name"] = "Иванов", ["first_name"] = "Иван", ["middle_name"] = "Иванович", ["phone"] = "79005863454",
        });
        var consumer = consumers!["result"]![0]!;
        Assert.Equal(consumerId, consumer["id"]!.GetValue<string>());
        Assert.Equal("identified", consumer["state"]!.GetValue<string>());
        var sign = consumer["certificates"]!.AsArray().Single(c => c!["type"]!.GetValue<string>() == "sign")!;
        Assert.True(sign["is_confirmed"]!.GetValue<bool>());
        var certificate = await api.GetBytesAsync(sign["certificate_data"]!["certificate_link"]!.GetValue<string>());
        new Org.BouncyCastle.X509.X509Certificate(certificate).Verify(new Org.BouncyCastle.X509.X509Certificate(api.Server.EsiaCaCertificate).GetPublicKey());
        Assert.NotEmpty(await api.GetBytesAsync(sign["certificate_data"]!["request_link"]!.GetValue<string>()));

        // the consumer can now sign
        var signing = await api.CreateAsync(FnsApi.Signing(consumerId));
        await api.WaitStateAsync(signing["id"]!.GetValue<long>(), "complete");
    }

    [Fact]
    public async Task Failed_smev_check_rejects_and_blocks_the_consumer()
    {
        await using var api = await FnsApi.StartAsync();
        var created = await api.CreateAsync(FnsBodies.Registration(lastName: "Отказов"));
        // "validation" lasts 5 sandbox seconds: on a slow machine the answer may already say "rejected".
        Assert.Contains(created["state"]!.GetValue<string>(), new[] { "validation", "rejected" });
        var full = await api.WaitStateAsync(created["id"]!.GetValue<long>(), "rejected");
        Assert.Equal("Не пройдены проверки: Валидация ФИО-СНИЛС", full["error_message"]!.GetValue<string>());

        var (status, body) = await api.PostAsync("api/rb/workflow", new JsonObject { ["scenario"] = 134, ["consumer"] = created["consumer"]!["id"]!.GetValue<string>() });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Данный клиент заблокирован. Выполнение операции невозможно", body!["error"]!["consumer"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Blank_external_activity_decryption_and_reissuing_progress()
    {
        await using var api = await FnsApi.StartAsync();
        var consumer = api.Consumer();
        var blank = (await api.CreateAsync(new JsonObject { ["scenario"] = 134, ["consumer"] = consumer.Id }))["id"]!.GetValue<long>();
        Assert.Equal("active", (await api.FullAsync(blank))["state"]!.GetValue<string>());

        var activity = await api.CreateAsync(new JsonObject
        {
            ["scenario"] = 102, ["consumer"] = consumer.Id,
            ["external_activity"] = new JsonObject { ["url"] = "https://example.org/page", ["headers"] = new JsonObject { ["X-Auth"] = "1" } },
        });
        Assert.Equal("processing-external-activity", activity["state"]!.GetValue<string>());
        Assert.Equal("complete", (await api.FullAsync(blank))["state"]!.GetValue<string>());
        var (_, completed) = await api.PutAsync($"api/rb/workflow/{activity["id"]}/state", new JsonObject { ["state"] = "complete_external_activity" });
        Assert.Equal("complete", completed!["result"]!["state"]!.GetValue<string>());
        Assert.Equal("external-activity", completed["result"]!["type"]!.GetValue<string>());

        var decryption = await api.CreateAsync(new JsonObject
        {
            ["scenario"] = 90, ["consumer"] = consumer.Id,
            ["documents"] = new JsonArray(new JsonObject { ["title"] = "secret.txt.enc", ["path"] = "c2VjcmV0" }),
        });
        Assert.Equal("wait-decryption", decryption["state"]!.GetValue<string>());
        var decrypted = await api.WaitStateAsync(decryption["id"]!.GetValue<long>(), "complete");
        Assert.Equal("secret.txt", decrypted["decrypted_documents"]![0]!["title"]!.GetValue<string>());

        var reissue = (await api.CreateAsync(new JsonObject { ["scenario"] = 94, ["consumer"] = consumer.Id }))["id"]!.GetValue<long>();
        Assert.Equal("certificate-reissuing", (await api.WaitStateAsync(reissue, "complete"))["type"]!.GetValue<string>());

        var tls = (await api.CreateAsync(new JsonObject { ["scenario"] = 92, ["consumer"] = consumer.Id }))["id"]!.GetValue<long>();
        await api.WaitStateAsync(tls, "wait-consumer-identification");
        await api.PutAsync($"api/rb/workflow/{tls}/state", new JsonObject { ["state"] = "identify", ["identification_point"] = 7 });
        Assert.Equal("tls-certificate-reissuing", (await api.WaitStateAsync(tls, "complete"))["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task List_pages_by_20_with_absolute_next_links()
    {
        await using var api = await FnsApi.StartAsync();
        var consumer = api.Consumer();
        for (var i = 0; i < 23; i++) await api.CreateAsync(new JsonObject { ["scenario"] = 134, ["consumer"] = consumer.Id });
        var (_, first) = await api.GetAsync($"api/rb/workflow?consumer={consumer.Id}&type=blank");
        Assert.Equal(23, first!["result"]!["count"]!.GetValue<int>());
        Assert.Equal(20, first["result"]!["results"]!.AsArray().Count);
        var next = first["result"]!["next"]!.GetValue<string>();
        Assert.StartsWith(api.Server.BaseUri.ToString().TrimEnd('/'), next);
        Assert.Contains("page=2", next);
        var (_, second) = await api.GetAsync(next);
        Assert.Equal(3, second!["result"]!["results"]!.AsArray().Count);
        Assert.Null(second["result"]!["next"]);
        Assert.NotNull(second["result"]!["previous"]);

        var (_, identification) = await api.GetAsync($"api/rb/workflow?consumer={consumer.Id}&type=identification");
        Assert.Equal(0, identification!["result"]!["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Remove_reports_success_and_errors_and_keeps_completed_signing()
    {
        await using var api = await FnsApi.StartAsync();
        var consumer = api.Consumer();
        var blank = (await api.CreateAsync(new JsonObject { ["scenario"] = 134, ["consumer"] = consumer.Id }))["id"]!.GetValue<long>();
        var signing = (await api.CreateAsync(FnsApi.Signing(consumer.Id)))["id"]!.GetValue<long>();
        await api.WaitStateAsync(signing, "complete");
        var (status, body) = await api.PutAsync("api/rb/workflow/remove", new JsonObject { ["workflow_id_list"] = new JsonArray(blank, signing, 1) });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([blank], body!["result"]!["success_id_list"]!.AsArray().Select(n => n!.GetValue<long>()));
        Assert.Equal([signing, 1L], body["result"]!["error_id_list"]!.AsArray().Select(n => n!.GetValue<long>()));
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"api/rb/workflow/{blank}/full")).Status);
        var (_, again) = await api.PutAsync("api/rb/workflow/remove", new JsonObject { ["workflow_id_list"] = new JsonArray(blank) });
        Assert.Single(again!["result"]!["error_id_list"]!.AsArray());
    }
}
