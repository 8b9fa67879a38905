using GosApi.Core.Tests.Crypto.Tls;
using GosApi.Errors;
using GosApi.Http;
using RestSharp;
using Xunit;

namespace GosApi.Core.Tests.Http;

/// <summary>A refused TLS handshake is final: the pipeline does not retry it, and says what to fix.</summary>
public sealed class ApiPipelineTlsTests
{
    [Fact]
    public async Task An_untrusted_server_certificate_is_not_retried()
    {
        using var server = new RsaTlsServer(); // self-signed: .NET refuses it
        using var pipeline = new ApiPipeline(GosApiService.Epgu, server.Uri, Pipelines.FastOptions(maxRetries: 3), null, new GosApi.Epgu.EpguErrorTranslator());

        var error = await Assert.ThrowsAsync<GosApiException>(() =>
            pipeline.ExecuteAsync(new RestRequest("api/x"), new RequestTraits { Authenticated = false, SafeToRetry = true }, TestContext.Current.CancellationToken));

        Assert.Equal(GosApiErrorKind.Transport, error.Kind);
        Assert.Contains("TLS handshake was refused", error.Hint);
        Assert.Equal(1, server.Connections);
        Assert.Equal(0, pipeline.Statistics.Retries);
    }
}
