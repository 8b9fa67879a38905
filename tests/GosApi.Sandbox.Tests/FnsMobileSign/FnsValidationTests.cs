using System.Text.Json.Nodes;

namespace GosApi.Sandbox.Tests.FnsMobileSign;

public sealed class FnsValidationTests
{
    [Fact]
    public async Task Missing_fields_are_reported_nested_like_the_request()
    {
        await using var api = await FnsApi.StartAsync();
        var body = FnsBodies.Registration();
        var consumer = body["consumer"]!.AsObject();
        consumer.Remove("birthed");
        consumer["addresses"]![0]!.AsObject().Remove("city");
        consumer["identities"]![0]!.AsObject().Remove("issued");
        var (status, error) = await api.PostAsync("api/rb/workflow", body);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var expected = JsonNode.Parse("""
            {"error":{"consumer":{"birthed":["Это поле обязательно."],"addresses":[{"city":["Это поле обязательно."]}],"identities":[{"issued":["Это поле обязательно."]}]}}}
            """);
        Assert.True(JsonNode.DeepEquals(expected, error), error!.ToJsonString());
    }

    [Fact]
    public async Task Checksums_formats_and_unknown_ids_are_rejected()
    {
        await using var api = await FnsApi.StartAsync();
        var body = FnsBodies.Registration();
        body["consumer"]!["snils"] = "12362931138";
        body["consumer"]!["inn"] = "312324014517";
        body["consumer"]!["phone"] = "89005863454";
        body["entrepreneur"] = new JsonObject { ["ogrnip"] = "319240000120000" };
        var (_, error) = await api.PostAsync("api/rb/workflow", body);
        Assert.Equal("Неправильный формат СНИЛС", error!["error"]!["consumer"]!["snils"]![0]!.GetValue<string>());
        Assert.Equal("Неправильный формат ИНН", error["error"]!["consumer"]!["inn"]![0]!.GetValue<string>());
        Assert.NotNull(error["error"]!["consumer"]!["phone"]);
        Assert.NotNull(error["error"]!["entrepreneur"]!["ogrnip"]);

        var (unknown, scenario) = await api.PostAsync("api/rb/workflow", new JsonObject { ["scenario"] = 999, ["consumer"] = Guid.NewGuid().ToString() });
        Assert.Equal(HttpStatusCode.BadRequest, unknown);
        Assert.NotNull(scenario!["error"]!["scenario"]);

        var missing = Guid.NewGuid().ToString();
        var (_, consumerError) = await api.PostAsync("api/rb/workflow", FnsApi.Signing(missing));
        Assert.EndsWith("не найден", consumerError!["error"]!["consumer"]![0]!.GetValue<string>());

        var tooMany = FnsApi.Signing(api.Consumer().Id, documents: Enumerable.Range(0, 51).Select(i => ($"{i}.txt", "x")).ToArray());
        var (_, documents) = await api.PostAsync("api/rb/workflow", tooMany);
        Assert.NotNull(documents!["error"]!["documents"]);

        var activity = new JsonObject { ["scenario"] = 102, ["consumer"] = api.Consumer().Id, ["external_activity"] = new JsonObject { ["url"] = "ftp://x" } };
        var (_, url) = await api.PostAsync("api/rb/workflow", activity);
        Assert.NotNull(url!["error"]!["external_activity"]!["url"]);
    }

    [Fact]
    public async Task Partners_do_not_see_each_others_consumers()
    {
        await using var api = await FnsApi.StartAsync();
        var other = api.Server.RegisterFnsPartner();
        var foreign = api.Server.RegisterFnsConsumer(other.Username);
        var (status, error) = await api.PostAsync("api/rb/workflow", FnsApi.Signing(foreign.Id));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(error!["error"]!["consumer"]);
    }
}
