using System.Text.Json.Nodes;

namespace GosApi.Sandbox.Tests.FnsMobileSign;

public sealed class FnsAccountTests
{
    private static JsonObject Agent(string username, string snils = "12362931139") => new()
    {
        ["username"] = username, ["password"] = "123456qwerty", ["last_name"] = "Иванов", ["first_name"] = "Иван", ["middle_name"] = "Иванович",
        ["unstructured_identity"] = "4500 023 Выдан ПВД ОВД 12.05.2011", ["position"] = "оператор", ["snils"] = snils,
        ["phone"] = "79012345678", ["company"] = 1, ["permissions"] = new JsonArray("consumer_identify"), ["identification_points"] = new JsonArray(4, 1),
    };

    [Fact]
    public async Task Agents_are_created_changed_blocked_and_listed()
    {
        await using var api = await FnsApi.StartAsync();
        var (created, agent) = await api.PostAsync("api/rb/staff/agent", Agent("agent_ivanov"));
        Assert.Equal(HttpStatusCode.Created, created);
        var result = agent!["result"]!;
        Assert.Null(result["password"]);
        Assert.Matches("^[0-9a-f]{40}$", result["token"]!.GetValue<string>());
        var id = result["id"]!.GetValue<long>();

        var (duplicate, error) = await api.PostAsync("api/rb/staff/agent", Agent("agent_petrov"));
        Assert.Equal(HttpStatusCode.BadRequest, duplicate);
        Assert.NotNull(error!["error"]!["snils"]);

        var (_, changed) = await api.PutAsync($"api/rb/staff/agent/{id}", new JsonObject { ["username"] = "agent_ivanov", ["first_name"] = "Петр" });
        Assert.Equal("Петр", changed!["result"]!["first_name"]!.GetValue<string>());

        // the agent's own token works until the agent is blocked
        using var agentHttp = new HttpClient { BaseAddress = api.Server.BaseUri };
        agentHttp.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("token", result["token"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await agentHttp.GetAsync("api/rb/workflow", TestContext.Current.CancellationToken)).StatusCode);
        var (_, blocked) = await api.PutAsync($"api/rb/staff/agent/{id}", new JsonObject { ["is_active"] = false });
        Assert.False(blocked!["result"]!["is_active"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await agentHttp.GetAsync("api/rb/workflow", TestContext.Current.CancellationToken)).StatusCode);

        var (recreated, again) = await api.PostAsync("api/rb/staff/agent", Agent("agent_petrov"));
        Assert.True(recreated == HttpStatusCode.Created, again?.ToJsonString());
        var (_, list) = await api.GetAsync("api/rb/staff/agent");
        Assert.Equal(2, list!["result"]!["count"]!.GetValue<int>());

        var bad = Agent("agent_x", "12362931139");
        bad["permissions"] = new JsonArray("fly");
        var (_, permissions) = await api.PostAsync("api/rb/staff/agent", bad);
        Assert.NotNull(permissions!["error"]!["permissions"]);
    }

    [Fact]
    public async Task Push_revoke_and_merge()
    {
        await using var api = await FnsApi.StartAsync();
        var consumer = api.Consumer();
        var (pushed, push) = await api.PostAsync($"api/rb/consumer/{consumer.Id}/push_notification/", new JsonObject { ["title"] = "Документы", ["message"] = "Подписать ->" });
        Assert.Equal(HttpStatusCode.OK, pushed);
        Assert.Empty(push!["result"]!.AsObject());
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsync($"api/rb/consumer/{consumer.Id}/push_notification/", new JsonObject { ["title"] = "x" })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsync($"api/rb/consumer/{Guid.NewGuid()}/push_notification/", new JsonObject { ["title"] = "x", ["message"] = "y" })).Status);

        var xml = Convert.ToBase64String(Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><Заявление/>"));
        var (revoked, revoke) = await api.PostAsync("api/rb/certificate/revoke/", new JsonObject { ["base64_encoded_xml_file"] = xml });
        Assert.Equal(HttpStatusCode.OK, revoked);
        Assert.Equal("accepted", revoke!["result"]!["status"]!.GetValue<string>());
        var notXml = Convert.ToBase64String(Encoding.UTF8.GetBytes("not xml"));
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsync("api/rb/certificate/revoke/", new JsonObject { ["base64_encoded_xml_file"] = notXml })).Status);

        // two consumers sign the same file; the merge carries both signers
        var second = api.Consumer();
        var a = (await api.CreateAsync(FnsApi.Signing(consumer.Id, documents: [("same.txt", "одно и то же")])))["id"]!.GetValue<long>();
        var b = (await api.CreateAsync(FnsApi.Signing(second.Id, documents: [("same.txt", "одно и то же")])))["id"]!.GetValue<long>();
        var c = (await api.CreateAsync(FnsApi.Signing(second.Id, documents: [("other.txt", "другое")])))["id"]!.GetValue<long>();
        foreach (var w in new[] { a, b, c }) await api.WaitStateAsync(w, "complete");
        async Task<string> SignatureOf(long w) => (await api.GetAsync($"api/rb/workflow/{w}/document")).Body!["result"]!["documents"]![0]!["signature"]!.GetValue<string>();
        var bBytes = await api.GetBytesAsync(await SignatureOf(b));
        var (merged, answer) = await api.PostAsync("api/rb/signatures-merge", new JsonObject
        {
            ["signatures"] = new JsonArray(new JsonObject { ["url"] = await SignatureOf(a) }, new JsonObject { ["base64_file"] = Convert.ToBase64String(bBytes) }),
        });
        Assert.Equal(HttpStatusCode.OK, merged);
        var cms = new Org.BouncyCastle.Cms.CmsSignedData(new Org.BouncyCastle.Cms.CmsProcessableByteArray(Encoding.UTF8.GetBytes("одно и то же")),
            Convert.FromBase64String(answer!["result"]!["result"]!.GetValue<string>()));
        var signers = cms.GetSignerInfos().GetSigners().ToList();
        Assert.Equal(2, signers.Count);
        Assert.All(signers, s => Assert.True(s.Verify(cms.GetCertificates().EnumerateMatches(s.SignerID).Single())));

        var (different, _) = await api.PostAsync("api/rb/signatures-merge", new JsonObject
        {
            ["signatures"] = new JsonArray(new JsonObject { ["url"] = await SignatureOf(a) }, new JsonObject { ["url"] = await SignatureOf(c) }),
        });
        Assert.Equal(HttpStatusCode.BadRequest, different);
    }
}
