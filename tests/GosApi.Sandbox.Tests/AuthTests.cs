using System.Buffers.Text;

namespace GosApi.Sandbox.Tests;

public sealed class AuthTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Order_without_authorization_is_401_with_bearer_challenge()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        using var http = new HttpClient { BaseAddress = sandbox.BaseUri };
        using var response = await http.PostAsync("api/gusmev/order", new StringContent(Services.Pension.Meta(), Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("a.b.c")]
    public async Task Malformed_token_is_401(string token)
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        using var http = new HttpClient { BaseAddress = sandbox.BaseUri };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.PostAsync("api/gusmev/order/1", null, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Expired_token_is_401_token_expired()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        using var api = new EpguApi(sandbox, new TokenRequest { Lifetime = TimeSpan.FromMinutes(-1) });
        var message = await ApiError.ExpectAsync(api.PostJsonAsync("api/gusmev/order", Services.Pension.Meta()), HttpStatusCode.Unauthorized, "token_expired");
        Assert.Contains("expired", message);
    }

    [Fact]
    public async Task Token_of_another_sandbox_is_401()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        await using var other = await Sandboxes.StartFastAsync();
        using var http = new HttpClient { BaseAddress = sandbox.BaseUri };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", other.IssueToken());
        using var response = await http.PostAsync("api/gusmev/order/1", null, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Token_without_APIPGU_permission_is_403_access_denied_person_permissions()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        using var api = new EpguApi(sandbox, new TokenRequest { Permissions = "OTHER" });
        await ApiError.ExpectAsync(api.PostJsonAsync("api/gusmev/order", Services.Pension.Meta()), HttpStatusCode.Forbidden, "access_denied_person_permissions");
    }

    [Fact]
    public async Task Token_without_order_scope_is_403_access_denied_system()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        using var api = new EpguApi(sandbox, new TokenRequest { Scopes = ["openid"] });
        await ApiError.ExpectAsync(api.PostJsonAsync("api/gusmev/order", Services.Pension.Meta()), HttpStatusCode.Forbidden, "access_denied_system");
    }

    [Fact]
    public async Task Storage_download_requires_a_token()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        using var http = new HttpClient { BaseAddress = sandbox.BaseUri };
        using var response = await http.GetAsync("api/storage/v2/files/1/3/download?mnemonic=x", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Nsi_needs_no_token()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        using var http = new HttpClient { BaseAddress = sandbox.BaseUri };
        using var response = await http.PostAsync("api/nsi/v1/dictionary/BIC",
            new StringContent("""{"treeFiltering":"ONELEVEL","pageNum":1,"pageSize":1}""", Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Issued_token_is_a_jwt_with_esia_like_claims()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var token = sandbox.IssueToken(new TokenRequest
        {
            ClientId = "MY_IS", OrgOid = "42", Subject = "7", Permissions = "APIPGU,OTHER",
            Scopes = ["http://lk.gosuslugi.ru/api-order", "openid"], Lifetime = TimeSpan.FromMinutes(10),
        });
        var parts = token.Split('.');
        Assert.Equal(3, parts.Length);
        using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
        Assert.Equal("HS256", header.RootElement.GetProperty("alg").GetString());
        using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
        var claims = payload.RootElement;
        Assert.Equal("MY_IS", claims.GetProperty("client_id").GetString());
        Assert.Equal("42", claims.GetProperty("org_oid").GetString());
        Assert.Equal("7", claims.GetProperty("sub").GetString());
        Assert.Equal("APIPGU,OTHER", claims.GetProperty("permissions").GetString());
        Assert.Equal("http://lk.gosuslugi.ru/api-order openid", claims.GetProperty("scope").GetString());
        var iat = claims.GetProperty("iat").GetInt64();
        Assert.InRange(iat, before - 1, before + 5);
        Assert.Equal(iat + 600, claims.GetProperty("exp").GetInt64());
    }

    [Fact]
    public async Task Token_endpoint_over_http_issues_tokens_with_requested_claims()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        using var http = new HttpClient { BaseAddress = sandbox.BaseUri };
        using var response = await http.PostAsync("sandbox/token",
            new StringContent("""{"permissions":"NONE","lifetimeSeconds":120}""", Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(120, body.RootElement.GetProperty("expires_in").GetInt64());
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.RootElement.GetProperty("access_token").GetString());
        await ApiError.ExpectAsync(http.PostAsync("api/gusmev/order/1", null, Ct), HttpStatusCode.Forbidden, "access_denied_person_permissions");
    }

    [Fact]
    public async Task Token_endpoint_without_body_gives_a_working_default_token()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        using var http = new HttpClient { BaseAddress = sandbox.BaseUri };
        using var response = await http.PostAsync("sandbox/token", null, Ct);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(3600, body.RootElement.GetProperty("expires_in").GetInt64());
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.RootElement.GetProperty("access_token").GetString());
        using var details = await http.PostAsync("api/gusmev/order/1", null, Ct);
        Assert.Equal(HttpStatusCode.NoContent, details.StatusCode);
    }
}
