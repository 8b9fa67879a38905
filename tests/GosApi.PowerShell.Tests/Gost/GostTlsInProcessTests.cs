using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using GosApi.Core.Tests.Crypto.Tls;
using GosApi.PowerShell.Tests.Epgu;
using GosApi.PowerShell.Tests.Infrastructure;

namespace GosApi.PowerShell.Tests.Gost;

/// <summary>
/// Connect-Epgu over GOST TLS in this (net10.0) process — .NET's OpenSSL with the gost engine — and through
/// Start-GostTlsTunnel, against an "only 0xFF85" stunnel server in front of the sandbox: the whole EPGU flow, the ESIA
/// token by API key, trust errors, ordinary endpoints, a missing engine, and the tunnel's lifetime.
/// </summary>
public sealed class GostTlsInProcessTests : IClassFixture<SandboxFixture>, IDisposable
{
    private readonly SandboxFixture fx;
    private readonly GostStunnelServer server;
    private readonly TestFiles files = new();
    private readonly string caPem;
    private readonly string otherPem;

    public GostTlsInProcessTests(SandboxFixture fx)
    {
        this.fx = fx;
        var pems = fx.Engine.Invoke(@"
            $ca = New-GostSelfSignedCertificate -CommonName 'GosApi In-Process TLS Test CA' -CertificateAuthority -ParameterSet Tc26256A
            $srv = New-GostSelfSignedCertificate -CommonName 'localhost' -Issuer $ca -ParameterSet Tc26256A
            $srv.Certificate.ToPem(); $srv.PrivateKey.ExportUnencryptedPkcs8Pem(); $ca.Certificate.ToPem()
            (New-GostSelfSignedCertificate -CommonName 'Some Other Root' -CertificateAuthority).Certificate.ToPem()").AssertSuccess().Output.Select(o => o.ToString()).ToList();
        caPem = pems[2];
        otherPem = pems[3];
        server = new GostStunnelServer(fx.Sandbox.BaseUri.Port, pems[0], pems[1]);
    }

    public void Dispose()
    {
        fx.Engine.Invoke("Get-Variable -Name tunnel -ValueOnly -ErrorAction Ignore | Stop-GostTlsTunnel; Remove-Item Env:GOSAPI_GOST_ENGINE_PATH -ErrorAction Ignore");
        server.Dispose();
        files.Dispose();
    }

    private string GostHost => "localhost:" + server.Port;

    private string Write(string name, string text)
    {
        var path = Path.Combine(files.Root, name);
        File.WriteAllText(path, text);
        return path;
    }

    private Dictionary<string, object> Variables(string rootPem)
    {
        var key = fx.Sandbox.RegisterApiKey();
        var org = fx.Sandbox.IssueTestCertificate(new GosApi.Sandbox.Esia.TestCertificateRequest { CommonName = "ООО Ромашка", Password = "Pfx-Secret-7" });
        File.WriteAllBytes(Path.Combine(files.Root, "org.pfx"), org.Pkcs12!);
        return new Dictionary<string, object>
        {
            ["uri"] = server.Uri, ["root"] = Write("root-" + Guid.NewGuid().ToString("N") + ".pem", rootPem), ["token"] = fx.NewToken(),
            ["apiKey"] = key.ApiKey, ["pfx"] = Path.Combine(files.Root, "org.pfx"), ["dir"] = files.Root,
            ["service"] = EpguScripts.Service, ["target"] = EpguScripts.Target, ["region"] = EpguScripts.Region,
            ["attachment"] = files.Attachment(6 * 1024 * 1024),
        };
    }

    /// <summary>Order → package → chunked send → wait → result files, on the default session; outputs the saved files.</summary>
    private const string Flow = @"
        $org = Import-GostCertificate $pfx -Password (ConvertTo-SecureString 'Pfx-Secret-7' -AsPlainText -Force)
        $order = New-EpguOrder -ServiceCode $service -TargetCode $target -Region $region
        $xml = Join-Path $dir 'req.xml'
        Set-Content -Path $xml -Value ""<Request><OrderId>$($order.OrderId)</OrderId></Request>"" -Encoding utf8
        $package = New-EpguPackage -Path $xml, $attachment -Destination (Join-Path $dir 'order.zip') -Force
        $order | Send-EpguPackage -Path $package.Path -Chunked -ThrottleLimit 2 |
            Wait-EpguOrder -Timeout 120 -PollIntervalSec 0.2 -MaxPollIntervalSec 0.5 |
            Save-EpguOrderFile -Destination (Join-Path $dir ('out-' + [guid]::NewGuid()))
        (Get-EpguOrderStatus -OrderId $order.OrderId).StatusId
    ";

    private void AssertWholeFlowWentThrough(HostedResult result, int requestsBefore)
    {
        var saved = result.Output.OfType("GosApi.Epgu.Models.EpguSavedFile");
        Assert.NotEmpty(saved);
        Assert.All(saved, f => Assert.True(new FileInfo(f.Get<string>("Path")).Length == f.Get<long>("Length") && f.Get<long>("Length") > 0));
        var requests = fx.Sandbox.Requests.Skip(requestsBefore).ToList();
        // Every request of the flow reached the sandbox through the only-0xFF85 endpoint, the ESIA token request included.
        Assert.All(requests, r => Assert.Equal(GostHost, r.Headers["Host"]));
        Assert.Contains(requests, r => r.Path.StartsWith("/esia-rs/", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Path == "/api/gusmev/push/chunked" && r.StatusCode == 200);
        Assert.Contains(requests, r => r.Method == "GET" && r.Path.Contains("/download"));
    }

    [Fact]
    public void Whole_flow_runs_in_process_over_gost_tls_with_the_esia_token_by_api_key()
    {
        var before = fx.Sandbox.Requests.Count;
        var result = fx.Engine.Invoke(@"
            $signer = Import-GostCertificate $pfx -Password (ConvertTo-SecureString 'Pfx-Secret-7' -AsPlainText -Force)
            $session = Connect-Epgu -BaseUri $uri -TrustedRootCertificate $root -ApiKey (ConvertTo-SecureString $apiKey -AsPlainText -Force) -SignWith $signer -MaxRetries 0 -Verbose
        " + Flow, Variables(caPem)).AssertSuccess();

        Assert.Contains(result.Verbose, v => v.Contains("GOST TLS in-process: OpenSSL with the gost engine"));
        Assert.True(Convert.ToInt32(result.Output.Last().BaseObject) > 0);
        AssertWholeFlowWentThrough(result, before);
    }

    [Fact]
    public void Whole_flow_runs_through_the_tunnel_with_the_esia_token_too()
    {
        var before = fx.Sandbox.Requests.Count;
        var result = fx.Engine.Invoke(@"
            $global:tunnel = Start-GostTlsTunnel -Uri $uri -TrustedRootCertificate $root
            $signer = Import-GostCertificate $pfx -Password (ConvertTo-SecureString 'Pfx-Secret-7' -AsPlainText -Force)
            $session = Connect-Epgu -GostTlsTunnel $tunnel -ApiKey (ConvertTo-SecureString $apiKey -AsPlainText -Force) -SignWith $signer -MaxRetries 0
        " + Flow, Variables(caPem)).AssertSuccess();

        Assert.True(Convert.ToInt32(result.Output.Last().BaseObject) > 0);
        AssertWholeFlowWentThrough(result, before);
    }

    [Fact]
    public void Roots_can_be_certificate_objects_and_a_server_from_another_ca_is_a_clear_trust_error()
    {
        var variables = Variables(otherPem);
        variables["rootObject"] = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(string.Concat(otherPem.Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal)))));
        var before = fx.Sandbox.Requests.Count;
        var result = fx.Engine.Invoke(@"
            $signer = Import-GostCertificate $pfx -Password (ConvertTo-SecureString 'Pfx-Secret-7' -AsPlainText -Force)
            try { Connect-Epgu -BaseUri $uri -TrustedRootCertificate $rootObject -ApiKey (ConvertTo-SecureString $apiKey -AsPlainText -Force) -SignWith $signer -MaxRetries 0 -ErrorAction Stop; 'connected' }
            catch { $_.Exception.Message }
            Connect-Epgu -BaseUri $uri -TrustedRootCertificate $root -AccessToken (ConvertTo-SecureString $token -AsPlainText -Force) -MaxRetries 0 | Out-Null
            try { New-EpguOrder -ServiceCode $service -TargetCode $target -Region $region -ErrorAction Stop; 'created' } catch { $_.Exception.Message }
        ", variables);

        var messages = result.Output.Select(o => o.ToString()).ToList();
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m =>
        {
            Assert.Contains("GOST TLS to localhost:" + server.Port, m);
            Assert.Contains("is not trusted", m);
            Assert.Contains("-TrustedRootCertificate", m);
        });
        Assert.Equal(before, fx.Sandbox.Requests.Count);
        Assert.DoesNotContain((string)variables["apiKey"], result.Everything());
    }

    [Fact]
    public void Ordinary_endpoints_still_work_and_an_untrusted_ordinary_certificate_is_said_so()
    {
        using var rsa = new RsaTlsServer();
        var variables = Variables(caPem);
        variables["sandbox"] = fx.Sandbox.BaseUri;
        variables["rsa"] = rsa.Uri;
        var result = fx.Engine.Invoke(@"
            # Load the engine into this process first.
            Connect-Epgu -BaseUri $uri -TrustedRootCertificate $root -AccessToken (ConvertTo-SecureString $token -AsPlainText -Force) -MaxRetries 0 | Out-Null
            (New-EpguOrder -ServiceCode $service -TargetCode $target -Region $region).OrderId -gt 0
            # The plain sandbox, by default and with -GostTls.
            Connect-Epgu -BaseUri $sandbox -AccessToken (ConvertTo-SecureString $token -AsPlainText -Force) -MaxRetries 0 | Out-Null
            (New-EpguOrder -ServiceCode $service -TargetCode $target -Region $region).OrderId -gt 0
            Connect-Epgu -BaseUri $sandbox -GostTls -AccessToken (ConvertTo-SecureString $token -AsPlainText -Force) -MaxRetries 0 | Out-Null
            (New-EpguOrder -ServiceCode $service -TargetCode $target -Region $region).OrderId -gt 0
            # An ordinary TLS server whose self-signed certificate nobody trusts.
            Connect-Epgu -BaseUri $rsa -GostTls -AccessToken (ConvertTo-SecureString $token -AsPlainText -Force) -MaxRetries 0 | Out-Null
            try { New-EpguOrder -ServiceCode $service -TargetCode $target -Region $region -ErrorAction Stop } catch { $_.Exception.Message }
        ", variables);

        Assert.Equal(new object[] { true, true, true }, result.Output.Take(3).Select(o => o.BaseObject));
        var message = result.Output[3].ToString();
        Assert.Contains("is not a GOST certificate and this system does not trust it", message);
    }

    [Fact]
    public void Gost_contours_choose_gost_tls_by_themselves_and_a_missing_engine_names_the_package_before_any_request()
    {
        var before = fx.Sandbox.Requests.Count;
        var result = fx.Engine.Invoke(@"
            $s = Connect-Epgu -Environment GostTest -AccessToken (ConvertTo-SecureString $token -AsPlainText -Force) -Verbose
            $s.BaseUri.Host
            $env:GOSAPI_GOST_ENGINE_PATH = '/nonexistent/engines-3/gost.so'
            try { Connect-Epgu -Environment Production -AccessToken (ConvertTo-SecureString $token -AsPlainText -Force) -ErrorAction Stop; 'connected' } catch { $_.Exception.Message }
            try { Connect-Epgu -BaseUri $uri -TrustedRootCertificate $root -AccessToken (ConvertTo-SecureString $token -AsPlainText -Force) -ErrorAction Stop; 'connected' } catch { $_.Exception.Message }
            # Asked not to use GOST TLS: no engine needed.
            (Connect-Epgu -Environment Production -GostTls:$false -AccessToken (ConvertTo-SecureString $token -AsPlainText -Force)).BaseUri.Host
            Remove-Item Env:GOSAPI_GOST_ENGINE_PATH
        ", Variables(caPem));

        Assert.Equal("svcdev-gostapi.test.gosuslugi.ru", result.Output[0].ToString());
        Assert.Contains(result.Verbose, v => v.Contains("GOST TLS in-process: OpenSSL with the gost engine"));
        Assert.Contains(result.Warnings, w => w.Contains("-TrustedRootCertificate"));
        foreach (var message in new[] { result.Output[1].ToString(), result.Output[2].ToString() })
        {
            Assert.Contains("/nonexistent/engines-3/gost.so", message);
            Assert.Contains("apt-get install libengine-gost-openssl", message);
        }
        Assert.Equal("www.gosuslugi.ru", result.Output[3].ToString());
        Assert.Equal(before, fx.Sandbox.Requests.Count);
    }

    [Fact]
    public void Contradicting_transport_parameters_are_refused()
    {
        var result = fx.Engine.Invoke(@"
            $global:tunnel = Start-GostTlsTunnel -Uri $uri -TrustedRootCertificate $root
            try { Connect-Epgu -GostTlsTunnel $tunnel -GostTls -AccessToken (ConvertTo-SecureString $token -AsPlainText -Force) -ErrorAction Stop } catch { $_.Exception.Message }
            try { Connect-Epgu -BaseUri $uri -GostTls:$false -TrustedRootCertificate $root -AccessToken (ConvertTo-SecureString $token -AsPlainText -Force) -ErrorAction Stop } catch { $_.Exception.Message }
        ", Variables(caPem));
        Assert.Contains("leave out -GostTls and -TrustedRootCertificate", result.Output[0].ToString());
        Assert.Contains("-TrustedRootCertificate is for GOST TLS", result.Output[1].ToString());
    }

    [Fact]
    public void Tunnels_stop_when_their_runspace_closes_or_the_module_is_removed()
    {
        var variables = Variables(caPem);
        int closedWith, removedWith;
        using (var host = new ModuleHost())
        {
            closedWith = Convert.ToInt32(host.Invoke("(Start-GostTlsTunnel -Uri $uri -TrustedRootCertificate $root).ProcessId", variables).AssertSuccess().Output[0].BaseObject);
            Assert.False(Process.GetProcessById(closedWith).HasExited);
        }
        AssertExited(closedWith);

        using (var host = new ModuleHost())
        {
            var result = host.Invoke(@"
                $t = Start-GostTlsTunnel -Uri $uri -TrustedRootCertificate $root
                $t.ProcessId
                Remove-Module GosApi
                $t.IsRunning", variables).AssertSuccess();
            removedWith = Convert.ToInt32(result.Output[0].BaseObject);
            Assert.False((bool)result.Output[1].BaseObject);
        }
        AssertExited(removedWith);
    }

    [Fact]
    public void About_topic_is_installed_with_the_setup_for_linux_windows_and_the_tunnel_and_its_examples_parse()
    {
        var text = string.Join("\n", fx.Engine.Invoke("Get-Help about_GosApi_GostTls | Out-String -Width 200").AssertSuccess().Output.Select(o => o.ToString()));
        foreach (var expected in new[] { "about_GosApi_GostTls", "apt-get install libengine-gost-openssl", "CryptoPro CSP", "Start-GostTlsTunnel", "Test-GostTlsConnection", "-TrustedRootCertificate", "GOSAPI_GOST_ENGINE_PATH" })
            Assert.Contains(expected, text);

        var markdown = File.ReadAllText(Path.Combine(RepoPaths.Docs, "about_GosApi_GostTls.md"));
        var blocks = System.Text.RegularExpressions.Regex.Matches(markdown, "```powershell\n(.*?)```", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(blocks.Count >= 3);
        foreach (System.Text.RegularExpressions.Match block in blocks)
        {
            System.Management.Automation.Language.Parser.ParseInput(block.Groups[1].Value, out _, out var errors);
            Assert.True(errors.Length == 0, block.Groups[1].Value + ": " + string.Join("; ", errors.Select(e => e.Message)));
        }
    }

    private static void AssertExited(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            Assert.True(process.WaitForExit(5000), "stunnel " + processId + " is still running");
        }
        catch (ArgumentException)
        {
            // Gone already.
        }
    }
}
