using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using GosApi.Crypto.Pki;
using GosApi.Crypto.Signers;

namespace GosApi.Crypto.Tls
{
    /// <summary>
    /// A local plain-HTTP → GOST TLS tunnel: stunnel (client mode) with openssl's gost engine, a generated config in a
    /// private temporary directory, a free loopback port and a health check. The server's chain is always validated
    /// against the given GOST roots (verifyChain, checkHost). Stopped by <see cref="Dispose"/> or when the process exits.
    /// Callers must send the remote's Host header: <see cref="CreateHttpHandler"/> does that.
    /// </summary>
    public sealed class GostTlsTunnel : IDisposable
    {
        /// <summary>0xff85 and the RFC 9189 suites 0xC100, 0xC101, 0xC102, by OpenSSL's gost engine names.</summary>
        public const string CipherList = "LEGACY-GOST2012-GOST8912-GOST8912:GOST2012-KUZNYECHIK-KUZNYECHIKOMAC:GOST2012-MAGMA-MAGMAOMAC:IANA-GOST2012-GOST8912-GOST8912";

        internal const string InstallStunnel = "stunnel was not found: install stunnel4 (apt-get install stunnel4) or give its path with -StunnelPath.";
        internal const string InstallEngine = "openssl's GOST engine (gost.so) was not found: install libengine-gost-openssl (apt-get install libengine-gost-openssl).";
        internal const string AddRoot = "No trusted GOST root was given: add the GOST root that issued the server's certificate with -TrustedRootCertificate (validation is never switched off).";

        private const int MaxLogLines = 400;
        private readonly object gate = new object();
        private readonly List<KeyValuePair<long, string>> log = new List<KeyValuePair<long, string>>();
        private readonly List<System.Net.Http.HttpMessageHandler> handlers = new List<System.Net.Http.HttpMessageHandler>();
        private readonly Process process;
        private readonly string directory;
        private long logSequence;
        private int disposed;

        private GostTlsTunnel(Uri remoteUri, int localPort, Process process, string directory, string stunnelPath, string configPath)
        {
            RemoteUri = remoteUri;
            LocalUri = new Uri("http://127.0.0.1:" + localPort.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/");
            LocalPort = localPort;
            this.process = process;
            this.directory = directory;
            StunnelPath = stunnelPath;
            ConfigPath = configPath;
            ProcessId = process.Id;
            StartedAt = DateTimeOffset.Now;
        }

        /// <summary>The GOST TLS service behind the tunnel.</summary>
        public Uri RemoteUri { get; }

        /// <summary>Where to send plain HTTP: http://127.0.0.1:port/.</summary>
        public Uri LocalUri { get; }

        public int LocalPort { get; }

        /// <summary>The Host header requests through the tunnel must carry: the remote's host (and port unless 443).</summary>
        public string HostHeader => RemoteUri.IsDefaultPort ? RemoteUri.Host : RemoteUri.Authority;

        public int ProcessId { get; }
        public string StunnelPath { get; }
        public string ConfigPath { get; }
        public DateTimeOffset StartedAt { get; }

        public bool IsRunning
        {
            get
            {
                if (disposed != 0) return false;
                try { return !process.HasExited; }
                catch (InvalidOperationException) { return false; }
            }
        }

        /// <summary>What went wrong so far: stunnel's warnings and errors, each with a fix where one is known.</summary>
        public IReadOnlyList<string> Problems => Explain(ErrorLinesSince(0));

        /// <summary>stunnel's last log lines.</summary>
        public IReadOnlyList<string> Log
        {
            get { lock (gate) return log.Select(l => l.Value).ToList(); }
        }

        /// <summary>Starts stunnel and waits until the local port accepts connections; throws <see cref="GostTlsTunnelException"/> with the fixes when it cannot.</summary>
        public static async Task<GostTlsTunnel> StartAsync(GostTlsTunnelOptions options, CancellationToken cancellationToken = default)
        {
            if (options == null) throw new ArgumentNullException(nameof(options));
            var remote = options.RemoteUri ?? throw new ArgumentException("RemoteUri is required.", nameof(options));
            if (!remote.IsAbsoluteUri || remote.Scheme != Uri.UriSchemeHttps)
                throw new ArgumentException("RemoteUri " + remote + ": must be an absolute https URI (the GOST TLS service).", nameof(options));
            if (options.LocalPort < 0 || options.LocalPort > 65535) throw new ArgumentOutOfRangeException(nameof(options), options.LocalPort, "LocalPort must be 0 (a free port) to 65535.");

            var problems = new List<string>();
            var stunnel = FindStunnel(options.StunnelPath);
            if (stunnel == null) problems.Add(InstallStunnel);
            var engine = options.EnginePath;
            if (engine != null ? !File.Exists(engine) : (engine = await OpenSslGostEnvironment.FindEngineAsync(options.OpenSslPath, cancellationToken).ConfigureAwait(false)) == null)
                problems.Add(InstallEngine);
            if (options.TrustedRoots.Count == 0) problems.Add(AddRoot);
            if (problems.Count > 0) throw new GostTlsTunnelException("Cannot start the GOST TLS tunnel to " + remote.GetLeftPart(UriPartial.Authority) + ": " + string.Join(" ", problems), problems);

            var port = options.LocalPort == 0 ? FreePort() : options.LocalPort;
            var dir = NewPrivateDirectory();
            try
            {
                var rootsPath = Path.Combine(dir, "trusted-roots.pem");
                File.WriteAllText(rootsPath, string.Concat(options.TrustedRoots.Select(r => r.ToPem().TrimEnd() + "\n")));
                var configPath = Path.Combine(dir, "stunnel.conf");
                File.WriteAllText(configPath, ConfigText(remote, port, rootsPath));
                var start = new ProcessStartInfo(stunnel!, ExternalProcess.Quote(configPath))
                {
                    UseShellExecute = false,
                    RedirectStandardInput = true,
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    CreateNoWindow = true,
                    WorkingDirectory = dir,
                };
                // stunnel loads "gost" by id from ENGINESDIR; point it at the directory of the engine we found.
                start.Environment["OPENSSL_ENGINES"] = Path.GetDirectoryName(engine!)!;
                Process process;
                try
                {
                    process = Process.Start(start) ?? throw new InvalidOperationException("The process did not start.");
                }
                catch (Exception ex) when (ex is System.ComponentModel.Win32Exception || ex is InvalidOperationException)
                {
                    throw new GostTlsTunnelException("Cannot start '" + stunnel + "': " + ex.Message, new[] { InstallStunnel });
                }
                var tunnel = new GostTlsTunnel(remote, port, process, dir, stunnel!, configPath);
                process.OutputDataReceived += (s, e) => tunnel.AddLog(e.Data);
                process.ErrorDataReceived += (s, e) => tunnel.AddLog(e.Data);
                process.BeginOutputReadLine();
                process.BeginErrorReadLine();
                AppDomain.CurrentDomain.ProcessExit += tunnel.OnProcessExit;
                try
                {
                    await tunnel.WaitUntilReadyAsync(options.StartTimeout, cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    tunnel.Dispose();
                    throw;
                }
                return tunnel;
            }
            catch
            {
                OpenSslGostEnvironment.DeleteDirectory(dir);
                throw;
            }
        }

        /// <summary>stunnel's configuration for a tunnel to <paramref name="remote"/> on 127.0.0.1:<paramref name="localPort"/>.</summary>
        internal static string ConfigText(Uri remote, int localPort, string caFile)
        {
            var host = remote.IdnHost;
            var isAddress = IPAddress.TryParse(host.Trim('[', ']'), out _);
            var text = new StringBuilder()
                .Append("; GosApi GOST TLS tunnel to ").Append(remote.GetLeftPart(UriPartial.Authority)).Append('\n')
                .Append("foreground = yes\npid =\n")
                .Append("engine = gost\nengineDefault = ALL\n\n")
                .Append("[gost-tls]\nclient = yes\n")
                .Append("accept = 127.0.0.1:").Append(localPort).Append('\n')
                .Append("connect = ").Append(host).Append(':').Append(remote.Port).Append('\n')
                .Append("ciphers = ").Append(CipherList).Append('\n')
                .Append("sslVersionMax = TLSv1.2\n")
                .Append("verifyChain = yes\n")
                .Append("CAfile = ").Append(caFile).Append('\n');
            if (isAddress) text.Append("checkIP = ").Append(host.Trim('[', ']')).Append('\n');
            else text.Append("checkHost = ").Append(host).Append('\n').Append("sni = ").Append(host).Append('\n');
            return text.ToString();
        }

        /// <summary>
        /// A handler for HttpClient/RestSharp that sends requests (addressed to <see cref="LocalUri"/>) with the remote's
        /// Host header and turns a failed exchange into an error that carries stunnel's reason (e.g. certificate verify failed).
        /// Disposed with the tunnel.
        /// </summary>
        public System.Net.Http.HttpMessageHandler CreateHttpHandler()
        {
            var handler = new GostTlsTunnelHandler(this);
            lock (gate) handlers.Add(handler);
            return handler;
        }

        /// <summary>Whether <paramref name="uri"/> is on the tunnel's remote (same scheme, host and port) or is the tunnel's own local address.</summary>
        public bool Carries(Uri uri)
        {
            if (uri == null || !uri.IsAbsoluteUri) return false;
            return SameAuthority(uri, LocalUri) || SameAuthority(uri, RemoteUri);
        }

        /// <summary><paramref name="uri"/> (which the tunnel <see cref="Carries"/>) as the address to send it to: the local port, the same path and query.</summary>
        public Uri ToLocal(Uri uri)
        {
            if (!Carries(uri)) throw new ArgumentException(uri + " is not behind the tunnel to " + RemoteUri.GetLeftPart(UriPartial.Authority) + ".", nameof(uri));
            return new Uri(LocalUri, uri.PathAndQuery);
        }

        private static bool SameAuthority(Uri a, Uri b) =>
            string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase) && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;

        /// <summary>Stops stunnel and deletes its temporary directory.</summary>
        public void Stop() => Dispose();

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) != 0) return;
            AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
            Kill();
            List<System.Net.Http.HttpMessageHandler> created;
            lock (gate)
            {
                created = handlers.ToList();
                handlers.Clear();
            }
            foreach (var handler in created) handler.Dispose();
            process.Dispose();
            OpenSslGostEnvironment.DeleteDirectory(directory);
        }

        public override string ToString() => "GOST TLS tunnel " + LocalUri + " -> " + RemoteUri.GetLeftPart(UriPartial.Authority) + (IsRunning ? " (stunnel " + ProcessId + ")" : " (stopped)");

        internal long LogSequence
        {
            get { lock (gate) return logSequence; }
        }

        /// <summary>stunnel's error and warning lines logged after <paramref name="sequence"/>.</summary>
        internal List<string> ErrorLinesSince(long sequence)
        {
            lock (gate) return log.Where(l => l.Key > sequence && IsErrorLine(l.Value)).Select(l => l.Value).ToList();
        }

        /// <summary>Waits up to <paramref name="wait"/> for an error line after <paramref name="sequence"/> (stunnel logs a failure a moment after the connection drops).</summary>
        internal async Task<List<string>> WaitForErrorsAsync(long sequence, TimeSpan wait)
        {
            var watch = Stopwatch.StartNew();
            while (true)
            {
                var lines = ErrorLinesSince(sequence);
                if (lines.Any(IsFailureLine) || watch.Elapsed >= wait) return lines;
                await Task.Delay(50).ConfigureAwait(false);
            }
        }

        /// <summary>The lines with a fix appended to those whose cause is known.</summary>
        internal static List<string> Explain(IEnumerable<string> lines)
        {
            var result = new List<string>();
            foreach (var line in lines)
            {
                var text = StripPrefix(line);
                if (line.IndexOf("certificate verify failed", StringComparison.OrdinalIgnoreCase) >= 0)
                    text += " — the server's certificate does not chain to the trusted roots: add the GOST root that issued it with -TrustedRootCertificate.";
                else if (line.IndexOf("no shared cipher", StringComparison.OrdinalIgnoreCase) >= 0 || line.IndexOf("handshake failure", StringComparison.OrdinalIgnoreCase) >= 0)
                    text += " — no common GOST cipher suite: check that the server speaks GOST TLS 1.2 (0xff85 or RFC 9189) and that libengine-gost-openssl is installed.";
                else if (line.IndexOf("engine", StringComparison.OrdinalIgnoreCase) >= 0 && line.IndexOf("LOG3", StringComparison.Ordinal) >= 0)
                    text += " — " + InstallEngine;
                result.Add(text);
            }
            return result;
        }

        private static bool IsErrorLine(string line) =>
            line.IndexOf("LOG3[", StringComparison.Ordinal) >= 0 || line.IndexOf("LOG4[", StringComparison.Ordinal) >= 0 || line.IndexOf("LOG2[", StringComparison.Ordinal) >= 0
            || (line.IndexOf("LOG", StringComparison.Ordinal) < 0 && line.IndexOf("error", StringComparison.OrdinalIgnoreCase) >= 0);

        private static bool IsFailureLine(string line) =>
            line.IndexOf("LOG3[", StringComparison.Ordinal) >= 0 || line.IndexOf("LOG2[", StringComparison.Ordinal) >= 0;

        private static string StripPrefix(string line)
        {
            // "2026.11.25 22:48:13 LOG3[0]: SSL_connect: …" → "SSL_connect: …"
            var marker = line.IndexOf("]: ", StringComparison.Ordinal);
            return marker >= 0 && line.IndexOf("LOG", StringComparison.Ordinal) >= 0 ? line.Substring(marker + 3) : line;
        }

        private void AddLog(string? line)
        {
            if (string.IsNullOrWhiteSpace(line)) return;
            lock (gate)
            {
                log.Add(new KeyValuePair<long, string>(++logSequence, line!));
                if (log.Count > MaxLogLines) log.RemoveAt(0);
            }
        }

        private async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
        {
            var watch = Stopwatch.StartNew();
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (process.HasExited)
                {
                    process.WaitForExit(); // drains the log readers
                    var lines = Explain(ErrorLinesSince(0));
                    if (lines.Count == 0) lines.Add("stunnel exited with code " + process.ExitCode + " and logged no error; run '" + StunnelPath + " " + ConfigPath + "' to see why.");
                    throw new GostTlsTunnelException("stunnel exited while starting the GOST TLS tunnel to " + RemoteUri.GetLeftPart(UriPartial.Authority) + ": " + string.Join(" | ", lines), lines);
                }
                if (await AcceptsAsync().ConfigureAwait(false)) return;
                if (watch.Elapsed > timeout)
                {
                    var lines = Explain(ErrorLinesSince(0));
                    lines.Insert(0, "127.0.0.1:" + LocalPort + " did not accept connections within " + timeout.TotalSeconds + " s (is the port in use? try another -LocalPort).");
                    throw new GostTlsTunnelException("The GOST TLS tunnel to " + RemoteUri.GetLeftPart(UriPartial.Authority) + " did not start: " + string.Join(" | ", lines), lines);
                }
                await Task.Delay(50, cancellationToken).ConfigureAwait(false);
            }
        }

        private async Task<bool> AcceptsAsync()
        {
            using (var client = new TcpClient(AddressFamily.InterNetwork))
            {
                try
                {
                    var connect = client.ConnectAsync(IPAddress.Loopback, LocalPort);
                    if (await Task.WhenAny(connect, Task.Delay(1000)).ConfigureAwait(false) != connect) return false;
                    await connect.ConfigureAwait(false);
                    return client.Connected;
                }
                catch (SocketException)
                {
                    return false;
                }
            }
        }

        private void OnProcessExit(object? sender, EventArgs e) => Kill();

        private void Kill()
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill();
                    process.WaitForExit(5000);
                }
            }
            catch (InvalidOperationException)
            {
            }
            catch (System.ComponentModel.Win32Exception)
            {
            }
        }

        private static string? FindStunnel(string? given)
        {
            if (!string.IsNullOrEmpty(given)) return File.Exists(given) ? Path.GetFullPath(given) : null;
            var windows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
            var names = windows ? new[] { "stunnel.exe", "tstunnel.exe" } : new[] { "stunnel4", "stunnel" };
            var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
            foreach (var name in names)
            {
                foreach (var folder in path.Split(Path.PathSeparator))
                {
                    if (folder.Length == 0) continue;
                    var candidate = Path.Combine(folder.Trim('"'), name);
                    if (File.Exists(candidate)) return candidate;
                }
            }
            return null;
        }

        private static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            try { return ((IPEndPoint)listener.LocalEndpoint).Port; }
            finally { listener.Stop(); }
        }

        /// <summary>A new directory under the temp path that only the current user can read (0700 on Unix).</summary>
        private static string NewPrivateDirectory()
        {
            var path = Path.Combine(Path.GetTempPath(), "gosapi-stunnel-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(path);
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                try { Chmod(path, Convert.ToInt32("700", 8)); }
                catch (Exception ex) when (ex is DllNotFoundException || ex is EntryPointNotFoundException)
                {
                }
            }
            return path;
        }

        [DllImport("libc", EntryPoint = "chmod", SetLastError = true)]
        private static extern int Chmod(string path, int mode);
    }

    /// <summary>The GOST TLS tunnel cannot start or carry a request; <see cref="Problems"/> say what to fix.</summary>
    public sealed class GostTlsTunnelException : GostCryptoException
    {
        public GostTlsTunnelException(string message, IEnumerable<string> problems) : base(message)
        {
            Problems = problems.ToList();
        }

        public IReadOnlyList<string> Problems { get; }
    }
}
