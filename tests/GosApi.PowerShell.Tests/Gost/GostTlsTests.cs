using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using GosApi.PowerShell.Tests.Infrastructure;

namespace GosApi.PowerShell.Tests.Gost;

/// <summary>Test-GostTlsConnection in the hosted module against a local openssl s_server that speaks only 0xFF85.</summary>
public sealed class GostTlsTests : IDisposable
{
    private readonly ModuleHost engine = new();
    private readonly TestFiles files = new();
    private Process? server;

    public void Dispose()
    {
        try
        {
            if (server != null && !server.HasExited)
            {
                server.Kill(true);
                server.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }
        server?.Dispose();
        engine.Dispose();
        files.Dispose();
    }

    private HostedResult Run(string script) => engine.Invoke("Set-Location $dir\n" + script, new Dictionary<string, object> { ["dir"] = files.Root });

    [Fact]
    public void Reports_the_gost_suite_and_a_valid_chain_and_names_the_fix_for_a_foreign_root()
    {
        Run(@"
            $ca = New-GostSelfSignedCertificate -CommonName 'GosApi TLS Test CA' -CertificateAuthority -ParameterSet Tc26256A
            $srv = New-GostSelfSignedCertificate -CommonName 'localhost' -Issuer $ca -ParameterSet Tc26256A
            $ca.Certificate.ToPem() | Set-Content ca.pem
            $srv.Certificate.ToPem() | Set-Content srv.pem
            $srv.PrivateKey.ExportUnencryptedPkcs8Pem() | Set-Content srv.key").AssertSuccess();
        var port = StartServer();

        var result = Run($@"
            $ok = Test-GostTlsConnection -Uri https://localhost:{port}/ -TrustedRootCertificate ca.pem
            $ok.Reachable; $ok.CipherSuiteHex; $ok.IsGostSuite; $ok.ChainValid; $ok.Problems.Count
            $other = New-GostSelfSignedCertificate -CommonName 'Someone Else' -CertificateAuthority
            $bad = Test-GostTlsConnection https://localhost:{port}/ -TrustedRootCertificate $other -TimeoutSec 10
            $bad.ChainValid; $bad.Problems[0].Fix").AssertSuccess();

        Assert.Equal(new object?[] { true, "0xFF85", true, true, 0, false }, result.Output.Take(6).Select(o => o.BaseObject).ToArray());
        Assert.Contains("-TrustedRootCertificate", result.Output[6].ToString());
    }

    private int StartServer()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var start = new ProcessStartInfo("openssl") { UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = files.Root };
        foreach (var argument in new[] { "s_server", "-accept", "127.0.0.1:" + port, "-cert", "srv.pem", "-key", "srv.key", "-cipher", "LEGACY-GOST2012-GOST8912-GOST8912", "-no_tls1_3", "-www" })
        {
            start.ArgumentList.Add(argument);
        }
        var gost = new[] { "/usr/lib/x86_64-linux-gnu/engines-3/gost.so", "/usr/lib/aarch64-linux-gnu/engines-3/gost.so" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("openssl's gost engine is missing: apt-get install libengine-gost-openssl");
        var config = Path.Combine(files.Root, "openssl-gost.cnf");
        File.WriteAllText(config, $"openssl_conf = oc\n[oc]\nengines = es\n[es]\ngost = gs\n[gs]\nengine_id = gost\ndynamic_path = {gost}\ndefault_algorithms = ALL\n");
        start.Environment["OPENSSL_CONF"] = config;
        server = Process.Start(start)!;
        var error = server.StandardError.ReadToEndAsync();
        var ready = Task.Run(() =>
        {
            string? line;
            while ((line = server.StandardOutput.ReadLine()) != null)
            {
                if (line.StartsWith("ACCEPT", StringComparison.Ordinal)) return true;
            }
            return false;
        });
        Assert.True(ready.Wait(TimeSpan.FromSeconds(10)) && ready.Result, "openssl s_server did not start: " + (error.Wait(2000) ? error.Result : ""));
        _ = server.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        return port;
    }
}
