using System.IO.Compression;
using System.Net;
using System.Text;
using GosApi.Core.Tests.Http;
using GosApi.Epgu;
using GosApi.Epgu.Packages;
using GosApi.Errors;
using GosApi.Http;
using GosApi.Validation;
using RestSharp;
using Xunit;

namespace GosApi.Core.Tests.Epgu;

public class CoreRegressionTests : IDisposable
{
    private readonly TempDirectory temp = new();
    public void Dispose() => temp.Dispose();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(503, "internal_error")]
    [InlineData(502, "not_found")]
    [InlineData(429, "limitation_exception")]
    [InlineData(401, "order_access")]
    public void Known_code_on_status_only_answer(int status, string code)
    {
        var response = new RestResponse(new RestRequest()) { StatusCode = (HttpStatusCode)status, Content = $"{{\"code\":\"{code}\",\"message\":\"m\"}}" };
        var error = new EpguErrorTranslator().Translate(response, new RequestTraits { Operation = "get order" }, "POST", "u");
        Assert.Equal("Epgu." + status, error.ErrorId);
    }

    [Fact]
    public async Task Parallel_401s_refresh_once()
    {
        var calls = 0;
        var issued = new List<string>();
        var source = new DelegateTokenSource(_ =>
        {
            Interlocked.Increment(ref calls);
            var v = Secrets.New("par");
            lock (issued) issued.Add(v);
            return Task.FromResult(new AccessToken(v));
        });
        var arrived = 0;
        var allIn = new TaskCompletionSource();
        await using var server = new LoopbackServer(r =>
        {
            if (r.Header("Authorization") == "Bearer " + issued[0])
            {
                if (Interlocked.Increment(ref arrived) == 4) allIn.TrySetResult();
                allIn.Task.Wait(TimeSpan.FromSeconds(5));
                return Reply.Http(401);
            }
            return Reply.Ok();
        });
        using var pipeline = Pipelines.For(server, auth: new BearerTokenAuth(source));
        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => pipeline.ExecuteAsync(new RestRequest("api/x" + i), new RequestTraits { SafeToRetry = true }, Ct)));
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task Repeat_after_401_waits_for_a_rate_limit_permit()
    {
        await using var server = new LoopbackServer(Reply.Http(401), Reply.Ok());
        var options = Pipelines.FastOptions();
        options.RequestsPerMinute = 12; // burst 1, then one per 5.45 s
        var n = 0;
        using var pipeline = Pipelines.For(server, options, new BearerTokenAuth(new DelegateTokenSource(_ => Task.FromResult(new AccessToken(Secrets.New() + n++)))));
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cancel.CancelAfter(1000);
        await Record.ExceptionAsync(() => pipeline.ExecuteAsync(new RestRequest("api/x"), new RequestTraits { SafeToRetry = true }, cancel.Token));
        Assert.Equal(1, server.Count);
    }

    [Fact]
    public async Task Truncated_body_is_not_a_success()
    {
        var body = "{\"count\":1,\"totalCount\":1,\"content\":[{\"orderId\":1,\"orderSearchStatus\":\"FOUND\",\"status\":null}]}" + new string(' ', 2000);
        await using var server = new LoopbackServer(Reply.Truncated(200, body), Reply.Ok("{\"ok\":2}"));
        using var pipeline = Pipelines.For(server);
        var response = await pipeline.ExecuteAsync(new RestRequest("api/x"), new RequestTraits { SafeToRetry = true, Authenticated = false }, Ct);
        Assert.Equal("{\"ok\":2}", response.Content);
    }

    [Fact]
    public async Task Truncated_body_unsafe()
    {
        var body = "{\"orderId\":123456}" + new string(' ', 2000);
        await using var server = new LoopbackServer(Reply.Truncated(200, body), Reply.Ok("{\"ok\":2}"));
        using var pipeline = Pipelines.For(server);
        var error = await Record.ExceptionAsync(() => pipeline.ExecuteAsync(new RestRequest("api/x", Method.Post), new RequestTraits { SafeToRetry = false, Authenticated = false }, Ct));
        Assert.IsType<GosApiException>(error);
    }

    [Theory]
    [InlineData(1700000000000L)]
    [InlineData(-99999999999999L)]
    public void Out_of_range_exp(long exp)
    {
        string Enc(string s) => Base64Url.Encode(Encoding.UTF8.GetBytes(s));
        var jwt = Enc("{\"alg\":\"none\"}") + "." + Enc("{\"exp\":" + exp + ",\"n\":\"" + Guid.NewGuid() + "\"}") + ".sig";
        var token = new AccessToken(jwt);
        Assert.Null(token.ExpiresAt);
    }

    [Theory]
    [InlineData(1970)]
    [InlineData(1979)]
    [InlineData(2150)]
    public void Builder_with_odd_mtimes(int year)
    {
        var input = temp.Write("in/req.xml", "x");
        File.SetLastWriteTimeUtc(input, new DateTime(year, 1, 2, 0, 0, 0, DateTimeKind.Utc));
        var dest = temp.File("o.zip");
        EpguPackageBuilder.Build(new[] { input }, dest, new EpguPackageOptions());
        using var zip = ZipFile.OpenRead(dest);
        Assert.Equal("req.xml", zip.Entries.Single().FullName);
    }

    [Fact]
    public void Builder_message_with_colon_in_name()
    {
        var input = temp.Write("in/a:b.xml", Array.Empty<byte>());
        var error = Assert.Throws<InputValidationException>(() => EpguPackageBuilder.Build(new[] { input }, temp.File("o.zip"), new EpguPackageOptions()));
        Assert.Contains("Path a:b.xml: the file is empty", error.Message);
    }
}
