using System.Text.Json.Nodes;
using GosApi.Sandbox.Crypto;
using GosApi.Sandbox.Esia;

namespace GosApi.Sandbox.Tests.FnsMobileSign;

public sealed class FnsSigningTests
{
    [Fact]
    public async Task Signing_completes_with_real_detached_cms_per_document()
    {
        await using var api = await FnsApi.StartAsync();
        var consumer = api.Consumer();
        var created = await api.CreateAsync(FnsApi.Signing(consumer.Id, documents: [("a b?.txt", "первый"), ("b.txt", "второй")]));
        Assert.Equal("wait-signature", created["state"]!.GetValue<string>());
        Assert.Equal("a b_.txt", created["documents"]![0]!["title"]!.GetValue<string>());
        var id = created["id"]!.GetValue<long>();

        var full = await api.WaitStateAsync(id, "complete");
        Assert.Equal("document-signing", full["type"]!.GetValue<string>());

        var (_, list) = await api.GetAsync($"api/rb/workflow/{id}/document/");
        var documents = list!["result"]!["documents"]!.AsArray();
        Assert.Equal(2, documents.Count);
        var ca = new Org.BouncyCastle.X509.X509Certificate(api.Server.EsiaCaCertificate);
        foreach (var document in documents)
        {
            var content = await api.GetBytesAsync(document!["path"]!.GetValue<string>());
            var signature = await api.GetBytesAsync(document["signature"]!.GetValue<string>());
            Assert.Matches(@"^/api/rb/document/\d+/signature/[A-Z0-9]{8}\.p7s$", document["signature"]!.GetValue<string>());
            Verify(signature, content, ca);
        }
    }

    /// <summary>Independent check with BouncyCastle's CMS API: the signature verifies over the content and the certificate chains to the test CA.</summary>
    private static void Verify(byte[] der, byte[] content, Org.BouncyCastle.X509.X509Certificate ca)
    {
        var cms = new Org.BouncyCastle.Cms.CmsSignedData(new Org.BouncyCastle.Cms.CmsProcessableByteArray(content), der);
        var signers = cms.GetSignerInfos().GetSigners().ToList();
        Assert.Single(signers);
        var certificate = cms.GetCertificates().EnumerateMatches(signers[0].SignerID).Single();
        certificate.Verify(ca.GetPublicKey());
        Assert.True(signers[0].Verify(certificate));
    }

    [Fact]
    public async Task Same_external_id_returns_the_existing_workflow_with_200()
    {
        await using var api = await FnsApi.StartAsync();
        var consumer = api.Consumer();
        var externalId = Guid.NewGuid().ToString();
        var first = await api.CreateAsync(FnsApi.Signing(consumer.Id, externalId: externalId));
        var second = await api.CreateAsync(FnsApi.Signing(consumer.Id, externalId: externalId), HttpStatusCode.OK);
        Assert.Equal(first["id"]!.GetValue<long>(), second["id"]!.GetValue<long>());
        var (_, list) = await api.GetAsync($"api/rb/workflow?consumer={consumer.Id}");
        Assert.Equal(1, list!["result"]!["count"]!.GetValue<int>());

        var (bad, body) = await api.PostAsync("api/rb/workflow", FnsApi.Signing(consumer.Id, externalId: "not-a-uuid"));
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.NotNull(body!["error"]!["external_id"]);
    }

    [Fact]
    public async Task Lost_response_then_retry_creates_one_workflow()
    {
        await using var api = await FnsApi.StartAsync();
        var consumer = api.Consumer();
        api.Server.Faults.Add(new FaultRule { PathPrefix = "/api/rb/workflow", Method = "POST", Kind = FaultKind.LoseResponse });
        var body = FnsApi.Signing(consumer.Id, externalId: Guid.NewGuid().ToString());
        await Assert.ThrowsAsync<HttpRequestException>(() => api.PostAsync("api/rb/workflow", body));
        var retried = await api.CreateAsync(body, HttpStatusCode.OK);
        var (_, list) = await api.GetAsync($"api/rb/workflow?consumer={consumer.Id}");
        Assert.Equal(1, list!["result"]!["count"]!.GetValue<int>());
        Assert.Equal(list["result"]!["results"]![0]!["id"]!.GetValue<long>(), retried["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task Reject_and_fail_hooks_end_the_workflow()
    {
        await using var api = await FnsApi.StartAsync();
        var consumer = api.Consumer();
        var rejected = (await api.CreateAsync(FnsApi.Signing(consumer.Id)))["id"]!.GetValue<long>();
        api.Server.RejectFnsSigning(rejected);
        // "sign-rejected" lasts 10 sandbox seconds: on a slow machine it may already be "rejected".
        Assert.Contains((await api.FullAsync(rejected))["state"]!.GetValue<string>(), new[] { "sign-rejected", "rejected" });
        await api.WaitStateAsync(rejected, "rejected");

        var failed = (await api.CreateAsync(FnsApi.Signing(consumer.Id)))["id"]!.GetValue<long>();
        api.Server.FailFnsWorkflow(failed, "E42", "Сбой УЦ");
        var full = await api.FullAsync(failed);
        Assert.Equal("error", full["state"]!.GetValue<string>());
        Assert.Equal("E42", full["error_code"]!.GetValue<string>());
        Assert.Equal("Сбой УЦ", full["error_message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Simplified_route_finds_the_consumer_by_inn_and_phone()
    {
        await using var api = await FnsApi.StartAsync();
        var consumer = api.Consumer();
        var body = FnsApi.Signing(consumer.Id, scenario: 564);
        body.Remove("consumer");
        body["inn"] = consumer.Inn;
        body["phone"] = consumer.Phone;
        var (status, answer) = await api.PostAsync("api/rb/workflow/fns", body);
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(consumer.Id, answer!["result"]!["consumer"]!.GetValue<string>());

        body["phone"] = "79000000000";
        var (missing, error) = await api.PostAsync("api/rb/workflow/fns", body);
        Assert.Equal(HttpStatusCode.BadRequest, missing);
        Assert.Equal("Клиент с такими данными не найден", error!["error"]!["non_field_errors"]!.GetValue<string>());
    }

    [Fact]
    public async Task Legal_entity_scenario_signs_with_that_entitys_certificate()
    {
        await using var api = await FnsApi.StartAsync();
        var consumer = api.Consumer("7707083893", "7728168971");
        var (none, error) = await api.PostAsync("api/rb/workflow", FnsApi.Signing(consumer.Id, scenario: 88));
        Assert.Equal(HttpStatusCode.BadRequest, none);
        Assert.NotNull(error!["error"]!["legal_entity"]);

        var body = FnsApi.Signing(consumer.Id, scenario: 88);
        body["legal_entity"] = new JsonObject { ["inn"] = "7728168971" };
        var id = (await api.CreateAsync(body))["id"]!.GetValue<long>();
        await api.WaitStateAsync(id, "complete");
        var (_, list) = await api.GetAsync($"api/rb/workflow/{id}/document");
        var signature = await api.GetBytesAsync(list!["result"]!["documents"]![0]!["signature"]!.GetValue<string>());
        var cms = new Org.BouncyCastle.Cms.CmsSignedData(signature);
        var certificate = cms.GetCertificates().EnumerateMatches(null).Single();
        Assert.Contains("7728168971", certificate.SubjectDN.ToString());
    }
}
