using System.Net;
using System.Net.Sockets;
using System.Text;
using GosApi.Errors;
using GosApi.FnsMobileSign;
using GosApi.FnsMobileSign.Models;
using GosApi.Validation;
using Xunit;
using static GosApi.Core.Tests.FnsMobileSign.FnsTestData;

namespace GosApi.Core.Tests.FnsMobileSign;

/// <summary>The callback receiver on a real local HTTP prefix.</summary>
public class CallbackListenerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private static async Task<HttpStatusCode> PostAsync(HttpClient http, string url, string body)
    {
        using var response = await http.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"), Ct);
        return response.StatusCode;
    }

    [Fact]
    public async Task A_posted_callback_is_answered_200_and_handed_over()
    {
        var prefix = $"http://127.0.0.1:{FreePort()}/cb/";
        using var listener = new FnsCallbackListener(prefix);
        Assert.Equal(prefix, listener.Prefix);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cts.CancelAfter(TimeSpan.FromSeconds(10));

        var receiving = listener.ReceiveAsync(cts.Token);
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(http, prefix, "not a callback"));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(http, prefix, "{\"hello\":\"world\"}"));
        using (var get = await http.GetAsync(prefix, Ct)) Assert.Equal(HttpStatusCode.BadRequest, get.StatusCode);
        Assert.False(receiving.IsCompleted);
        Assert.Equal(HttpStatusCode.OK, await PostAsync(http, prefix, Callbacks[3]));

        var workflow = await receiving;
        Assert.NotNull(workflow);
        Assert.Equal(10912, workflow!.Id);
        Assert.Equal(FnsWorkflowState.Complete, workflow.State);
        Assert.Equal(FnsWorkflowType.DocumentSigning, workflow.Type);
        Assert.Equal(10913, workflow.ChildId);

        // the next one, on the same listener
        var next = listener.ReceiveAsync(cts.Token);
        Assert.Equal(HttpStatusCode.OK, await PostAsync(http, prefix + "sub/path", Callbacks[6]));
        Assert.Equal("Не пройдены проверки: Валидация ФИО-СНИЛС", (await next)!.ErrorMessage);
    }

    [Fact]
    public async Task Receiving_ends_with_null_when_cancelled()
    {
        var prefix = $"http://127.0.0.1:{FreePort()}/cb/";
        using var listener = new FnsCallbackListener(prefix);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.Null(await listener.ReceiveAsync(cts.Token));
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData("https://127.0.0.1:8085/cb/")]
    [InlineData("http://127.0.0.1:8085/cb")]
    [InlineData("127.0.0.1:8085/cb/")]
    public void The_prefix_must_be_http_and_end_with_a_slash(string prefix)
    {
        var ex = Assert.Throws<InputValidationException>(() => new FnsCallbackListener(prefix));
        Assert.Contains("Prefix", ex.Message);
    }

    [Fact]
    public void A_busy_port_is_a_transport_error()
    {
        var prefix = $"http://127.0.0.1:{FreePort()}/cb/";
        using var first = new FnsCallbackListener(prefix);
        var ex = Assert.Throws<GosApiException>(() => new FnsCallbackListener(prefix));
        Assert.Equal(GosApiErrorKind.Transport, ex.Kind);
        Assert.Contains(prefix, ex.Message);
    }
}
