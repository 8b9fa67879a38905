using GosApi.Crypto.Pki;
using GosApi.Crypto.Tls;
using Xunit;

namespace GosApi.Core.Tests.Crypto.Tls;

/// <summary>The GOST TLS probe against a local openssl s_server that speaks only 0xFF85.</summary>
public sealed class GostTlsProbeTests : IClassFixture<GostTlsServer>
{
    private static readonly Lazy<GostCredential> Stranger = new(() => GostCertificateBuilder.CreateTestCertificateAuthority("Someone Else's Root"));
    private readonly GostTlsServer server;

    public GostTlsProbeTests(GostTlsServer server) => this.server = server;

    private static GostTlsProbe Probe(GostCertificate? root, string? enginePath = null)
    {
        var options = new GostTlsProbeOptions { Timeout = TimeSpan.FromSeconds(10) };
        if (root != null) options.TrustedRoots.Add(root);
        if (enginePath != null) options.EnginePath = enginePath;
        return new GostTlsProbe(options);
    }

    [Fact]
    public async Task Server_with_the_trusted_ca_negotiates_0xFF85_with_a_valid_chain()
    {
        var result = await Probe(server.Ca.Certificate).ProbeAsync(server.Uri, TestContext.Current.CancellationToken);

        Assert.Empty(result.Problems);
        Assert.True(result.Reachable);
        Assert.Equal("TLSv1.2", result.Protocol);
        Assert.Equal("LEGACY-GOST2012-GOST8912-GOST8912", result.CipherSuite);
        Assert.Equal(0xFF85, result.CipherSuiteId);
        Assert.Equal("0xFF85", result.CipherSuiteHex);
        Assert.True(result.IsGostSuite);
        Assert.Equal("localhost", Assert.Single(result.ServerCertificates).SubjectFields["CN"]);
        Assert.True(result.ChainValid);
        Assert.Null(result.ChainError);
        Assert.True(result.Success);
    }

    [Fact]
    public async Task Another_root_gives_an_invalid_chain_and_the_fix_names_the_parameter()
    {
        var result = await Probe(Stranger.Value.Certificate).ProbeAsync(server.Uri, TestContext.Current.CancellationToken);

        Assert.True(result.Reachable);
        Assert.True(result.IsGostSuite);
        Assert.False(result.ChainValid);
        Assert.Contains("GosApi TLS Test Root", result.ChainError);
        var problem = Assert.Single(result.Problems);
        Assert.Contains("-TrustedRootCertificate", problem.Fix);
        Assert.False(result.Success);
    }

    [Fact]
    public async Task Without_roots_the_chain_is_not_checked()
    {
        var result = await Probe(null).ProbeAsync(server.Uri, TestContext.Current.CancellationToken);

        Assert.Empty(result.Problems);
        Assert.Null(result.ChainValid);
        Assert.True(result.Success);
    }

    [Fact]
    public async Task A_port_with_nothing_listening_is_not_reachable()
    {
        var uri = new Uri("https://127.0.0.1:" + GostTlsServer.FreePort() + "/");
        var result = await Probe(server.Ca.Certificate).ProbeAsync(uri, TestContext.Current.CancellationToken);

        Assert.False(result.Reachable);
        Assert.Null(result.CipherSuite);
        Assert.False(result.IsGostSuite);
        Assert.Empty(result.ServerCertificates);
        var problem = Assert.Single(result.Problems);
        Assert.Contains("Cannot connect to 127.0.0.1:" + uri.Port, problem.Problem);
        Assert.Contains("Connection refused", problem.Problem);
        Assert.Contains("firewall", problem.Fix);
    }

    [Fact]
    public async Task A_missing_engine_says_to_install_libengine_gost_openssl()
    {
        var result = await Probe(server.Ca.Certificate, "/nonexistent/engines-3/gost.so").ProbeAsync(server.Uri, TestContext.Current.CancellationToken);

        Assert.False(result.Success);
        var problem = Assert.Single(result.Problems);
        Assert.Contains("/nonexistent/engines-3/gost.so", problem.Problem);
        Assert.Contains("install libengine-gost-openssl (apt-get install libengine-gost-openssl)", problem.Fix);
    }

    [Fact]
    public void A_missing_openssl_says_to_install_it()
    {
        var options = new GostTlsProbeOptions { OpenSslPath = "/nonexistent/bin/openssl" };
        var result = new GostTlsProbe(options).Probe(server.Uri);

        Assert.False(result.Reachable);
        Assert.Contains(result.Problems, p => p.Fix.StartsWith("install openssl", StringComparison.Ordinal));
    }

    [Fact]
    public void Command_offers_only_gost_suites_without_tls13_and_sends_sni_for_names()
    {
        var command = GostTlsProbe.BuildCommand(new Uri("https://lk-api.gost.example.ru/api"));
        Assert.Equal("openssl s_client -connect lk-api.gost.example.ru:443 -servername lk-api.gost.example.ru -cipher "
            + "LEGACY-GOST2012-GOST8912-GOST8912:IANA-GOST2012-GOST8912-GOST8912:GOST2012-KUZNYECHIK-KUZNYECHIKOMAC:GOST2012-MAGMA-MAGMAOMAC -no_tls1_3 -showcerts", command.Display);
        Assert.DoesNotContain("-servername", GostTlsProbe.BuildCommand(new Uri("https://10.0.0.1:8443/")).Display);
        Assert.Equal(0xC100, GostTlsProbe.SuiteId("GOST2012-KUZNYECHIK-KUZNYECHIKOMAC"));
        Assert.Null(GostTlsProbe.SuiteId("ECDHE-RSA-AES128-GCM-SHA256"));
    }
}
