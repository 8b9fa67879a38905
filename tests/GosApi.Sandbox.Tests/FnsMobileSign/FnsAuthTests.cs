using System.Text.Json.Nodes;

namespace GosApi.Sandbox.Tests.FnsMobileSign;

public sealed class FnsAuthTests
{
    [Fact]
    public async Task Token_is_40_hex_and_works_until_expired()
    {
        await using var api = await FnsApi.StartAsync();
        var token = await api.LoginAsync();
        Assert.Matches("^[0-9a-f]{40}$", token);
        var (status, _) = await api.GetAsync("api/rb/workflow");
        Assert.Equal(HttpStatusCode.OK, status);

        api.Server.ExpireFnsTokens();
        var (expired, body) = await api.GetAsync("api/rb/workflow");
        Assert.Equal(HttpStatusCode.Unauthorized, expired);
        Assert.NotNull(body!["error"]!["non_field_errors"]);

        await api.LoginAsync();
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("api/rb/workflow")).Status);
    }

    [Fact]
    public async Task Basic_auth_works_and_no_credentials_is_401_in_the_spec_shape()
    {
        await using var api = await FnsApi.StartAsync();
        using var http = new HttpClient { BaseAddress = api.Server.BaseUri };
        var none = await http.GetAsync("api/rb/workflow/", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        var body = JsonNode.Parse(await none.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal("Учетные данные не были предоставлены.", body["error"]!["non_field_errors"]![0]!.GetValue<string>());

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{api.Partner.Username}:{api.Partner.Password}")));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("api/rb/workflow", TestContext.Current.CancellationToken)).StatusCode);

        var (wrong, _) = await api.SendAsync(HttpMethod.Post, "api/rb/auth", new JsonObject { ["username"] = api.Partner.Username, ["password"] = "nope" }, auth: false);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong);
    }

    [Fact]
    public async Task Control_endpoints_register_partners_and_expire_tokens()
    {
        await using var api = await FnsApi.StartAsync();
        using var http = new HttpClient { BaseAddress = api.Server.BaseUri };
        var response = await http.PostAsync("sandbox/fns/partners", new StringContent("{\"username\":\"bank\",\"password\":\"secret\"}", Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var partner = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal("bank", partner["username"]!.GetValue<string>());

        var expire = await http.PostAsync("sandbox/fns/tokens/expire", null, TestContext.Current.CancellationToken);
        Assert.True(expire.IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("api/rb/workflow")).Status);
    }
}
