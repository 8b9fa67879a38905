using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Runtime.InteropServices;
using GosApi.Crypto.Pki;

namespace GosApi.Crypto.Tls
{
    /// <summary>Settings of <see cref="GostTlsTransport"/>.</summary>
    public sealed class GostTlsTransportOptions
    {
        /// <summary>GOST roots a GOST server certificate must chain to (certificates the system already trusts need none).</summary>
        public IList<GostCertificate> TrustedRoots { get; } = new List<GostCertificate>();

        /// <summary>gost.so to load; null: <see cref="GostEngine.PathVariable"/>, else OpenSSL's engines directory and the usual places.</summary>
        public string? EnginePath { get; set; }

        /// <summary>The time certificates must be valid at; null: now.</summary>
        internal Func<DateTimeOffset>? Clock { get; set; }
    }

    /// <summary>
    /// An HTTP handler that speaks GOST TLS in-process: on Linux (.NET Core / PowerShell 7) .NET's own OpenSSL with the
    /// gost engine loaded and a cipher-suite policy offering 0xFF85, 0xC102, 0xC100, 0xC101 first and the usual modern
    /// suites after them (so ordinary TLS servers such as ESIA still work); on Windows SChannel, which speaks GOST when
    /// CryptoPro CSP is installed. Servers are validated by <see cref="GostTlsCertificateValidator"/> against the given
    /// GOST roots — never by switching validation off. Fails before any network call with what to install.
    /// </summary>
    public sealed class GostTlsTransport : IDisposable
    {
        /// <summary>The GOST TLS 1.2 suites, in the order offered: 0xFF85 (LEGACY-GOST2012-GOST8912-GOST8912), 0xC102, 0xC100, 0xC101.</summary>
        public static readonly IReadOnlyList<int> GostSuites = new[] { 0xFF85, 0xC102, 0xC100, 0xC101 };

        /// <summary>Offered after the GOST suites: TLS 1.3 and ECDHE AEAD TLS 1.2 suites, for servers that do not speak GOST.</summary>
        internal static readonly IReadOnlyList<int> OrdinarySuites = new[]
        {
            0x1302, 0x1303, 0x1301, // TLS_AES_256_GCM_SHA384, TLS_CHACHA20_POLY1305_SHA256, TLS_AES_128_GCM_SHA256
            0xC02C, 0xC030, 0xCCA9, 0xCCA8, 0xC02B, 0xC02F, // ECDHE-ECDSA/RSA with AES-GCM and ChaCha20-Poly1305
        };

        private GostTlsTransport(HttpMessageHandler handler, string description)
        {
            Handler = handler;
            Description = description;
        }

        /// <summary>The handler to give HttpClient / the API pipelines; one per session, shared by its EPGU and ESIA requests.</summary>
        public HttpMessageHandler Handler { get; }

        /// <summary>What carries the TLS: "OpenSSL with the gost engine (…)" or "SChannel with CryptoPro CSP".</summary>
        public string Description { get; }

        /// <summary>Whether in-process GOST TLS can be tried here at all (Linux with .NET Core, or Windows).</summary>
        public static bool IsSupportedPlatform =>
            RuntimeInformation.IsOSPlatform(OSPlatform.Windows) || (RuntimeInformation.IsOSPlatform(OSPlatform.Linux) && SocketsHandlerReflection.IsAvailable);

        /// <exception cref="GostTlsUnavailableException">GOST TLS cannot work in this process; the message says what to install.</exception>
        public static GostTlsTransport Create(GostTlsTransportOptions? options = null)
        {
            options ??= new GostTlsTransportOptions();
            var validator = new GostTlsCertificateValidator(options.TrustedRoots, options.Clock);
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return CreateSChannel(validator);
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux) || !SocketsHandlerReflection.IsAvailable)
            {
                throw new GostTlsUnavailableException("In-process GOST TLS needs PowerShell 7 on Linux (OpenSSL 3 with the gost engine) or Windows with CryptoPro CSP.",
                    new GostTlsProblem("This runtime (" + RuntimeInformation.FrameworkDescription + " on " + RuntimeInformation.OSDescription + ") cannot offer GOST cipher suites.",
                        "use Start-GostTlsTunnel (stunnel with the gost engine), then Connect-Epgu -GostTlsTunnel."));
            }
            var engine = GostEngine.EnsureLoaded(options.EnginePath);
            var description = "OpenSSL with the gost engine (" + engine + ")";
            HttpMessageHandler sockets;
            try
            {
                sockets = SocketsHandlerReflection.Create(GostSuites.Concat(OrdinarySuites).ToList(), (sender, certificate, chain, errors) =>
                    validator.Validate(SocketsHandlerReflection.TargetHost(sender), certificate, chain, errors));
            }
            catch (PlatformNotSupportedException ex)
            {
                throw new GostTlsUnavailableException("This .NET cannot restrict TLS cipher suites: " + ex.Message,
                    new GostTlsProblem("No CipherSuitesPolicy.", "use Start-GostTlsTunnel, then Connect-Epgu -GostTlsTunnel."));
            }
            return new GostTlsTransport(new GostTlsHandler(sockets, validator, description), description);
        }

        /// <summary>Windows: SChannel as is; it speaks GOST TLS only with CryptoPro CSP. Not testable on Linux.</summary>
        private static GostTlsTransport CreateSChannel(GostTlsCertificateValidator validator)
        {
            if (!CryptoProCsp.IsInstalled())
            {
                throw new GostTlsUnavailableException("Windows speaks GOST TLS only with CryptoPro CSP, which is not installed on this machine.",
                    new GostTlsProblem("CryptoPro CSP was not found (no HKLM\\SOFTWARE\\Crypto Pro key, no cpcsp.dll).", CryptoProCsp.Install + "."));
            }
            const string description = "SChannel with CryptoPro CSP";
            var handler = new HttpClientHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                ServerCertificateCustomValidationCallback = (request, certificate, chain, errors) => validator.Validate(request.RequestUri?.IdnHost, certificate, chain, errors),
            };
            return new GostTlsTransport(new GostTlsHandler(handler, validator, description), description);
        }

        public override string ToString() => Description;

        public void Dispose() => Handler.Dispose();
    }
}
