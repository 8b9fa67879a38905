using GosApi.Diagnostics;
using GosApi.Errors;
using GosApi.Http;
using RestSharp;
using Xunit;

namespace GosApi.Core.Tests.Http;

/// <summary>401 handling, the Authorization header and what reaches the Debug/Verbose streams.</summary>
public class ApiPipelineAuthTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A token source that hands out a new token on every call and counts the calls.</summary>
    private sealed class CountingTokenSource : ITokenSource
    {
        private int calls;
        public List<string> Issued { get; } = new();
        public bool CanRefresh => true;
        public int Calls => Volatile.Read(ref calls);

        public Task<AccessToken> GetTokenAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref calls);
            var value = Secrets.New("bearer");
            lock (Issued) Issued.Add(value);
            return Task.FromResult(new AccessToken(value));
        }
    }

    [Fact]
    public async Task A_401_refreshes_the_token_once_and_repeats_the_request()
    {
        var source = new CountingTokenSource();
        await using var server = new LoopbackServer(r =>
            r.Header("Authorization") == "Bearer " + source.Issued[0] ? Reply.Http(401) : Reply.Ok("{\"ok\":1}"));
        using var pipeline = Pipelines.For(server, auth: new BearerTokenAuth(source));

        var response = await pipeline.ExecuteAsync(new RestRequest("api/gusmev/order/1", Method.Post),
            new RequestTraits { Operation = "get order", SafeToRetry = true }, Ct);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(2, source.Calls);
        var requests = server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Equal("Bearer " + source.Issued[0], requests[0].Header("Authorization"));
        Assert.Equal("Bearer " + source.Issued[1], requests[1].Header("Authorization"));
    }

    [Fact]
    public async Task A_refresh_applies_to_unsafe_requests_too_because_a_401_created_nothing()
    {
        var source = new CountingTokenSource();
        await using var server = new LoopbackServer(Reply.Http(401), Reply.Ok("{\"orderId\":5}"));
        using var pipeline = Pipelines.For(server, auth: new BearerTokenAuth(source));

        var response = await pipeline.ExecuteAsync(new RestRequest("api/gusmev/order", Method.Post).AddJsonBody("{}", ContentType.Json),
            new RequestTraits { Operation = "create order", SafeToRetry = false }, Ct);

        Assert.Equal("{\"orderId\":5}", response.Content);
        Assert.Equal(2, source.Calls);
        Assert.Equal(2, server.Count);
    }

    [Fact]
    public async Task A_second_401_is_an_Authentication_error_after_exactly_one_refresh()
    {
        var source = new CountingTokenSource();
        await using var server = new LoopbackServer(Reply.Http(401));
        using var pipeline = Pipelines.For(server, auth: new BearerTokenAuth(source));

        var error = await Assert.ThrowsAsync<GosApiException>(() => pipeline.ExecuteAsync(new RestRequest("api/x"),
            new RequestTraits { Operation = "get order", SafeToRetry = true }, Ct));

        Assert.Equal(GosApiErrorKind.Authentication, error.Kind);
        Assert.Equal("Epgu.401", error.ErrorId);
        Assert.Equal(2, source.Calls);
        Assert.Equal(2, server.Count);
    }

    [Fact]
    public async Task A_token_that_cannot_be_renewed_is_not_asked_again()
    {
        var token = new AccessToken(Secrets.New("static"));
        await using var server = new LoopbackServer(Reply.Http(401), Reply.Ok());
        using var pipeline = Pipelines.For(server, auth: new BearerTokenAuth(new StaticTokenSource(token)));

        var error = await Assert.ThrowsAsync<GosApiException>(() => pipeline.ExecuteAsync(new RestRequest("api/x"),
            new RequestTraits { Operation = "get order", SafeToRetry = true }, Ct));

        Assert.Equal(GosApiErrorKind.Authentication, error.Kind);
        Assert.Equal(1, server.Count);
    }

    [Fact]
    public async Task The_token_is_fetched_once_and_reused_while_it_is_valid()
    {
        var source = new CountingTokenSource();
        await using var server = new LoopbackServer(Reply.Ok());
        using var pipeline = Pipelines.For(server, auth: new BearerTokenAuth(source));
        var traits = new RequestTraits { Operation = "get order", SafeToRetry = true };

        for (var i = 0; i < 3; i++) await pipeline.ExecuteAsync(new RestRequest("api/x"), traits, Ct);

        Assert.Equal(1, source.Calls);
        Assert.All(server.Requests, r => Assert.Equal("Bearer " + source.Issued[0], r.Header("Authorization")));
    }

    [Fact]
    public async Task Unauthenticated_requests_carry_no_Authorization_header()
    {
        var source = new CountingTokenSource();
        await using var server = new LoopbackServer(Reply.Ok());
        using var pipeline = Pipelines.For(server, auth: new BearerTokenAuth(source));

        await pipeline.ExecuteAsync(new RestRequest("api/nsi/v1/dictionary/BIC", Method.Post),
            new RequestTraits { Operation = "get dictionary BIC", SafeToRetry = true, Authenticated = false }, Ct);

        Assert.Null(server.Requests[0].Header("Authorization"));
        Assert.Equal(0, source.Calls);
    }

    [Fact]
    public async Task Traces_describe_every_exchange_but_never_show_the_token_or_secret_url_parts()
    {
        var source = new CountingTokenSource();
        var urlKey = Secrets.New("urlkey");
        await using var server = new LoopbackServer(r => r.Index switch
        {
            0 => Reply.Http(401),
            1 => Reply.Http(503),
            2 => Reply.Reset(),
            _ => Reply.Ok(),
        });
        using var pipeline = Pipelines.For(server, auth: new BearerTokenAuth(source));
        var reporter = new RecordingReporter();

        using (OperationScope.Begin(reporter))
        {
            var request = new RestRequest("api/gusmev/order/{id}", Method.Post).AddUrlSegment("id", 42).AddQueryParameter("token", urlKey);
            await pipeline.ExecuteAsync(request, new RequestTraits { Operation = "get order", SafeToRetry = true }, Ct);
        }

        Assert.Equal(4, server.Count);
        Assert.Equal(2, source.Calls);
        var messages = reporter.All;
        var debug = reporter.Of("debug");
        Assert.Contains(debug, m => m.Contains("POST") && m.Contains("-> HTTP 401"));
        Assert.Contains(debug, m => m.Contains("-> HTTP 503"));
        Assert.Contains(debug, m => m.Contains("no response"));
        Assert.Contains(debug, m => m.Contains("-> HTTP 200"));
        Assert.Contains(debug, m => m.Contains("api/gusmev/order/42?token=***"));
        Assert.Contains(reporter.Of("verbose"), m => m.Contains("get order: HTTP 503; retry 1 of 3"));
        foreach (var message in messages)
        {
            Assert.DoesNotContain(urlKey, message);
            foreach (var token in source.Issued) Assert.DoesNotContain(token, message);
        }
        // the server did receive the real values: the redaction is for traces only
        Assert.Contains(urlKey, server.Requests[0].Target);
        Assert.Equal("Bearer " + source.Issued[1], server.Requests[3].Header("Authorization"));
    }

    [Fact]
    public async Task A_token_echoed_back_in_an_error_body_is_masked_in_the_exception()
    {
        var source = new CountingTokenSource();
        await using var server = new LoopbackServer(r =>
            Reply.Http(400, "{\"code\":\"bad_request\",\"message\":\"malformed header " + r.Header("Authorization") + "\"}"));
        using var pipeline = Pipelines.For(server, auth: new BearerTokenAuth(source));

        var error = await Assert.ThrowsAsync<GosApiException>(() => pipeline.ExecuteAsync(new RestRequest("api/x"),
            new RequestTraits { Operation = "get order", SafeToRetry = true }, Ct));

        Assert.Equal("Epgu.bad_request", error.ErrorId);
        Assert.DoesNotContain(source.Issued[0], error.Message);
        Assert.Contains("malformed header Bearer ***", error.Message);
        Assert.DoesNotContain(source.Issued[0], error.ToString());
    }

    [Fact]
    public async Task Error_names_the_method_and_the_redacted_url_and_the_request_id()
    {
        var apiKey = Secrets.New("apikey");
        await using var server = new LoopbackServer(Reply.Http(400, "{\"code\":\"bad_request\",\"message\":\"pageSize must be positive\"}", ("X-Request-Id", "req-77")));
        using var pipeline = Pipelines.For(server);

        var request = new RestRequest("api/gusmev/order/getOrdersStatus/").AddQueryParameter("apikey", apiKey).AddQueryParameter("pageSize", "0");
        var error = await Assert.ThrowsAsync<GosApiException>(() => pipeline.ExecuteAsync(request,
            new RequestTraits { Operation = "get orders status", SafeToRetry = true, Authenticated = false }, Ct));

        var url = server.BaseUri + "api/gusmev/order/getOrdersStatus/?apikey=***&pageSize=0";
        Assert.Equal("GET", error.Method);
        Assert.Equal(url, error.Url);
        Assert.Contains(" at GET " + url, error.Message);
        Assert.StartsWith("get orders status failed: pageSize must be positive", error.Message);
        Assert.Contains("(bad_request, HTTP 400)", error.Message);
        Assert.DoesNotContain(apiKey, error.Message);
        Assert.Equal("req-77", error.RequestId);
        Assert.Equal(GosApiErrorKind.InvalidRequest, error.Kind);
    }
}
