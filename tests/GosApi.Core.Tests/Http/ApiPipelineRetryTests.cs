using GosApi.Errors;
using GosApi.Http;
using RestSharp;
using Xunit;

namespace GosApi.Core.Tests.Http;

/// <summary>Retry rules of the shared pipeline, against a real HTTP server on the loopback interface.</summary>
public class ApiPipelineRetryTests
{
    private static readonly RequestTraits Safe = new() { Operation = "get order", SafeToRetry = true, Authenticated = false };
    private static readonly RequestTraits Unsafe = new() { Operation = "create order", SafeToRetry = false, Authenticated = false };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Safe_request_is_retried_through_503s_until_it_succeeds()
    {
        await using var server = new LoopbackServer(Reply.Http(503), Reply.Http(503), Reply.Ok("{\"orderId\":7}"));
        using var pipeline = Pipelines.For(server);

        var response = await pipeline.ExecuteAsync(new RestRequest("api/gusmev/order/7", Method.Post), Safe, Ct);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("{\"orderId\":7}", response.Content);
        Assert.Equal(3, server.Count);
        Assert.Equal(3, pipeline.Statistics.Requests);
        Assert.Equal(2, pipeline.Statistics.Retries);
        Assert.Equal(0, pipeline.Statistics.Failures);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Gateway_errors_are_retried_for_safe_requests(int status)
    {
        await using var server = new LoopbackServer(Reply.Http(status), Reply.Ok());
        using var pipeline = Pipelines.For(server);

        var response = await pipeline.ExecuteAsync(new RestRequest("api/x"), Safe, Ct);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(2, server.Count);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Unsafe_request_is_never_repeated_after_a_gateway_error(int status)
    {
        await using var server = new LoopbackServer(Reply.Http(status), Reply.Ok("{\"orderId\":1}"));
        using var pipeline = Pipelines.For(server);

        var error = await Assert.ThrowsAsync<GosApiException>(() =>
            pipeline.ExecuteAsync(new RestRequest("api/gusmev/order", Method.Post).AddJsonBody("{\"region\":\"1\"}", ContentType.Json), Unsafe, Ct));

        Assert.Equal(1, server.Count);
        Assert.Equal(GosApiErrorKind.ServiceUnavailable, error.Kind);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal("Epgu." + status, error.ErrorId);
        Assert.Equal(0, pipeline.Statistics.Retries);
        Assert.Equal(1, pipeline.Statistics.Failures);
    }

    [Fact]
    public async Task Non_retryable_statuses_are_not_repeated_even_when_safe()
    {
        await using var server = new LoopbackServer(Reply.Http(500, "{\"code\":\"internal_error\",\"message\":\"boom\"}"), Reply.Ok());
        using var pipeline = Pipelines.For(server);

        var error = await Assert.ThrowsAsync<GosApiException>(() => pipeline.ExecuteAsync(new RestRequest("api/x"), Safe, Ct));

        Assert.Equal(1, server.Count);
        Assert.Equal("Epgu.internal_error", error.ErrorId);
        Assert.Equal(GosApiErrorKind.ServerError, error.Kind);
    }

    [Fact]
    public async Task Retries_stop_after_MaxRetries_and_the_last_answer_is_reported()
    {
        await using var server = new LoopbackServer(Reply.Http(503));
        using var pipeline = Pipelines.For(server, Pipelines.FastOptions(maxRetries: 2));

        var error = await Assert.ThrowsAsync<GosApiException>(() => pipeline.ExecuteAsync(new RestRequest("api/x"), Safe, Ct));

        Assert.Equal(3, server.Count); // the first attempt and two retries
        Assert.Equal("Epgu.503", error.ErrorId);
        Assert.Equal(2, pipeline.Statistics.Retries);
    }

    [Fact]
    public async Task Too_many_requests_is_retried_even_for_an_unsafe_request()
    {
        await using var server = new LoopbackServer(Reply.Http(429), Reply.Http(200, "{\"orderId\":52353456}"));
        using var pipeline = Pipelines.For(server);

        var response = await pipeline.ExecuteAsync(
            new RestRequest("api/gusmev/order", Method.Post).AddJsonBody("{\"region\":\"36000000000\"}", ContentType.Json), Unsafe, Ct);

        Assert.Equal("{\"orderId\":52353456}", response.Content);
        Assert.Equal(2, server.Count);
        // the repeated request carries the same body
        Assert.Equal(server.Requests[0].BodyText, server.Requests[1].BodyText);
        Assert.Contains("36000000000", server.Requests[1].BodyText);
        Assert.Equal(1, pipeline.Statistics.Throttled);
    }

    [Fact]
    public async Task Retry_After_in_seconds_is_honoured()
    {
        await using var server = new LoopbackServer(Reply.Http(429, null, ("Retry-After", "1")), Reply.Ok());
        using var pipeline = Pipelines.For(server); // own backoff would be ~10 ms

        await pipeline.ExecuteAsync(new RestRequest("api/gusmev/order", Method.Post), Unsafe, Ct);

        var requests = server.Requests;
        Assert.Equal(2, requests.Count);
        var gap = requests[1].ArrivedAt - requests[0].ArrivedAt;
        Assert.True(gap >= TimeSpan.FromMilliseconds(900), $"the retry came {gap.TotalMilliseconds:0} ms after a Retry-After of 1 s");
    }

    [Fact]
    public async Task Retry_After_as_an_http_date_is_honoured()
    {
        // An HTTP date has whole seconds: 2 s ahead is at least 1 s ahead.
        var at = DateTimeOffset.UtcNow.AddSeconds(2).ToString("r", System.Globalization.CultureInfo.InvariantCulture);
        await using var server = new LoopbackServer(Reply.Http(503, null, ("Retry-After", at)), Reply.Ok());
        using var pipeline = Pipelines.For(server);

        await pipeline.ExecuteAsync(new RestRequest("api/x"), Safe, Ct);

        var requests = server.Requests;
        var gap = requests[1].ArrivedAt - requests[0].ArrivedAt;
        Assert.True(gap >= TimeSpan.FromMilliseconds(900), $"the retry came {gap.TotalMilliseconds:0} ms after Retry-After: {at}");
    }

    [Fact]
    public async Task Retry_After_longer_than_MaxRetryDelay_is_capped()
    {
        await using var server = new LoopbackServer(Reply.Http(429, null, ("Retry-After", "3600")), Reply.Ok());
        var options = Pipelines.FastOptions();
        options.MaxRetryDelay = TimeSpan.FromMilliseconds(200);
        using var pipeline = Pipelines.For(server, options);

        await pipeline.ExecuteAsync(new RestRequest("api/x"), Safe, Ct);

        var requests = server.Requests;
        var gap = requests[1].ArrivedAt - requests[0].ArrivedAt;
        Assert.InRange(gap, TimeSpan.FromMilliseconds(150), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Connection_reset_is_retried_for_a_safe_request()
    {
        await using var server = new LoopbackServer(Reply.Reset(), Reply.Ok("{\"done\":true}"));
        using var pipeline = Pipelines.For(server);

        var response = await pipeline.ExecuteAsync(new RestRequest("api/x"), Safe, Ct);

        Assert.Equal("{\"done\":true}", response.Content);
        Assert.Equal(2, server.Count);
        Assert.Equal(1, pipeline.Statistics.Retries);
    }

    [Fact]
    public async Task Connection_reset_is_not_retried_for_an_unsafe_request()
    {
        await using var server = new LoopbackServer(Reply.Reset(), Reply.Ok("{\"orderId\":1}"));
        using var pipeline = Pipelines.For(server);

        var error = await Assert.ThrowsAsync<GosApiException>(() =>
            pipeline.ExecuteAsync(new RestRequest("api/gusmev/order", Method.Post).AddJsonBody("{}", ContentType.Json), Unsafe, Ct));

        Assert.Equal(1, server.Count);
        Assert.Equal(GosApiErrorKind.Transport, error.Kind);
        Assert.Null(error.StatusCode);
        Assert.Equal("Epgu.Transport", error.ErrorId);
        Assert.Equal("POST", error.Method);
        Assert.Equal(server.BaseUri + "api/gusmev/order", error.Url);
        Assert.Contains("not repeated blindly", error.Message);
    }

    [Fact]
    public async Task Connection_closed_in_the_middle_of_an_answer_is_retried_for_a_safe_request()
    {
        var body = "{\"count\":1,\"totalCount\":1,\"content\":[]}" + new string(' ', 4000);
        await using var server = new LoopbackServer(Reply.Truncated(200, body), Reply.Ok("{\"complete\":true}"));
        using var pipeline = Pipelines.For(server);

        var response = await pipeline.ExecuteAsync(new RestRequest("api/x"), Safe, Ct);

        Assert.Equal("{\"complete\":true}", response.Content);
        Assert.Equal(2, server.Count);
    }

    [Fact]
    public async Task Connection_closed_in_the_middle_of_an_answer_to_an_unsafe_request_is_a_transport_error()
    {
        var body = "{\"orderId\":123456}" + new string(' ', 4000);
        await using var server = new LoopbackServer(Reply.Truncated(200, body), Reply.Ok("{\"orderId\":654321}"));
        using var pipeline = Pipelines.For(server);

        var error = await Assert.ThrowsAsync<GosApiException>(() =>
            pipeline.ExecuteAsync(new RestRequest("api/gusmev/order", Method.Post).AddJsonBody("{}", ContentType.Json), Unsafe, Ct));

        Assert.Equal(GosApiErrorKind.Transport, error.Kind);
        Assert.Equal(1, server.Count);
    }

    [Fact]
    public async Task A_safe_request_that_keeps_failing_reports_how_often_it_was_retried()
    {
        await using var server = new LoopbackServer(Reply.Reset());
        using var pipeline = Pipelines.For(server, Pipelines.FastOptions(maxRetries: 2));

        var error = await Assert.ThrowsAsync<GosApiException>(() => pipeline.ExecuteAsync(new RestRequest("api/x"), Safe, Ct));

        Assert.Equal(3, server.Count);
        Assert.Equal(GosApiErrorKind.Transport, error.Kind);
        Assert.Contains("retried 2 times", error.Message);
    }

    [Theory]
    [InlineData(503)]
    [InlineData(429)]
    public async Task MaxRetries_zero_sends_exactly_once(int status)
    {
        await using var server = new LoopbackServer(Reply.Http(status), Reply.Ok());
        using var pipeline = Pipelines.For(server, Pipelines.FastOptions(maxRetries: 0));

        var error = await Assert.ThrowsAsync<GosApiException>(() => pipeline.ExecuteAsync(new RestRequest("api/x"), Safe, Ct));

        Assert.Equal(1, server.Count);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal(0, pipeline.Statistics.Retries);
    }

    [Fact]
    public async Task MaxRetries_zero_does_not_repeat_after_a_reset()
    {
        await using var server = new LoopbackServer(Reply.Reset(), Reply.Ok());
        using var pipeline = Pipelines.For(server, Pipelines.FastOptions(maxRetries: 0));

        var error = await Assert.ThrowsAsync<GosApiException>(() => pipeline.ExecuteAsync(new RestRequest("api/x"), Safe, Ct));

        Assert.Equal(1, server.Count);
        Assert.Equal(GosApiErrorKind.Transport, error.Kind);
    }

    /// <summary>
    /// One request through a separate, patient pipeline, so that a cold start (JIT of the client and the server)
    /// is not mistaken for the timeout under test.
    /// </summary>
    private static async Task WarmUpAsync(LoopbackServer server)
    {
        using var warm = Pipelines.For(server);
        await warm.ExecuteAsync(new RestRequest("warm-up"), Safe, Ct);
    }

    [Fact]
    public async Task No_answer_within_the_timeout_is_a_Timeout_error()
    {
        await using var server = new LoopbackServer(r => r.Index == 1 ? Reply.Hang() : Reply.Ok());
        await WarmUpAsync(server);
        var options = Pipelines.FastOptions(maxRetries: 0);
        options.Timeout = TimeSpan.FromMilliseconds(400);
        using var pipeline = Pipelines.For(server, options);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<GosApiException>(() => pipeline.ExecuteAsync(new RestRequest("api/x"), Safe, Ct));

        Assert.Equal(GosApiErrorKind.Timeout, error.Kind);
        Assert.Equal("Epgu.Timeout", error.ErrorId);
        Assert.Null(error.StatusCode);
        Assert.Contains("timed out", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"took {clock.Elapsed}");
        await Task.Delay(100, Ct);
        Assert.Equal(2, server.Count); // the warm-up and the one that timed out, not repeated
    }

    [Fact]
    public async Task A_timed_out_safe_request_is_retried()
    {
        await using var server = new LoopbackServer(r => r.Index == 1 ? Reply.Hang() : Reply.Ok("{\"second\":true}"));
        await WarmUpAsync(server);
        var options = Pipelines.FastOptions(maxRetries: 1);
        options.Timeout = TimeSpan.FromMilliseconds(400);
        using var pipeline = Pipelines.For(server, options);

        var response = await pipeline.ExecuteAsync(new RestRequest("api/x"), Safe, Ct);

        Assert.Equal("{\"second\":true}", response.Content);
        Assert.Equal(3, server.Count);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_not_turned_into_a_timeout()
    {
        await using var server = new LoopbackServer(r => r.Index == 1 ? Reply.Hang() : Reply.Ok());
        await WarmUpAsync(server);
        using var pipeline = Pipelines.For(server);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cancel.CancelAfter(300);

        var error = await Record.ExceptionAsync(() => pipeline.ExecuteAsync(new RestRequest("api/x"), Safe, cancel.Token));

        Assert.IsAssignableFrom<OperationCanceledException>(error);
        await Task.Delay(100, Ct);
        Assert.Equal(2, server.Count); // the warm-up and the cancelled one, not repeated
    }

    [Fact]
    public async Task SendAsync_returns_the_last_unsuccessful_answer_without_throwing()
    {
        await using var server = new LoopbackServer(Reply.Http(404, "{\"code\":\"not_found\"}"));
        using var pipeline = Pipelines.For(server);

        var response = await pipeline.SendAsync(new RestRequest("api/x"), Safe, Ct);

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal(1, server.Count);
    }
}
