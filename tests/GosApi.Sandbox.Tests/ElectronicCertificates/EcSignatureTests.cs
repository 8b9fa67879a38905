using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace GosApi.Sandbox.Tests.ElectronicCertificates;

/// <summary>x-api-key, the request headers, the detached JWS both ways, both base paths.</summary>
public sealed class EcSignatureTests
{
    private static readonly JsonObject StatusBody = new() { ["Request_Types"] = new JsonArray("ec_create"), ["Task_Quantity"] = 10 };

    private static Task<SandboxServer> StartAsync() => Sandboxes.StartFastAsync(o => o.ClockSpeed = 6000);

    [Theory]
    [InlineData(EcApi.CyrillicBase)]
    [InlineData(EcApi.LatinBase)]
    public async Task Both_base_paths_accept_a_signed_request_and_answer_signed(string basePath)
    {
        await using var sandbox = await StartAsync();
        using var api = new EcApi(sandbox, basePath: basePath);
        var taskId = await api.QueueAsync("ec-create", EcBodies.Create(EcBodies.Assignment()));
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", taskId);
        Assert.Contains(sandbox.Requests, r => r.Path == (basePath == EcApi.CyrillicBase ? "/api/1.2.1-У/ес/ec-create" : "/api/1.2.1-Y/ec/ec-create"));
    }

    [Fact]
    public async Task Answers_echo_the_request_id_as_correlation_id()
    {
        await using var sandbox = await StartAsync();
        using var api = new EcApi(sandbox);
        var requestId = Guid.NewGuid().ToString();
        using var response = await api.PostAsync("ec-tasks-status", StatusBody, requestId: requestId);
        await api.ReadSignedAsync(response);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(requestId, response.Headers.GetValues("x-correlation-id").Single());
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
    }

    [Fact]
    public async Task Unknown_or_missing_api_key_gets_an_unsigned_401_EC00272()
    {
        await using var sandbox = await StartAsync();
        using var api = new EcApi(sandbox);
        foreach (var tweak in new Action<HttpRequestMessage>[]
        {
            r => { r.Headers.Remove("x-api-key"); r.Headers.Add("x-api-key", "no-such-key"); },
            r => r.Headers.Remove("x-api-key"),
        })
        {
            using var response = await api.PostAsync("ec-tasks-status", StatusBody, tweak);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.False(response.Headers.Contains("x-jws-signature"));
            var error = JsonNode.Parse(await response.Content.ReadAsStringAsync(EcApi.Ct))!["Errors"]![0]!;
            Assert.Equal("EC00272", (string)error["code"]!);
            Assert.Contains("x-api-key", (string)error["msg"]!);
        }
    }

    [Fact]
    public async Task Wrong_secret_HS256_none_and_a_tampered_body_get_a_signed_401_EC00272()
    {
        await using var sandbox = await StartAsync();
        using var api = new EcApi(sandbox);
        var body = Encoding.UTF8.GetBytes(EcApi.Canonical(StatusBody));
        string[] signatures =
        [
            EcApi.Sign(body, "another secret"),
            EcApi.Sign(body, api.Client.SharedSecret, """{"b64":false,"crit":["b64"],"typ":"JWT","alg":"HS256"}""", HMACSHA256.HashData),
            EcApi.Sign(body, api.Client.SharedSecret, """{"b64":false,"crit":["b64"],"typ":"JWT","alg":"none"}"""),
            EcApi.Sign(body, api.Client.SharedSecret, """{"alg":"HS512","typ":"JWT"}"""),
            EcApi.Sign(body, api.Client.SharedSecret, """{"b64":false,"crit":["b64"],"typ":"JWT","alg":"HS512","kid":"x"}"""),
            EcApi.Sign(Encoding.UTF8.GetBytes("""{"Request_Types":["ec_create"],"Task_Quantity":11}"""), api.Client.SharedSecret),
        ];
        foreach (var signature in signatures)
        {
            var msg = await api.ExpectErrorAsync(api.PostAsync("ec-tasks-status", StatusBody, r =>
            {
                r.Headers.Remove("x-jws-signature");
                r.Headers.Add("x-jws-signature", signature);
            }), HttpStatusCode.Unauthorized, "EC00272");
            Assert.StartsWith("x-jws-signature:", msg);
        }
    }

    [Fact]
    public async Task The_signature_is_over_the_canonical_form_so_a_pretty_printed_body_verifies_too()
    {
        await using var sandbox = await StartAsync();
        using var api = new EcApi(sandbox);
        const string pretty = "{ \"Task_Quantity\" : 10.0,\n  \"Request_Types\": [ \"ec_create\" ] }";
        using var response = await api.SendAsync(api.Request(HttpMethod.Post, "ec-tasks-status", pretty, r =>
        {
            r.Headers.Remove("x-jws-signature");
            r.Headers.Add("x-jws-signature", EcApi.Sign(Encoding.UTF8.GetBytes(EcApi.Canonical(StatusBody)), api.Client.SharedSecret));
        }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("[]", await api.ReadSignedAsync(response));
    }

    [Fact]
    public async Task A_GET_signs_the_empty_payload()
    {
        await using var sandbox = await StartAsync();
        using var api = new EcApi(sandbox);
        await api.ExpectErrorAsync(api.StatementAsync(new string('1', 25)), HttpStatusCode.NotFound, "EC00216");
        await api.ExpectErrorAsync(api.StatementAsync(new string('1', 25), r =>
        {
            r.Headers.Remove("x-jws-signature");
            r.Headers.Add("x-jws-signature", EcApi.Sign("{}"u8.ToArray(), api.Client.SharedSecret));
        }), HttpStatusCode.Unauthorized, "EC00272");
    }

    [Theory]
    [InlineData("x-request-id", null)]
    [InlineData("x-request-id", "not-a-uuid")]
    [InlineData("x-request-id", "970ebfe5-9cae-1e19-b7e7-602811924578")] // version 1
    [InlineData("x-request-id", "970ebfe5-9cae-4e19-c7e7-602811924578")] // variant c
    [InlineData("x-request-date", null)]
    [InlineData("x-request-date", "2021-04-05T10:43:07")] // no offset
    [InlineData("x-request-date", "05.04.2021 10:43:07")]
    [InlineData("x-jws-signature", null)]
    [InlineData("x-jws-signature", "abc")]
    [InlineData("x-jws-signature", "eyJhbGciOiJIUzUxMiJ9.payload.c2ln")] // attached, not detached
    [InlineData("x-jws-signature", "eyJh+GciOiJIUzUxMiJ9..c2ln")]
    public async Task Missing_or_malformed_headers_get_400_EC00201_naming_the_header(string header, string? value)
    {
        await using var sandbox = await StartAsync();
        using var api = new EcApi(sandbox);
        var msg = await api.ExpectErrorAsync(api.PostAsync("ec-tasks-status", StatusBody, r =>
        {
            r.Headers.Remove(header);
            if (value is not null) r.Headers.TryAddWithoutValidation(header, value);
        }), HttpStatusCode.BadRequest, "EC00201");
        Assert.StartsWith(header + ":", msg);
    }

    [Fact]
    public async Task An_overlong_signature_header_is_rejected()
    {
        await using var sandbox = await StartAsync();
        using var api = new EcApi(sandbox);
        var msg = await api.ExpectErrorAsync(api.PostAsync("ec-tasks-status", StatusBody, r =>
        {
            r.Headers.Remove("x-jws-signature");
            r.Headers.Add("x-jws-signature", new string('a', 600) + ".." + new string('b', 600));
        }), HttpStatusCode.BadRequest, "EC00201");
        Assert.Contains("1195", msg);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/json; charset=windows-1251")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task Bodies_must_be_application_json(string contentType)
    {
        await using var sandbox = await StartAsync();
        using var api = new EcApi(sandbox);
        var msg = await api.ExpectErrorAsync(api.PostAsync("ec-tasks-status", StatusBody,
            r => r.Content!.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType)), HttpStatusCode.BadRequest, "EC00201");
        Assert.StartsWith("Content-Type:", msg);
    }

    [Fact]
    public async Task Application_json_without_charset_is_accepted()
    {
        await using var sandbox = await StartAsync();
        using var api = new EcApi(sandbox);
        using var response = await api.PostAsync("ec-tasks-status", StatusBody, r => r.Content!.Headers.ContentType = new MediaTypeHeaderValue("application/json"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_reused_request_id_gets_400_EC00201()
    {
        await using var sandbox = await StartAsync();
        using var api = new EcApi(sandbox);
        var requestId = Guid.NewGuid().ToString();
        await api.QueueAsync("ec-create", EcBodies.Create(EcBodies.Assignment()));
        using (var first = await api.PostAsync("ec-tasks-status", StatusBody, requestId: requestId))
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var msg = await api.ExpectErrorAsync(api.PostAsync("ec-tasks-status", StatusBody, requestId: requestId), HttpStatusCode.BadRequest, "EC00201");
        Assert.Contains("x-request-id", msg);

        // Another client may use the same id: ids are per client.
        using var other = new EcApi(sandbox);
        using var response = await other.PostAsync("ec-tasks-status", StatusBody, requestId: requestId);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Body_that_is_not_JSON_or_has_duplicate_members_gets_400()
    {
        await using var sandbox = await StartAsync();
        using var api = new EcApi(sandbox);
        foreach (var text in new[] { "{\"Task_Quantity\":1,", "{\"Task_Quantity\":1,\"Task_Quantity\":2,\"Request_Types\":[\"ec_create\"]}" })
        {
            var msg = await api.ExpectErrorAsync(api.SendAsync(api.Request(HttpMethod.Post, "ec-tasks-status", text)), HttpStatusCode.BadRequest, "EC00201");
            Assert.StartsWith("body:", msg);
        }
    }

    [Fact]
    public async Task Unknown_operation_and_wrong_method_get_EC00203()
    {
        await using var sandbox = await StartAsync();
        using var api = new EcApi(sandbox);
        await api.ExpectErrorAsync(api.PostAsync("ec-status", StatusBody), HttpStatusCode.NotFound, "EC00203");
        await api.ExpectErrorAsync(api.SendAsync(api.Request(HttpMethod.Get, "ec-create", null)), HttpStatusCode.MethodNotAllowed, "EC00203");
    }

    [Fact]
    public async Task Control_endpoint_registers_clients()
    {
        await using var sandbox = await StartAsync();
        using var http = new HttpClient { BaseAddress = sandbox.BaseUri };
        using var response = await http.PostAsync("sandbox/ec/clients", new StringContent("""{"apiKey":"key-1","sharedSecret":"s3cret"}""", Encoding.UTF8, "application/json"), EcApi.Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(EcApi.Ct))!;
        Assert.Equal("key-1", (string)json["apiKey"]!);
        Assert.Equal("s3cret", (string)json["sharedSecret"]!);

        using var api = new EcApi(sandbox, new GosApi.Sandbox.ElectronicCertificates.ElectronicCertificateClient("key-1", "s3cret"));
        Assert.Empty(await api.StatusesAsync());

        using var random = await http.PostAsync("sandbox/ec/clients", null, EcApi.Ct);
        var generated = JsonNode.Parse(await random.Content.ReadAsStringAsync(EcApi.Ct))!;
        Assert.False(string.IsNullOrEmpty((string)generated["apiKey"]!));
        Assert.True(((string)generated["sharedSecret"]!).Length >= 32);
    }
}
