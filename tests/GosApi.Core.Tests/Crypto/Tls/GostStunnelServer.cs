using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GosApi.Core.Tests.Crypto.Tls;

/// <summary>
/// An "only 0xFF85" GOST TLS endpoint: stunnel in server mode (engine gost, cipher LEGACY-GOST2012-GOST8912-GOST8912,
/// TLS 1.2) with the given GOST 2012 certificate and key (PEM) for localhost, forwarding to 127.0.0.1:<c>backendPort</c>.
/// Disposing kills stunnel. Uses no GosApi type, so the hosted tests share it.
/// </summary>
public sealed class GostStunnelServer : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("gosapi-stunnel-server-").FullName;
    private readonly Process process;

    public GostStunnelServer(int backendPort, string certificatePem, string keyPem)
    {
        File.WriteAllText(Path.Combine(dir, "srv.pem"), certificatePem);
        File.WriteAllText(Path.Combine(dir, "srv.key"), keyPem);
        Port = FreePort();
        File.WriteAllText(Path.Combine(dir, "server.conf"),
            "foreground = yes\npid =\nengine = gost\nengineDefault = ALL\n\n[only-gost]\n"
            + "accept = 127.0.0.1:" + Port + "\nconnect = 127.0.0.1:" + backendPort + "\n"
            + "cert = " + Path.Combine(dir, "srv.pem") + "\nkey = " + Path.Combine(dir, "srv.key") + "\n"
            + "ciphers = LEGACY-GOST2012-GOST8912-GOST8912\nsslVersionMax = TLSv1.2\n");
        var start = new ProcessStartInfo(File.Exists("/usr/bin/stunnel4") ? "/usr/bin/stunnel4" : "stunnel")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = dir,
        };
        start.ArgumentList.Add(Path.Combine(dir, "server.conf"));
        process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var watch = Stopwatch.StartNew();
        while (!Accepts(Port))
        {
            if (process.HasExited || watch.Elapsed > TimeSpan.FromSeconds(10))
            {
                Dispose();
                throw new InvalidOperationException("stunnel (server) did not start: " + Log);
            }
            Thread.Sleep(50);
        }
    }

    private readonly StringBuilder log = new();

    public int Port { get; }
    public Uri Uri => new("https://localhost:" + Port + "/");

    public string Log
    {
        get { lock (log) return log.ToString(); }
    }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static bool Accepts(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited) process.Kill();
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
        }
        process.Dispose();
        try { Directory.Delete(dir, true); } catch (IOException) { }
    }
}

/// <summary>A minimal HTTP/1.1 backend on a loopback port: answers every request with 200 and the Host header it received.</summary>
public sealed class EchoHostBackend : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private int requests;

    public EchoHostBackend()
    {
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _ = Task.Run(AcceptLoop);
    }

    public int Port { get; }
    public int Requests => Volatile.Read(ref requests);

    private async Task AcceptLoop()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await listener.AcceptTcpClientAsync(stop.Token); }
            catch (Exception) { return; }
            _ = Task.Run(async () =>
            {
                using (client)
                {
                    try
                    {
                        var stream = client.GetStream();
                        var reader = new StreamReader(stream, Encoding.ASCII);
                        string? host = null;
                        string? line = await reader.ReadLineAsync();
                        if (line == null) return;
                        while (!string.IsNullOrEmpty(line = await reader.ReadLineAsync()))
                        {
                            if (line.StartsWith("Host:", StringComparison.OrdinalIgnoreCase)) host = line.Substring(5).Trim();
                        }
                        Interlocked.Increment(ref requests);
                        var body = Encoding.UTF8.GetBytes("host=" + host);
                        var head = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.Length + "\r\nConnection: close\r\n\r\n");
                        await stream.WriteAsync(head);
                        await stream.WriteAsync(body);
                        await stream.FlushAsync();
                    }
                    catch (IOException)
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
    }
}
