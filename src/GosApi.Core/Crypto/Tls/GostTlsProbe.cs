using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using GosApi.Crypto.Pki;
using GosApi.Crypto.Signers;

namespace GosApi.Crypto.Tls
{
    /// <summary>Settings of <see cref="GostTlsProbe"/>.</summary>
    public sealed class GostTlsProbeOptions
    {
        /// <summary>Roots (or other anchors) to build the server's chain to. Empty: the chain is not checked.</summary>
        public IList<GostCertificate> TrustedRoots { get; } = new List<GostCertificate>();

        /// <summary>The openssl program; default "openssl" from PATH.</summary>
        public string OpenSslPath { get; set; } = "openssl";

        /// <summary>Longest time the handshake may take; default 15 seconds.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

        /// <summary>gost.so; null: found like <see cref="OpenSslGostSigner"/> finds it.</summary>
        internal string? EnginePath { get; set; }

        /// <summary>The time certificates must be valid at; null: now.</summary>
        internal DateTimeOffset? VerificationTime { get; set; }
    }

    /// <summary>
    /// Checks that a server speaks GOST TLS: runs <c>openssl s_client</c> with the gost engine, offering only the GOST
    /// TLS 1.2 suites (0xFF85, 0xC100–0xC102), and reads the negotiated protocol and suite and the server's certificates,
    /// then builds the server's chain to the trusted roots. A failure is a result with problems and fixes, not an exception.
    /// </summary>
    public sealed class GostTlsProbe
    {
        /// <summary>The suites offered, by their OpenSSL names (gost engine, OpenSSL 3).</summary>
        public const string OfferedSuites = "LEGACY-GOST2012-GOST8912-GOST8912:IANA-GOST2012-GOST8912-GOST8912:GOST2012-KUZNYECHIK-KUZNYECHIKOMAC:GOST2012-MAGMA-MAGMAOMAC";

        internal const string InstallEngine = "install libengine-gost-openssl (apt-get install libengine-gost-openssl)";

        private static readonly Dictionary<string, int> SuiteIds = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
        {
            ["LEGACY-GOST2012-GOST8912-GOST8912"] = 0xFF85,
            ["GOST2012-KUZNYECHIK-KUZNYECHIKOMAC"] = 0xC100,
            ["GOST2012-MAGMA-MAGMAOMAC"] = 0xC101,
            ["IANA-GOST2012-GOST8912-GOST8912"] = 0xC102,
            ["GOST2001-GOST89-GOST89"] = 0x0081,
        };

        internal static readonly ISet<int> GostSuiteIds = new HashSet<int>(SuiteIds.Values);

        private readonly GostTlsProbeOptions options;

        public GostTlsProbe(GostTlsProbeOptions? options = null)
        {
            this.options = options ?? new GostTlsProbeOptions();
        }

        /// <summary>The TLS code point of an OpenSSL suite name; null when not a known GOST suite.</summary>
        public static int? SuiteId(string cipherSuite) => SuiteIds.TryGetValue(cipherSuite, out var id) ? id : (int?)null;

        /// <summary>The openssl command for <paramref name="uri"/> (port 443 unless given).</summary>
        public static ExternalCommand BuildCommand(Uri uri, string openSslPath = "openssl")
        {
            CheckUri(uri);
            var host = uri.HostNameType == UriHostNameType.IPv6 ? "[" + uri.DnsSafeHost.Trim('[', ']') + "]" : uri.IdnHost;
            var arguments = new List<string> { "s_client", "-connect", host + ":" + uri.Port.ToString(CultureInfo.InvariantCulture) };
            if (uri.HostNameType == UriHostNameType.Dns)
            {
                arguments.Add("-servername");
                arguments.Add(uri.IdnHost);
            }
            arguments.AddRange(new[] { "-cipher", OfferedSuites, "-no_tls1_3", "-showcerts" });
            return new ExternalCommand(openSslPath, arguments);
        }

        /// <summary>Probes the server; never throws for network, TLS or certificate failures.</summary>
        public async Task<GostTlsProbeResult> ProbeAsync(Uri uri, CancellationToken cancellationToken = default)
        {
            var command = BuildCommand(uri, options.OpenSslPath);
            var problems = new List<GostTlsProblem>();
            var engine = options.EnginePath ?? await OpenSslGostEnvironment.FindEngineAsync(options.OpenSslPath, cancellationToken).ConfigureAwait(false);
            if (engine is null || !System.IO.File.Exists(engine))
            {
                problems.Add(new GostTlsProblem("openssl's GOST engine (gost.so) was not found" + (engine is null ? "" : " at " + engine) + ", so no GOST suite can be offered.", InstallEngine + "." + WindowsHint()));
                return Result(uri, false, null, null, Array.Empty<GostCertificate>(), problems);
            }
            var temp = OpenSslGostEnvironment.NewTempDirectory();
            ProcessResult run;
            try
            {
                var environment = new Dictionary<string, string> { ["OPENSSL_CONF"] = OpenSslGostEnvironment.WriteConfig(engine, temp) };
                run = await ExternalProcess.RunAsync(command, environment, System.IO.Stream.Null, options.Timeout, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                problems.Add(new GostTlsProblem("No TLS answer from " + Endpoint(uri) + " within " + options.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s.",
                    "check that the host and port are right and that a firewall lets this machine reach them (a GOST contour is often open only to registered addresses or through a VPN); try a larger -TimeoutSec."));
                return Result(uri, false, null, null, Array.Empty<GostCertificate>(), problems);
            }
            catch (GostCryptoException ex)
            {
                problems.Add(new GostTlsProblem("openssl could not be started: " + ex.Message, "install openssl (apt-get install openssl) or put it on PATH." + WindowsHint()));
                return Result(uri, false, null, null, Array.Empty<GostCertificate>(), problems);
            }
            finally
            {
                OpenSslGostEnvironment.DeleteDirectory(temp);
            }
            return Analyze(uri, run.OutputText, run.Error, problems);
        }

        /// <summary>Synchronous <see cref="ProbeAsync"/>.</summary>
        public GostTlsProbeResult Probe(Uri uri) => ProbeAsync(uri).GetAwaiter().GetResult();

        private GostTlsProbeResult Analyze(Uri uri, string output, string error, List<GostTlsProblem> problems)
        {
            if (error.IndexOf("no cipher match", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                problems.Add(new GostTlsProblem("openssl knows no GOST TLS suite: the gost engine did not load.", InstallEngine + "; it must match this openssl (OpenSSL 3, engines-3/gost.so)."));
                return Result(uri, false, null, null, Array.Empty<GostCertificate>(), problems);
            }
            var reachable = output.IndexOf("CONNECTED(", StringComparison.Ordinal) >= 0;
            if (!reachable)
            {
                var reason = FirstMatch(error, "(Connection refused|No route to host|Network is unreachable|Connection timed out|Name or service not known|nodename nor servname provided|Temporary failure in name resolution)");
                problems.Add(new GostTlsProblem("Cannot connect to " + Endpoint(uri) + (reason is null ? "" : ": " + reason) + ".",
                    reason != null && reason.IndexOf("name", StringComparison.OrdinalIgnoreCase) >= 0
                        ? "check the host name and this machine's DNS."
                        : "check the host and port, that the service is running, and that a firewall or VPN lets this machine reach it."));
                return Result(uri, false, null, null, Array.Empty<GostCertificate>(), problems);
            }
            var protocol = FirstMatch(output, @"^\s*Protocol\s*:\s*(\S+)\s*$");
            var cipher = FirstMatch(output, @"^\s*Cipher\s*:\s*(\S+)\s*$");
            if (cipher is null || cipher == "0000" || cipher == "(NONE)")
            {
                protocol = null;
                cipher = null;
            }
            var certificates = new List<GostCertificate>();
            string? unreadable = null;
            foreach (Match block in Regex.Matches(output, "-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----"))
            {
                try
                {
                    certificates.Add(GostCertificate.FromPem(block.Value));
                }
                catch (Exception ex) when (ex is GostCryptoException || ex is FormatException || ex is ArgumentException)
                {
                    unreadable ??= ex.Message;
                }
            }
            if (cipher is null)
            {
                var alert = FirstMatch(error, "(no shared cipher|handshake failure|wrong version number|unsupported protocol|unexpected eof while reading|Connection reset by peer)");
                problems.Add(new GostTlsProblem("The server accepted the connection but no GOST TLS handshake completed" + (alert is null ? "" : " (" + alert + ")") + ": the server offers no GOST suite.",
                    "check that this is the GOST endpoint of the service (the contour's GOST address and port, not its RSA one) and that the server has a GOST certificate and suites 0xFF85 or 0xC100–0xC102 enabled."));
                return Result(uri, true, null, null, certificates, problems);
            }
            if (SuiteId(cipher) is null)
            {
                problems.Add(new GostTlsProblem("The server negotiated " + cipher + ", which is not a GOST suite.", "the server offers no GOST suite: use the contour's GOST endpoint."));
            }
            if (unreadable != null)
            {
                problems.Add(new GostTlsProblem("A server certificate is not a GOST R 34.10-2012 certificate: " + unreadable, "the server must present a GOST certificate; ask its operator."));
            }
            bool? chainValid = null;
            string? chainError = null;
            if (certificates.Count == 0)
            {
                problems.Add(new GostTlsProblem("The server sent no certificate.", "ask the server's operator to configure its GOST certificate."));
            }
            else if (options.TrustedRoots.Count > 0)
            {
                chainError = ValidateChain(certificates, options.TrustedRoots, options.VerificationTime ?? DateTimeOffset.UtcNow);
                chainValid = chainError is null;
                if (chainError != null)
                {
                    problems.Add(new GostTlsProblem("The server's certificate chain does not validate: " + chainError,
                        "add the GOST root (and intermediate CA) that issued the server's certificate with -TrustedRootCertificate, for example the Минцифры root for the GOST contours."));
                }
            }
            return new GostTlsProbeResult(uri, true, protocol, cipher, certificates, chainValid, chainError, problems);
        }

        /// <summary>Builds the chain from the server's certificate through the ones it sent to a trusted root; null when it validates, else why not.</summary>
        internal static string? ValidateChain(IReadOnlyList<GostCertificate> sent, IList<GostCertificate> roots, DateTimeOffset time)
        {
            var problems = new List<string>();
            var (status, _) = Cms.GostChainBuilder.Build(sent[0], sent.Skip(1), roots, time, problems);
            return status == Cms.GostChainStatus.Trusted ? null : problems.FirstOrDefault() ?? status.ToString();
        }

        /// <summary>On Windows the probe needs openssl, but Connect-Epgu needs only SChannel with CryptoPro CSP: say which is missing.</summary>
        private static string WindowsHint()
        {
            if (!System.Runtime.InteropServices.RuntimeInformation.IsOSPlatform(System.Runtime.InteropServices.OSPlatform.Windows)) return "";
            return CryptoProCsp.IsInstalled()
                ? " (CryptoPro CSP is installed, so Connect-Epgu can speak GOST TLS through SChannel without openssl.)"
                : " For GOST TLS from PowerShell on Windows, " + CryptoProCsp.Install + ".";
        }

        private static GostTlsProbeResult Result(Uri uri, bool reachable, string? protocol, string? cipher, IReadOnlyList<GostCertificate> certificates, List<GostTlsProblem> problems) =>
            new GostTlsProbeResult(uri, reachable, protocol, cipher, certificates, null, null, problems);

        private static string Endpoint(Uri uri) => uri.Host + ":" + uri.Port.ToString(CultureInfo.InvariantCulture);

        private static string? FirstMatch(string text, string pattern)
        {
            var match = Regex.Match(text, pattern, RegexOptions.Multiline | RegexOptions.IgnoreCase);
            return match.Success ? match.Groups[1].Value : null;
        }

        private static void CheckUri(Uri uri)
        {
            if (uri is null) throw new ArgumentNullException(nameof(uri));
            if (!uri.IsAbsoluteUri || string.IsNullOrEmpty(uri.Host))
            {
                throw new ArgumentException("An absolute https address with a host is required, for example https://host:443/.", nameof(uri));
            }
        }
    }
}
