using GosApi.PowerShell.Tests.Infrastructure;
using GosApi.Sandbox;
using static GosApi.PowerShell.Tests.Epgu.EpguScripts;

namespace GosApi.PowerShell.Tests.Epgu;

/// <summary>Every fault the sandbox injects ends with the upload done or a clear error that names the order.</summary>
public sealed class EpguFaultTests : IClassFixture<SandboxFixture>, IDisposable
{
    private readonly SandboxFixture fx;
    private readonly TestFiles files = new();

    public EpguFaultTests(SandboxFixture fx)
    {
        this.fx = fx;
        fx.Sandbox.Faults.Clear();
        fx.Connect();
        fx.Sandbox.ClearRequests();
    }

    public void Dispose()
    {
        fx.Sandbox.Faults.Clear();
        files.Dispose();
    }

    /// <summary>Default size: an archive just under 3 MiB, so exactly three 1 MiB chunks.</summary>
    private HostedResult SendChunked(long bytes = 3 * 1024 * 1024 - 4096, string sendArgs = "") => fx.Engine.Invoke(Helpers + $@"
        $order = New-EpguOrder -ServiceCode $service -TargetCode $target -Region $region
        $order
        $zip = New-TestPackage -OrderId $order.OrderId -Bytes {bytes} -Dir $dir
        $order | Send-EpguPackage -Path $zip -Chunked -ChunkSize 1MB {sendArgs}",
        new Dictionary<string, object> { ["dir"] = files.Root, ["service"] = Service, ["target"] = Target, ["region"] = Region });

    private void Fault(FaultKind kind, string path, int count = 1, int skip = 0, int status = 503, int retryAfter = 1) =>
        fx.Sandbox.Faults.Add(new FaultRule { Kind = kind, PathPrefix = path, Count = count, SkipFirst = skip, StatusCode = status, RetryAfterSeconds = retryAfter });

    [Theory]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public void Transient_gateway_errors_on_chunks_are_retried_without_restarting_the_upload(int status)
    {
        Fault(FaultKind.Status, "/api/gusmev/push/chunked", count: 2, skip: 1, status: status);
        var upload = SendChunked().AssertSuccess().Single(UploadTypeName);
        Assert.True(upload.Get<long>("Retries") >= 2);
        var chunks = fx.Sandbox.Requests.Where(r => r.Path == "/api/gusmev/push/chunked").ToList();
        Assert.Equal(2, chunks.Count(c => c.StatusCode == status));
        // Chunk 0 was accepted once and never sent again: 3 chunks + 2 retries.
        Assert.Equal(5, chunks.Count);
    }

    [Fact]
    public void Too_many_requests_honours_retry_after_even_for_order_creation()
    {
        Fault(FaultKind.TooManyRequests, "/api/gusmev/order", count: 1, retryAfter: 1);
        var started = DateTime.UtcNow;
        var result = SendChunked(1024);
        result.AssertSuccess();
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(0.9), "the client waited for Retry-After");
        Assert.Equal(new[] { 429, 200 }, fx.Sandbox.Requests.Where(r => r.Path == "/api/gusmev/order").Select(r => r.StatusCode).ToArray());
    }

    [Fact]
    public void Connection_reset_in_the_middle_of_a_chunk_is_retried()
    {
        Fault(FaultKind.ResetConnection, "/api/gusmev/push/chunked", count: 1, skip: 1);
        var upload = SendChunked().AssertSuccess().Single(UploadTypeName);
        Assert.True(upload.Get<long>("Retries") >= 1);
        Assert.Equal(200, fx.Sandbox.Requests.Last(r => r.Path == "/api/gusmev/push/chunked").StatusCode);
    }

    [Fact]
    public void Order_creation_is_not_repeated_blindly_after_a_503()
    {
        Fault(FaultKind.Status, "/api/gusmev/order", count: 1, status: 503);
        var result = SendChunked(1024);

        var error = Assert.Single(result.Errors);
        Assert.Equal("Epgu.503,GosApi.PowerShell.Epgu.NewEpguOrderCommand", error.FullyQualifiedErrorId);
        Assert.Equal(System.Management.Automation.ErrorCategory.ResourceUnavailable, error.CategoryInfo.Category);
        Assert.Single(fx.Sandbox.Requests, r => r.Path == "/api/gusmev/order");
    }

    [Fact]
    public void A_chunk_failing_beyond_the_retries_gives_an_error_naming_the_order()
    {
        Fault(FaultKind.Status, "/api/gusmev/push/chunked", count: 100, skip: 1, status: 503);
        var result = SendChunked(sendArgs: "");

        var order = result.Single(OrderTypeName);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("Epgu.503,", error.FullyQualifiedErrorId);
        Assert.Contains("order " + order.Get<long>("OrderId"), error.ToString());
        Assert.Contains("send it again into the same order (Send-EpguPackage -OrderId " + order.Get<long>("OrderId") + ")", error.ErrorDetails?.RecommendedAction);
    }

    [Fact]
    public void Expired_token_is_renewed_once_through_the_token_provider()
    {
        var calls = new List<string>();
        fx.Engine.Invoke("$global:tokenCalls = 0; Connect-Epgu -BaseUri $baseUri -RetryDelay 00:00:00.05 -TokenProvider { $global:tokenCalls++; $issue.Invoke() } | Out-Null",
            new Dictionary<string, object> { ["baseUri"] = fx.Sandbox.BaseUri, ["issue"] = new Func<string>(() => fx.NewToken()) }).AssertSuccess();
        Fault(FaultKind.ExpireToken, "/api/gusmev/push/chunked", count: 1, skip: 1);

        var result = SendChunked();
        result.AssertSuccess();
        var tokenCalls = fx.Engine.Invoke("$global:tokenCalls").Output.Single().BaseObject;
        Assert.Equal(2, Convert.ToInt32(tokenCalls));
        Assert.Contains(fx.Sandbox.Requests, r => r.StatusCode == 401);
    }

    [Fact]
    public void Token_provider_may_return_the_token_endpoint_answer_as_an_object()
    {
        fx.Engine.Invoke("Connect-Epgu -BaseUri $baseUri -TokenProvider { Invoke-RestMethod -Method Post -Uri \"$($baseUri)sandbox/token\" -ContentType application/json -Body '{}' } | Out-Null",
            new Dictionary<string, object> { ["baseUri"] = fx.Sandbox.BaseUri }).AssertSuccess();
        SendChunked(1024).AssertSuccess();
    }

    [Fact]
    public void Expired_static_token_fails_with_an_authentication_error_naming_the_order()
    {
        Fault(FaultKind.ExpireToken, "/api/gusmev/push/chunked", count: 1, skip: 1);
        var result = SendChunked();

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("Epgu.401,", error.FullyQualifiedErrorId);
        Assert.Equal(System.Management.Automation.ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.Contains("order " + result.Single(OrderTypeName).Get<long>("OrderId"), error.ToString());
    }

    [Fact]
    public void Client_side_rate_limit_spreads_requests_instead_of_failing()
    {
        fx.Connect("-RequestsPerMinute 60");
        try
        {
            var started = DateTime.UtcNow;
            fx.Engine.Invoke("1..8 | ForEach-Object { Get-EpguOrderStatus -OrderId $_ }").AssertSuccess();
            // 60/min in 12 segments of 5 s: 5 permits per segment, the rest wait for the next segment.
            Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(2), "requests beyond the limit were delayed");
            Assert.DoesNotContain(fx.Sandbox.Requests, r => r.StatusCode == 429);
        }
        finally
        {
            fx.Connect();
        }
    }
}
