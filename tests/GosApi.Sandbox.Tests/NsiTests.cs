namespace GosApi.Sandbox.Tests;

/// <summary>POST /api/nsi/v1/dictionary/{code}, no auth, pageNum 1-based.</summary>
public sealed class NsiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> QueryAsync(SandboxServer sandbox, string code, string body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var http = new HttpClient { BaseAddress = sandbox.BaseUri };
        using var response = await http.PostAsync($"api/nsi/v1/dictionary/{code}", new StringContent(body, Encoding.UTF8, "application/json"), Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static string[] Values(JsonElement result) => result.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("value").GetString()!).ToArray();

    [Fact]
    public async Task BIC_pages_like_the_spec_example()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        var result = await QueryAsync(sandbox, "BIC", """{"treeFiltering":"ONELEVEL","pageNum":1,"pageSize":2}""");
        Assert.Equal(0, result.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal("operation completed", result.GetProperty("error").GetProperty("message").GetString());
        Assert.Empty(result.GetProperty("fieldErrors").EnumerateArray());
        Assert.True(result.GetProperty("total").GetInt32() >= 250);
        var item = result.GetProperty("items")[0];
        Assert.Matches("^04[0-9]{7}$", item.GetProperty("value").GetString());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("parentValue").ValueKind);
        Assert.True(item.GetProperty("isLeaf").GetBoolean());
        Assert.Empty(item.GetProperty("children").EnumerateArray());
        Assert.Equal(2, Values(result).Length);
    }

    [Fact]
    public async Task BIC_pages_cover_the_whole_dictionary_without_overlap()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        var all = await QueryAsync(sandbox, "BIC", """{"treeFiltering":"ONELEVEL"}""");
        var total = all.GetProperty("total").GetInt32();
        Assert.Equal(total, Values(all).Length);

        var paged = new List<string>();
        for (var page = 1; ; page++)
        {
            var result = await QueryAsync(sandbox, "BIC", $$"""{"treeFiltering":"ONELEVEL","pageNum":{{page}},"pageSize":100}""");
            var values = Values(result);
            if (values.Length == 0) break;
            paged.AddRange(values);
        }
        Assert.Equal(Values(all), paged);
        Assert.Equal(total, paged.Distinct().Count());
    }

    [Fact]
    public async Task BIC_items_carry_a_correspondent_account_matching_the_BIC()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        var result = await QueryAsync(sandbox, "BIC", """{"treeFiltering":"ONELEVEL","pageNum":3,"pageSize":5}""");
        foreach (var item in result.GetProperty("items").EnumerateArray())
        {
            var bic = item.GetProperty("value").GetString()!;
            var account = item.GetProperty("attributeValues").GetProperty("KS").GetString()!;
            Assert.Matches("^30101810[0-9]00000000[0-9]{3}$", account);
            Assert.EndsWith(bic[^3..], account);
            // Bank of Russia control key: weights 7-1-3 over "0" + BIC digits 5-6 + account; the sum of last digits ends in 0.
            var control = "0" + bic.Substring(4, 2) + account;
            int[] weights = [7, 1, 3];
            Assert.Equal(0, control.Select((c, i) => (c - '0') * weights[i % 3] % 10).Sum() % 10);
        }
    }

    [Fact]
    public async Task OKATO_SUBTREE_returns_children_and_ONELEVEL_does_not()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        var subtree = await QueryAsync(sandbox, "OKATO", """{"treeFiltering":"SUBTREE"}""");
        var samara = subtree.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("value").GetString() == "36000000000");
        Assert.False(samara.GetProperty("isLeaf").GetBoolean());
        var cities = samara.GetProperty("children").EnumerateArray().Single(c => c.GetProperty("value").GetString() == "36401000000");
        Assert.Equal("36000000000", cities.GetProperty("parentValue").GetString());
        Assert.Equal(3, cities.GetProperty("children").GetArrayLength());

        var oneLevel = await QueryAsync(sandbox, "OKATO", """{"treeFiltering":"ONELEVEL"}""");
        Assert.Equal(Values(subtree), Values(oneLevel));
        Assert.All(oneLevel.GetProperty("items").EnumerateArray(), i => Assert.Empty(i.GetProperty("children").EnumerateArray()));
    }

    [Fact]
    public async Task ParentRefItemValue_selects_the_level_below_an_element()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        var children = await QueryAsync(sandbox, "OKATO", """{"treeFiltering":"ONELEVEL","parentRefItemValue":"36000000000"}""");
        Assert.Equal(["36401000000", "36200000000"], Values(children));
        Assert.Equal(2, children.GetProperty("total").GetInt32());

        var subtree = await QueryAsync(sandbox, "OKATO", """{"treeFiltering":"SUBTREE","parentRefItemValue":"36000000000","pageNum":1,"pageSize":1}""");
        Assert.Equal(["36401000000"], Values(subtree));
        Assert.Equal(3, subtree.GetProperty("items")[0].GetProperty("children").GetArrayLength());
    }

    [Theory]
    [InlineData("NOPE", """{"treeFiltering":"ONELEVEL"}""", 2, "code")]
    [InlineData("BIC", """{"treeFiltering":"FLAT"}""", 1, "treeFiltering")]
    [InlineData("BIC", """{"pageNum":1,"pageSize":5}""", 1, "treeFiltering")]
    [InlineData("BIC", """{"treeFiltering":"ONELEVEL","pageNum":1}""", 1, "pageSize")]
    [InlineData("BIC", """{"treeFiltering":"ONELEVEL","pageNum":0,"pageSize":5}""", 1, "pageNum")]
    [InlineData("OKATO", """{"treeFiltering":"ONELEVEL","parentRefItemValue":"99"}""", 2, "parentRefItemValue")]
    public async Task Errors_come_in_the_envelope_with_field_errors(string code, string body, int errorCode, string field)
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        var result = await QueryAsync(sandbox, code, body);
        Assert.Equal(errorCode, result.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Contains(result.GetProperty("fieldErrors").EnumerateArray(), e => e.GetProperty("fieldName").GetString() == field);
        Assert.Empty(result.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Non_json_content_type_is_400()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        using var http = new HttpClient { BaseAddress = sandbox.BaseUri };
        using var response = await http.PostAsync("api/nsi/v1/dictionary/BIC", new StringContent("treeFiltering=ONELEVEL", Encoding.UTF8, "text/plain"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.NotEqual(0, body.RootElement.GetProperty("error").GetProperty("code").GetInt32());
    }
}
