using GosApi.Crypto.Pki;
using GosApi.Crypto.Tls;
using Xunit;

namespace GosApi.Core.Tests.Crypto.Tls;

/// <summary>Start-GostTlsTunnel's core: stunnel (client) in front of an "only 0xFF85" stunnel server.</summary>
public sealed class GostTlsTunnelTests : IDisposable
{
    private readonly EchoHostBackend backend = new();
    private readonly GostStunnelServer server;
    private readonly GostCredential ca = GostCertificateBuilder.CreateTestCertificateAuthority("GosApi Tunnel Test Root");

    public GostTlsTunnelTests()
    {
        var certificate = new GostCertificateBuilder { Subject = new GostSubject { CommonName = "localhost" }, ParameterSet = GostParameterSet.Tc26256A }.Issue(ca);
        server = new GostStunnelServer(backend.Port, certificate.Certificate.ToPem(), certificate.PrivateKey.ExportUnencryptedPkcs8Pem());
    }

    public void Dispose()
    {
        server.Dispose();
        backend.Dispose();
    }

    private GostTlsTunnelOptions Options(GostCertificate root)
    {
        var options = new GostTlsTunnelOptions { RemoteUri = server.Uri };
        options.TrustedRoots.Add(root);
        return options;
    }

    [Fact]
    public async Task Tunnel_carries_plain_http_over_gost_tls_with_the_remote_host_header_and_stops()
    {
        int pid;
        using (var tunnel = await GostTlsTunnel.StartAsync(Options(ca.Certificate), TestContext.Current.CancellationToken))
        {
            Assert.True(tunnel.IsRunning);
            Assert.Equal("127.0.0.1", tunnel.LocalUri.Host);
            Assert.Equal(server.Uri, tunnel.RemoteUri);
            Assert.Contains("verifyChain = yes", File.ReadAllText(tunnel.ConfigPath));
            pid = tunnel.ProcessId;
            using var client = new HttpClient(tunnel.CreateHttpHandler(), disposeHandler: false);
            var body = await client.GetStringAsync(new Uri(tunnel.LocalUri, "api/ping"), TestContext.Current.CancellationToken);
            Assert.Equal("host=localhost:" + server.Port, body);
            Assert.Equal(1, backend.Requests);
            tunnel.Stop();
            Assert.False(tunnel.IsRunning);
            Assert.False(File.Exists(tunnel.ConfigPath));
        }
        Assert.Throws<ArgumentException>(() => System.Diagnostics.Process.GetProcessById(pid));
    }

    [Fact]
    public async Task Server_certificate_from_another_ca_fails_the_request_with_stunnels_trust_error()
    {
        var other = GostCertificateBuilder.CreateTestCertificateAuthority("Some Other Root");
        using var tunnel = await GostTlsTunnel.StartAsync(Options(other.Certificate), TestContext.Current.CancellationToken);
        using var client = new HttpClient(tunnel.CreateHttpHandler(), disposeHandler: false);
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetStringAsync(tunnel.LocalUri, TestContext.Current.CancellationToken));
        Assert.Contains("certificate verify failed", error.Message);
        Assert.Contains("-TrustedRootCertificate", error.Message);
        Assert.Equal(0, backend.Requests);
        Assert.Contains(tunnel.Problems, p => p.Contains("certificate verify failed"));
    }

    [Fact]
    public async Task Missing_stunnel_or_root_is_refused_with_the_fix()
    {
        var options = Options(ca.Certificate);
        options.StunnelPath = "/nonexistent/stunnel4";
        var error = await Assert.ThrowsAsync<GostTlsTunnelException>(() => GostTlsTunnel.StartAsync(options, TestContext.Current.CancellationToken));
        Assert.Contains(error.Problems, p => p.Contains("install stunnel4 (apt-get install stunnel4)"));

        var noRoot = new GostTlsTunnelOptions { RemoteUri = server.Uri };
        error = await Assert.ThrowsAsync<GostTlsTunnelException>(() => GostTlsTunnel.StartAsync(noRoot, TestContext.Current.CancellationToken));
        Assert.Contains(error.Problems, p => p.Contains("-TrustedRootCertificate"));

        var noEngine = Options(ca.Certificate);
        noEngine.EnginePath = "/nonexistent/engines-3/gost.so";
        error = await Assert.ThrowsAsync<GostTlsTunnelException>(() => GostTlsTunnel.StartAsync(noEngine, TestContext.Current.CancellationToken));
        Assert.Contains(error.Problems, p => p.Contains("install libengine-gost-openssl"));
    }
}
