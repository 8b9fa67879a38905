using System.Management.Automation;
using GosApi.Core.Tests.Crypto.Tls;
using GosApi.PowerShell.Tests.Epgu;
using GosApi.PowerShell.Tests.Infrastructure;

namespace GosApi.PowerShell.Tests.Gost;

/// <summary>Start-/Stop-GostTlsTunnel and Connect-Epgu -GostTlsTunnel against an "only 0xFF85" stunnel server in front of the sandbox.</summary>
public sealed class GostTlsTunnelTests : IClassFixture<SandboxFixture>, IDisposable
{
    private readonly SandboxFixture fx;
    private readonly GostStunnelServer server;
    private readonly TestFiles files = new();

    public GostTlsTunnelTests(SandboxFixture fx)
    {
        this.fx = fx;
        var pems = fx.Engine.Invoke(@"
            $global:tunnelCa = New-GostSelfSignedCertificate -CommonName 'GosApi Tunnel Test CA' -CertificateAuthority -ParameterSet Tc26256A
            $srv = New-GostSelfSignedCertificate -CommonName 'localhost' -Issuer $tunnelCa -ParameterSet Tc26256A
            $srv.Certificate.ToPem(); $srv.PrivateKey.ExportUnencryptedPkcs8Pem(); $tunnelCa.Certificate.ToPem()
            $other = New-GostSelfSignedCertificate -CommonName 'Some Other Root' -CertificateAuthority
            $other.Certificate.ToPem()").AssertSuccess().Output.Select(o => o.ToString()).ToList();
        caPem = pems[2];
        otherPem = pems[3];
        server = new GostStunnelServer(fx.Sandbox.BaseUri.Port, pems[0], pems[1]);
    }

    private readonly string caPem;
    private readonly string otherPem;

    public void Dispose()
    {
        fx.Engine.Invoke("Get-Variable -Name tunnel -ValueOnly -ErrorAction Ignore | Stop-GostTlsTunnel");
        server.Dispose();
        files.Dispose();
    }

    private Dictionary<string, object> Variables(string rootPem) => new()
    {
        ["uri"] = server.Uri, ["root"] = WriteRoot(rootPem), ["token"] = fx.NewToken(),
        ["service"] = EpguScripts.Service, ["target"] = EpguScripts.Target, ["region"] = EpguScripts.Region,
    };

    private string WriteRoot(string pem)
    {
        var path = Path.Combine(files.Root, "root-" + Guid.NewGuid().ToString("N") + ".pem");
        File.WriteAllText(path, pem);
        return path;
    }

    [Fact]
    public void Epgu_calls_go_through_the_tunnel_with_the_remote_host_header()
    {
        var result = fx.Engine.Invoke(@"
            $global:tunnel = Start-GostTlsTunnel -Uri $uri -TrustedRootCertificate $root
            $session = Connect-Epgu -GostTlsTunnel $tunnel -AccessToken (ConvertTo-SecureString $token -AsPlainText -Force) -MaxRetries 0
            $order = New-EpguOrder -ServiceCode $service -TargetCode $target -Region $region
            [pscustomobject]@{ Tunnel = $tunnel; Session = $session; Order = $order; Running = $tunnel.IsRunning }
            $tunnel | Stop-GostTlsTunnel
            $tunnel.IsRunning
        ", Variables(caPem)).AssertSuccess();

        var info = result.Output[0];
        var tunnelLocal = (Uri)((PSObject)info.Properties["Tunnel"].Value).Properties["LocalUri"].Value;
        Assert.True(info.Get<bool>("Running"));
        Assert.Equal("127.0.0.1", tunnelLocal.Host);
        Assert.NotNull(info.Get<object>("Order"));
        Assert.False((bool)result.Output[1].BaseObject);
        var created = fx.Sandbox.Requests.Where(r => r.Method == "POST" && r.Headers.TryGetValue("Host", out var host) && host == "localhost:" + server.Port).ToList();
        Assert.NotEmpty(created);
    }

    [Fact]
    public void A_server_certificate_from_another_ca_fails_with_stunnels_trust_error()
    {
        var result = fx.Engine.Invoke(@"
            $global:tunnel = Start-GostTlsTunnel -Uri $uri -TrustedRootCertificate $root
            Connect-Epgu -GostTlsTunnel $tunnel -AccessToken (ConvertTo-SecureString $token -AsPlainText -Force) -MaxRetries 0 | Out-Null
            try { New-EpguOrder -ServiceCode $service -TargetCode $target -Region $region -ErrorAction Stop } catch { $_.Exception.Message }
        ", Variables(otherPem));

        var message = string.Join("\n", result.Output.Select(o => o.ToString()));
        Assert.Contains("certificate verify failed", message);
        Assert.Contains("-TrustedRootCertificate", message);
    }

    [Fact]
    public void A_missing_stunnel_names_the_package_to_install()
    {
        var result = fx.Engine.Invoke(
            "try { Start-GostTlsTunnel -Uri $uri -TrustedRootCertificate $root -StunnelPath /nonexistent/stunnel4 -ErrorAction Stop } catch { $_.Exception.Message }",
            Variables(caPem));
        Assert.Contains("install stunnel4 (apt-get install stunnel4)", string.Join("\n", result.Output.Select(o => o.ToString())));
    }
}
