using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using GosApi.Crypto.Pki;
using GosApi.Crypto.Signers;

namespace GosApi.Core.Tests.Crypto.Tls;

/// <summary>
/// An "only 0xFF85" GOST TLS server: <c>openssl s_server -cipher LEGACY-GOST2012-GOST8912-GOST8912 -no_tls1_3 -www</c> on a
/// free loopback port, under a config that loads the gost engine, with a GOST 2012 certificate for localhost issued by
/// <see cref="Ca"/>. Disposing kills the server.
/// </summary>
public sealed class GostTlsServer : IDisposable
{
    private readonly OpenSsl openssl = new();
    private readonly Process process;

    /// <summary>Only 0xFF85, a certificate from a new test root (a class fixture).</summary>
    public GostTlsServer()
        : this("LEGACY-GOST2012-GOST8912-GOST8912", null)
    {
    }

    /// <summary>A server that accepts only <paramref name="cipher"/> (OpenSSL name), its certificate issued by <paramref name="ca"/>.</summary>
    public static GostTlsServer Accepting(string cipher, GostCredential ca) => new(cipher, ca);

    private GostTlsServer(string cipher, GostCredential? ca)
    {
        Ca = ca ?? GostCertificateBuilder.CreateTestCertificateAuthority("GosApi TLS Test Root");
        var server = new GostCertificateBuilder { Subject = new GostSubject { CommonName = "localhost" }, ParameterSet = GostParameterSet.Tc26256A }.Issue(Ca);
        openssl.Write("srv.pem", server.Certificate.ToPem());
        openssl.Write("srv.key", server.PrivateKey.ExportUnencryptedPkcs8Pem());
        Port = FreePort();
        var start = new ProcessStartInfo("openssl")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = openssl.Dir,
        };
        foreach (var argument in new[] { "s_server", "-accept", "127.0.0.1:" + Port, "-cert", "srv.pem", "-key", "srv.key", "-cipher", cipher, "-no_tls1_3", "-www" })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["OPENSSL_CONF"] = openssl.Config;
        process = Process.Start(start)!;
        try
        {
            var error = process.StandardError.ReadToEndAsync();
            var ready = Task.Run(() =>
            {
                string? line;
                while ((line = process.StandardOutput.ReadLine()) != null)
                {
                    if (line.StartsWith("ACCEPT", StringComparison.Ordinal)) return true;
                }
                return false;
            });
            if (!ready.Wait(TimeSpan.FromSeconds(10)) || !ready.Result)
            {
                Kill();
                throw new InvalidOperationException("openssl s_server did not start: " + (error.Wait(2000) ? error.Result : ""));
            }
            // Keep draining stdout so that the server never blocks on a full pipe.
            _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public GostCredential Ca { get; }

    public int Port { get; }

    public Uri Uri => new("https://localhost:" + Port + "/");

    /// <summary>A loopback port nothing listens on (for the moment).</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public void Dispose()
    {
        Kill();
        process?.Dispose();
        openssl.Dispose();
    }

    private void Kill()
    {
        try
        {
            if (process != null && !process.HasExited)
            {
                process.Kill(true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }
    }
}
