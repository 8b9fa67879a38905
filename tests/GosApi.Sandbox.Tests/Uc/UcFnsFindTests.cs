using System.Text.Json.Nodes;

namespace GosApi.Sandbox.Tests.Uc;

public sealed class UcFnsFindTests
{
    private static JsonObject Find(JsonObject parameters) => new() { ["findCertParams"] = parameters };

    [Fact]
    public async Task Finds_by_snils_with_the_spec_fields()
    {
        await using var api = await UcApi.StartAsync();
        var found = (await api.OkAsync("fns/find", Find(new JsonObject { ["snils"] = "47541149089" }))).AsArray();
        var certificate = found.Single()!;
        Assert.Equal("2834A900C1AE53B8475AC1E467F74E39", certificate["sn"]!.GetValue<string>());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$", certificate["issueDate"]!.GetValue<string>());
        Assert.Equal("0968189644", certificate["innLe"]!.GetValue<string>());
        Assert.Equal("", certificate["ogrnIp"]!.GetValue<string>());
        Assert.Equal("Valid", certificate["status"]!.GetValue<string>());
        foreach (var field in new[] { "revocationDate", "cn", "inn", "ogrn", "organizationName", "surName", "givenName", "revocationReason", "revokedWhen", "deferredRevocationDate" })
            Assert.True(certificate.AsObject().ContainsKey(field), field);

        Assert.Single((await api.OkAsync("fns/find", Find(new JsonObject { ["snils"] = "47541149089", ["inn"] = "597114686901" }))).AsArray());
        Assert.Empty((await api.OkAsync("fns/find", Find(new JsonObject { ["snils"] = "47541149089", ["ogrn"] = "1027700132195" }))).AsArray());
        Assert.Single((await api.OkAsync("fns/find", Find(new JsonObject { ["serialNumber"] = "2834A900C1AE53B8475AC1E467F74E39" }))).AsArray());
        Assert.Single((await api.OkAsync("fns/find", Find(new JsonObject { ["inn"] = "000968189644" }))).AsArray());
        Assert.Equal(2, (await api.OkAsync("fns/find", Find(new JsonObject { ["ogrnip"] = "304500116000157" }))).AsArray().Count);
        Assert.Empty((await api.OkAsync("fns/find", Find(new JsonObject { ["snils"] = "07683358608" }))).AsArray());
    }

    [Fact]
    public async Task Pages_with_offset_and_count()
    {
        await using var api = await UcApi.StartAsync();
        var all = (await api.OkAsync("fns/find", Find(new JsonObject { ["ogrn"] = "1027700132195" }))).AsArray();
        Assert.Equal(250, all.Count);
        var pages = new List<string>();
        for (var offset = 0; ; offset += 100)
        {
            var page = (await api.OkAsync("fns/find", Find(new JsonObject { ["ogrn"] = "1027700132195", ["offset"] = offset, ["count"] = 100 }))).AsArray();
            pages.AddRange(page.Select(c => c!["sn"]!.GetValue<string>()));
            if (page.Count < 100) break;
        }
        Assert.Equal(all.Select(c => c!["sn"]!.GetValue<string>()), pages);
        Assert.Equal(250, pages.Distinct().Count());
        Assert.Empty((await api.OkAsync("fns/find", Find(new JsonObject { ["ogrn"] = "1027700132195", ["offset"] = 300 }))).AsArray());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("{}")]
    [InlineData("""{"inn":"7707083893"}""")]
    [InlineData("""{"snils":"475-411-490 89"}""")]
    [InlineData("""{"serialNumber":"2834a900"}""")]
    [InlineData("""{"serialNumber":"2834A90"}""")]
    [InlineData("""{"ogrn":"10277001321"}""")]
    [InlineData("""{"ogrnip":"3045001160001"}""")]
    [InlineData("""{"ogrn":"1027700132195","offset":-1}""")]
    [InlineData("""{"ogrn":"1027700132195","count":"many"}""")]
    public async Task Bad_input_is_400(string? parameters)
    {
        await using var api = await UcApi.StartAsync();
        var body = parameters is null ? new JsonObject() : Find((JsonObject)JsonNode.Parse(parameters)!);
        await api.FailAsync("fns/find", body, HttpStatusCode.BadRequest);
    }
}
