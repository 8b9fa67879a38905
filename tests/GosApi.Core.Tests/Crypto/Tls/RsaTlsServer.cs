using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace GosApi.Core.Tests.Crypto.Tls;

/// <summary>
/// An ordinary (non-GOST) TLS server on a free loopback port: .NET's SslStream with a self-signed RSA certificate for
/// localhost; answers every HTTP request with 200 "rsa-ok". Uses no GosApi type.
/// </summary>
public sealed class RsaTlsServer : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private int handshakes;
    private int connections;

    public RsaTlsServer()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        Certificate = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _ = Task.Run(AcceptLoop);
    }

    public X509Certificate2 Certificate { get; }
    public int Port { get; }
    public Uri Uri => new("https://localhost:" + Port + "/");
    public int Handshakes => Volatile.Read(ref handshakes);
    /// <summary>TCP connections accepted, whether or not the client then completed the handshake.</summary>
    public int Connections => Volatile.Read(ref connections);

    private async Task AcceptLoop()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await listener.AcceptTcpClientAsync(stop.Token); }
            catch (Exception) { return; }
            Interlocked.Increment(ref connections);
            _ = Task.Run(async () =>
            {
                using (client)
                using (var ssl = new SslStream(client.GetStream()))
                {
                    try
                    {
                        await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = Certificate }, stop.Token);
                        Interlocked.Increment(ref handshakes);
                        var reader = new StreamReader(ssl, Encoding.ASCII);
                        while (!string.IsNullOrEmpty(await reader.ReadLineAsync(stop.Token))) { }
                        var body = Encoding.ASCII.GetBytes("rsa-ok");
                        await ssl.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: " + body.Length + "\r\nConnection: close\r\n\r\n"), stop.Token);
                        await ssl.WriteAsync(body, stop.Token);
                        await ssl.FlushAsync(stop.Token);
                    }
                    catch (Exception ex) when (ex is IOException || ex is System.Security.Authentication.AuthenticationException || ex is OperationCanceledException)
                    {
                    }
                }
            });
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        Certificate.Dispose();
    }
}
