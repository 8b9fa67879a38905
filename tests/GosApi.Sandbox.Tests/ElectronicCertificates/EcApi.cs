using System.Security.Cryptography;
using System.Text.Json.Nodes;
using GosApi.Sandbox.ElectronicCertificates;
using GosApi.Sandbox.ElectronicCertificates.Json;

namespace GosApi.Sandbox.Tests.ElectronicCertificates;

/// <summary>Raw signed HTTP calls to the sandbox's ИС ЭС routes as one client; the HMAC is computed here, independently of the sandbox.</summary>
internal sealed class EcApi : IDisposable
{
    public const string CyrillicBase = "api/1.2.1-%D0%A3/%D0%B5%D1%81/";
    public const string LatinBase = "api/1.2.1-Y/ec/";
    public const string Header = """{"b64":false,"crit":["b64"],"typ":"JWT","alg":"HS512"}""";

    public EcApi(SandboxServer sandbox, ElectronicCertificateClient? client = null, string basePath = CyrillicBase)
    {
        Client = client ?? sandbox.RegisterElectronicCertificateClient();
        BasePath = basePath;
        Http = new HttpClient { BaseAddress = sandbox.BaseUri, Timeout = TimeSpan.FromSeconds(60) };
    }

    public ElectronicCertificateClient Client { get; }
    public string BasePath { get; }
    public HttpClient Http { get; }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The RFC 8785 form of a JSON node (the sandbox's canonicaliser, checked against RFC 8785's vectors in CanonicalJsonTests).</summary>
    public static string Canonical(JsonNode node) => Encoding.UTF8.GetString(CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(node.ToJsonString())));

    public static string Base64Url(byte[] data) => Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Sign(byte[] payload, string secret, string header = Header, Func<byte[], byte[], byte[]>? mac = null)
    {
        var encodedHeader = Base64Url(Encoding.UTF8.GetBytes(header));
        var input = Encoding.ASCII.GetBytes(encodedHeader + ".").Concat(payload).ToArray();
        var signature = (mac ?? HMACSHA512.HashData)(Encoding.UTF8.GetBytes(secret), input);
        return encodedHeader + ".." + Base64Url(signature);
    }

    public HttpRequestMessage Request(HttpMethod method, string operation, string? json, Action<HttpRequestMessage>? tweak = null, string? requestId = null)
    {
        var body = json is null ? [] : Encoding.UTF8.GetBytes(json);
        var request = new HttpRequestMessage(method, BasePath + operation);
        request.Headers.TryAddWithoutValidation("x-api-key", Client.ApiKey);
        request.Headers.TryAddWithoutValidation("x-request-id", requestId ?? Guid.NewGuid().ToString());
        request.Headers.TryAddWithoutValidation("x-request-date", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:sszzz"));
        request.Headers.TryAddWithoutValidation("x-jws-signature", Sign(body, Client.SharedSecret));
        if (json is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");
        }
        tweak?.Invoke(request);
        return request;
    }

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => Http.SendAsync(request, Ct);

    public Task<HttpResponseMessage> PostAsync(string operation, JsonNode body, Action<HttpRequestMessage>? tweak = null, string? requestId = null) =>
        SendAsync(Request(HttpMethod.Post, operation, Canonical(body), tweak, requestId));

    public Task<HttpResponseMessage> StatementAsync(string cn, Action<HttpRequestMessage>? tweak = null) =>
        SendAsync(Request(HttpMethod.Get, "ec-detailed-statement?cn=" + cn, null, tweak));

    /// <summary>Reads the body and checks the response headers and that x-jws-signature is HS512 with this client's secret over the body.</summary>
    public async Task<string> ReadSignedAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsByteArrayAsync(Ct);
        var text = Encoding.UTF8.GetString(body);
        Assert.True(response.Headers.TryGetValues("x-jws-signature", out var signatures), $"no x-jws-signature on {(int)response.StatusCode}: {text}");
        Assert.Equal(Sign(body, Client.SharedSecret), Assert.Single(signatures));
        AssertResponseHeaders(response);
        if (response.Content.Headers.ContentType?.MediaType == "application/json")
            Assert.Equal(text, Canonical(JsonNode.Parse(text)!)); // sent canonical: the signed bytes are the sent bytes
        return text;
    }

    public static void AssertResponseHeaders(HttpResponseMessage response)
    {
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", response.Headers.GetValues("x-response-id").Single());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$", response.Headers.GetValues("x-response-date").Single());
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[34][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", response.Headers.GetValues("x-correlation-id").Single());
    }

    /// <summary>Asserts a signed {"Errors":[{"code","msg"}]} answer and returns msg.</summary>
    public async Task<string> ExpectErrorAsync(Task<HttpResponseMessage> call, HttpStatusCode status, string code)
    {
        using var response = await call;
        var text = await ReadSignedAsync(response);
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var error = Assert.Single(JsonNode.Parse(text)!["Errors"]!.AsArray())!;
        Assert.Equal(code, (string)error["code"]!);
        var msg = (string)error["msg"]!;
        Assert.True(msg.Length <= 256);
        return msg;
    }

    /// <summary>Posts and expects 201 REQUEST_IS_QUEUED; returns the task id (x-correlation-id).</summary>
    public async Task<string> QueueAsync(string operation, JsonNode body)
    {
        using var response = await PostAsync(operation, body);
        var text = await ReadSignedAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("REQUEST_IS_QUEUED", text);
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        return response.Headers.GetValues("x-correlation-id").Single();
    }

    public async Task<JsonArray> StatusesAsync(int quantity = 100, params string[] types)
    {
        var body = new JsonObject
        {
            ["Request_Types"] = new JsonArray((types.Length == 0 ? ["ec_create", "ec_edit", "ec_block"] : types).Select(t => (JsonNode)t!).ToArray()),
            ["Task_Quantity"] = quantity,
        };
        using var response = await PostAsync("ec-tasks-status", body);
        var text = await ReadSignedAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsArray();
    }

    public async Task<JsonObject> ResultsAsync(params string[] taskIds)
    {
        var body = new JsonObject
        {
            ["eCertificateRequest_TaskResult"] = new JsonArray(taskIds.Select(id => (JsonNode)new JsonObject { ["taskId"] = id }).ToArray()),
        };
        using var response = await PostAsync("ec-tasks-results", body);
        var text = await ReadSignedAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!["ec_tasks_results"]!.AsObject();
    }

    /// <summary>Waits (on the sandbox clock) until the task's results are there and returns its records.</summary>
    public async Task<JsonArray> WaitForRecordsAsync(string taskId, string group, string records)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var results = await ResultsAsync(taskId);
            if (results[group] is JsonArray items)
                return Assert.Single(items)![records]!.AsArray();
            Assert.True(DateTime.UtcNow < deadline, $"task {taskId} did not execute");
            await Task.Delay(20, Ct);
        }
    }

    public async Task<JsonObject> StatementJsonAsync(string cn)
    {
        using var response = await StatementAsync(cn);
        var text = await ReadSignedAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Issues one certificate of the type and returns (certificateNumber, factAssignmentUuid).</summary>
    public async Task<(string Number, string Uuid)> IssueAsync(JsonObject? assignment = null)
    {
        var task = await QueueAsync("ec-create", EcBodies.Create(assignment ?? EcBodies.Assignment()));
        var record = Assert.Single(await WaitForRecordsAsync(task, "ec_create_task_results", "eCertificatesCreateResponse"))!;
        Assert.True((bool)record["protocol"]!["isProcessedSuccessfully"]!, record.ToJsonString());
        return ((string)record["eCertificate"]!["certificateNumber"]!, (string)record["factAssignmentUuid"]!);
    }

    public void Dispose() => Http.Dispose();
}
