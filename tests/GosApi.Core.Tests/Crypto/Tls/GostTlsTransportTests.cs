using System.Net.Security;
using GosApi.Crypto.Pki;
using GosApi.Crypto.Tls;
using Xunit;

namespace GosApi.Core.Tests.Crypto.Tls;

/// <summary>
/// In-process GOST TLS: .NET's own OpenSSL with the gost engine loaded (this test host is a net10.0 process on Linux)
/// against "only one GOST suite" openssl s_server endpoints, an ordinary RSA TLS server and plain HTTP.
/// </summary>
public sealed class GostTlsTransportTests : IClassFixture<GostTlsTransportTests.Servers>
{
    private readonly Servers servers;

    public GostTlsTransportTests(Servers servers) => this.servers = servers;

    /// <summary>One 0xFF85-only and one 0xC100-only server from the same test root, shared by the tests.</summary>
    public sealed class Servers : IDisposable
    {
        public GostTlsServer Legacy { get; } = new();
        public GostTlsServer Kuznyechik { get; }

        public Servers() => Kuznyechik = GostTlsServer.Accepting("GOST2012-KUZNYECHIK-KUZNYECHIKOMAC", Legacy.Ca);

        public void Dispose()
        {
            Legacy.Dispose();
            Kuznyechik.Dispose();
        }
    }

    private static GostTlsTransport Transport(params GostCertificate[] roots)
    {
        var options = new GostTlsTransportOptions();
        foreach (var root in roots) options.TrustedRoots.Add(root);
        return GostTlsTransport.Create(options);
    }

    private static async Task<string> Get(GostTlsTransport transport, Uri uri)
    {
        using var client = new HttpClient(transport.Handler, disposeHandler: false);
        return await client.GetStringAsync(uri, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Only_0xFF85_server_answers_in_process_when_its_chain_leads_to_the_given_root()
    {
        using var transport = Transport(servers.Legacy.Ca.Certificate);
        Assert.StartsWith("OpenSSL with the gost engine", transport.Description);
        var page = await Get(transport, servers.Legacy.Uri);
        // s_server -www describes the session it served.
        Assert.Contains("LEGACY-GOST2012-GOST8912-GOST8912", page);
        Assert.Contains("TLSv1.2", page);
    }

    [Fact]
    public async Task Rfc9189_suite_0xC100_is_offered_too()
    {
        using var transport = Transport(servers.Kuznyechik.Ca.Certificate);
        Assert.Contains("GOST2012-KUZNYECHIK-KUZNYECHIKOMAC", await Get(transport, servers.Kuznyechik.Uri));
    }

    [Fact]
    public async Task Certificate_from_another_ca_is_a_clear_trust_error()
    {
        using var transport = Transport(GostCertificateBuilder.CreateTestCertificateAuthority("Some Other Root").Certificate);
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => Get(transport, servers.Legacy.Uri));
        Assert.Contains("is not trusted", error.Message);
        Assert.Contains("CN=localhost", error.Message);
        Assert.Contains("-TrustedRootCertificate", error.Message);
        Assert.Null(error.InnerException);
    }

    [Fact]
    public async Task No_root_given_refuses_the_gost_server_and_says_which_parameter_is_missing()
    {
        using var transport = Transport();
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => Get(transport, servers.Legacy.Uri));
        Assert.Contains("no trusted GOST root was given", error.Message);
        Assert.Contains("-TrustedRootCertificate", error.Message);
    }

    [Fact]
    public async Task Host_name_not_in_the_certificate_is_refused()
    {
        using var transport = Transport(servers.Legacy.Ca.Certificate);
        var byAddress = new Uri("https://127.0.0.1:" + servers.Legacy.Port + "/");
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => Get(transport, byAddress));
        Assert.Contains("is for localhost, not for 127.0.0.1", error.Message);
    }

    [Fact]
    public async Task Expired_chain_is_refused()
    {
        var options = new GostTlsTransportOptions { Clock = () => DateTimeOffset.UtcNow.AddYears(30) };
        options.TrustedRoots.Add(servers.Legacy.Ca.Certificate);
        using var transport = GostTlsTransport.Create(options);
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => Get(transport, servers.Legacy.Uri));
        Assert.Contains("expired", error.Message);
    }

    [Fact]
    public async Task Ordinary_tls_server_still_negotiates_and_is_judged_by_the_system_trust_store()
    {
        using var rsa = new RsaTlsServer();
        using var transport = Transport(servers.Legacy.Ca.Certificate);
        // The handshake completes with an ordinary suite; the self-signed RSA certificate is not trusted by this system.
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => Get(transport, rsa.Uri));
        Assert.Contains("is not a GOST certificate and this system does not trust it", error.Message);

        // With the gost engine loaded into the process, ordinary TLS elsewhere is untouched.
        GostEngine.EnsureLoaded();
        using var plain = new SocketsHttpHandler();
        plain.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == rsa.Certificate.GetCertHashString();
        using var client = new HttpClient(plain);
        Assert.Equal("rsa-ok", await client.GetStringAsync(rsa.Uri, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Plain_http_goes_through_the_same_handler()
    {
        using var backend = new EchoHostBackend();
        using var transport = Transport(servers.Legacy.Ca.Certificate);
        Assert.Equal("host=127.0.0.1:" + backend.Port, await Get(transport, new Uri("http://127.0.0.1:" + backend.Port + "/")));
    }

    [Fact]
    public void Engine_loads_once_whoever_asks_and_however_many_at_once()
    {
        var results = new string[16];
        Parallel.For(0, results.Length, i => results[i] = GostEngine.EnsureLoaded());
        Assert.All(results, r => Assert.Equal(results[0], r));
        Assert.Equal(results[0], GostEngine.LoadedFrom);
        Assert.Equal(results[0], GostEngine.EnsureLoaded());
    }

    [Fact]
    public void Missing_engine_library_names_the_package_to_install_before_any_connection()
    {
        var options = new GostTlsTransportOptions { EnginePath = "/nonexistent/engines-3/gost.so" };
        var error = Assert.Throws<GostTlsUnavailableException>(() => GostTlsTransport.Create(options));
        Assert.Contains("apt-get install libengine-gost-openssl", error.Message);
        Assert.Contains("/nonexistent/engines-3/gost.so", error.Message);
        Assert.Contains(error.Problems, p => p.Fix.Contains("Start-GostTlsTunnel"));
    }
}
