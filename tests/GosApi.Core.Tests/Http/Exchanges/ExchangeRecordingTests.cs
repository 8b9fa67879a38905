using System.Text.Json;
using GosApi.Errors;
using GosApi.Http;
using GosApi.Http.Exchanges;
using RestSharp;
using Xunit;

namespace GosApi.Core.Tests.Http.Exchanges;

/// <summary>What the pipeline records of each exchange: for errors, the request log and statistics — never a secret.</summary>
public sealed class ExchangeRecordingTests : IDisposable
{
    private static readonly RequestTraits Create = new() { Operation = "create order", SafeToRetry = false };
    private readonly string dir = Directory.CreateTempSubdirectory("gosapi-exchanges-").FullName;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static BearerTokenAuth Auth(string token) => new(new StaticTokenSource(new AccessToken(token)));

    private static string Jwt(string clientId, string orgOid)
    {
        static string Part(object o) => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(o)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return Part(new { alg = "none" }) + "." + Part(new { client_id = clientId, org_oid = orgOid, iat = now - 60, exp = now + 3600, permissions = "APIPGU" }) + "." + Secrets.New("sig");
    }

    [Fact]
    public async Task A_failed_request_carries_its_exchange_with_headers_body_and_token_claims_but_no_token()
    {
        var token = Jwt("MY_IS", "1000555555");
        await using var server = new LoopbackServer(Reply.Http(500, "{\"code\":\"internal_error\",\"message\":\"boom\"}"));
        using var pipeline = Pipelines.For(server, auth: Auth(token));

        var error = await Assert.ThrowsAsync<GosApiException>(() =>
            pipeline.ExecuteAsync(new RestRequest("api/gusmev/order", Method.Post).AddJsonBody("{\"serviceCode\":\"10000000101\"}", ContentType.Json), Create, Ct));

        var exchange = Assert.IsType<HttpExchange>(error.Exchange);
        Assert.Equal("POST", exchange.Method);
        Assert.Equal(server.BaseUri.Authority, exchange.Host);
        Assert.EndsWith("/api/gusmev/order", exchange.Url);
        Assert.Equal(500, exchange.StatusCode);
        Assert.Equal("internal_error", exchange.ApiCode);
        Assert.Equal("{\"serviceCode\":\"10000000101\"}", exchange.RequestBody);
        Assert.Contains(exchange.RequestHeaders, h => h.Name == "Authorization" && h.Value == "Bearer ***");
        Assert.Contains(exchange.RequestHeaders, h => h.Name == "Content-Type" && h.Value.StartsWith("application/json"));
        Assert.Equal("MY_IS", exchange.Token!.ClientId);
        Assert.Equal("1000555555", exchange.Token.OrgOid);
        Assert.NotNull(exchange.TokenObtainedAt);
        Assert.DoesNotContain(exchange.RequestHeaders, h => h.Value.Contains(token.Split('.')[2]));
        Assert.Same(exchange, pipeline.Statistics.LastFailure);
        Assert.Equal(1, pipeline.Statistics.ErrorsByCode["internal_error"]);
    }

    [Fact]
    public async Task A_multipart_upload_is_described_by_its_parts_and_the_file_is_not_read()
    {
        var file = Path.Combine(dir, "order.zip");
        await File.WriteAllBytesAsync(file, new byte[70_000], Ct);
        await using var server = new LoopbackServer(Reply.Http(500));
        using var pipeline = Pipelines.For(server);
        var request = new RestRequest("api/gusmev/push", Method.Post) { AlwaysMultipartFormData = true };
        request.AddParameter("meta", "{\"region\":\"45000000000\"}");
        request.AddFile("file", file, "application/zip");

        var error = await Assert.ThrowsAsync<GosApiException>(() => pipeline.ExecuteAsync(request, new RequestTraits { Operation = "push order", Authenticated = false }, Ct));

        var body = error.Exchange!.RequestBody!;
        Assert.Contains("{\"region\":\"45000000000\"}", body);
        Assert.Contains("<file order.zip, 70000 bytes, not recorded>", body);
        Assert.True(body.Length < 2000);
        Assert.True(server.Requests.Single().Body.Length > 70_000, "the server still got the whole file");
    }

    [Fact]
    public async Task Every_exchange_gets_one_log_line_with_retries_status_and_the_created_id()
    {
        var logPath = Path.Combine(dir, "requests.jsonl");
        var options = Pipelines.FastOptions();
        options.RequestLog = new RequestLog(logPath);
        var token = Jwt("MY_IS", "1000555555");
        await using var server = new LoopbackServer(Reply.Http(429, null, ("Retry-After", "0")), Reply.Ok("{\"orderId\":42}"), Reply.Http(503), Reply.Http(503), Reply.Ok("{}"));
        using var pipeline = Pipelines.For(server, options, Auth(token));

        await pipeline.ExecuteAsync(new RestRequest("api/gusmev/order", Method.Post), new RequestTraits { Operation = "create order", EntityIdFromResponse = c => "order " + JsonDocument.Parse(c!).RootElement.GetProperty("orderId").GetInt64() }, Ct);
        await pipeline.ExecuteAsync(new RestRequest("api/gusmev/order/42?access_token=" + token, Method.Post), new RequestTraits { Operation = "get order", SafeToRetry = true, EntityId = "order 42" }, Ct);

        var lines = File.ReadAllLines(logPath).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(5, lines.Length);
        Assert.Equal(new[] { 429, 200, 503, 503, 200 }, lines.Select(l => l.GetProperty("status").GetInt32()));
        Assert.Equal(new[] { 0, 1, 0, 1, 2 }, lines.Select(l => l.GetProperty("retries").GetInt32()));
        Assert.Equal("order 42", lines[1].GetProperty("entityId").GetString());
        Assert.Equal("order 42", lines[4].GetProperty("entityId").GetString());
        Assert.All(lines, l => Assert.Equal("Epgu", l.GetProperty("service").GetString()));
        Assert.All(lines, l => Assert.True(l.GetProperty("durationMs").GetInt64() >= 0));
        var text = File.ReadAllText(logPath);
        Assert.DoesNotContain(token, text);
        Assert.DoesNotContain(token.Split('.')[2], text);
        Assert.DoesNotContain("Authorization", text);
        Assert.Equal(5, pipeline.Statistics.Requests);
        Assert.Equal(1, pipeline.Statistics.Throttled);
        Assert.Equal(3, pipeline.Statistics.Retries);
        Assert.Equal(new Dictionary<string, long> { ["429"] = 1, ["503"] = 2 }, pipeline.Statistics.ErrorsByCode);
    }

    [Fact]
    public async Task A_request_that_gets_no_answer_is_logged_with_the_reason()
    {
        var logPath = Path.Combine(dir, "reset.jsonl");
        var options = Pipelines.FastOptions(maxRetries: 0);
        options.RequestLog = new RequestLog(logPath);
        await using var server = new LoopbackServer(Reply.Reset());
        using var pipeline = Pipelines.For(server, options);

        var error = await Assert.ThrowsAsync<GosApiException>(() => pipeline.ExecuteAsync(new RestRequest("api/x"), new RequestTraits { Authenticated = false, SafeToRetry = true }, Ct));

        Assert.Null(error.Exchange!.StatusCode);
        Assert.NotNull(error.Exchange.Error);
        var line = JsonDocument.Parse(File.ReadAllLines(logPath).Single()).RootElement;
        Assert.Equal(JsonValueKind.Null, line.GetProperty("status").ValueKind);
        Assert.False(string.IsNullOrEmpty(line.GetProperty("error").GetString()));
        Assert.Equal(1, pipeline.Statistics.ErrorsByCode["NoResponse"]);
    }

    [Fact]
    public void A_log_in_a_missing_folder_is_refused_at_once()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => new RequestLog(Path.Combine(dir, "nope", "log.jsonl")));
        Assert.Contains("does not exist", error.Message);
    }

    [Fact]
    public void Secret_headers_keep_only_their_scheme()
    {
        Assert.Equal("Bearer ***", ExchangeRecorder.Safe("Authorization", "Bearer abc.def.ghi"));
        Assert.Equal("Basic ***", ExchangeRecorder.Safe("authorization", "Basic dXNlcjpwYXNz"));
        Assert.Equal("***", ExchangeRecorder.Safe("x-api-key", "0f6f5b8e-aaaa"));
        Assert.Equal("application/json", ExchangeRecorder.Safe("Accept", "application/json"));
    }
}
