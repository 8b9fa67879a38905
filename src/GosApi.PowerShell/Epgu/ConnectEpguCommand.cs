using System;
using System.Management.Automation;
using System.Security;
using GosApi.Epgu;
using GosApi.Http;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.Epgu
{
    /// <summary>Connects to an EPGU contour and makes the session the default for the other Epgu cmdlets.</summary>
    [Cmdlet(VerbsCommunications.Connect, "Epgu", DefaultParameterSetName = AccessTokenSet)]
    [OutputType(typeof(EpguSession))]
    public sealed class ConnectEpguCommand : ConnectCmdlet
    {
        private const string AccessTokenSet = "AccessToken";
        private const string TokenProviderSet = "TokenProvider";
        private const string ApiKeySet = "ApiKey";

        protected override GosApiService Service => GosApiService.Epgu;

        // Enum parameters are strings with a ValidateSet: a field of a GosApi.Core value type would make PowerShell
        // load GosApi.Core while it inspects the cmdlets, before the dependency resolver is registered.
        [Parameter(Position = 0)]
        [ValidateSet(nameof(EpguEnvironment.Sandbox), nameof(EpguEnvironment.Test), nameof(EpguEnvironment.GostTest), nameof(EpguEnvironment.Production))]
        public string Environment { get; set; } = nameof(EpguEnvironment.Test);

        [Parameter]
        [ValidateNotNull]
        public Uri? BaseUri { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = AccessTokenSet)]
        [ValidateNotNull]
        public SecureString AccessToken { get; set; } = null!;

        [Parameter(Mandatory = true, ParameterSetName = TokenProviderSet)]
        [ValidateNotNull]
        public ScriptBlock TokenProvider { get; set; } = null!;

        /// <summary>The information system's API key; the token is requested from ESIA with a GOST signature of it.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ApiKeySet)]
        [ValidateNotNull]
        public SecureString ApiKey { get; set; } = null!;

        /// <summary>The organisation's certificate and key that sign the API key (credential or signer).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ApiKeySet)]
        [GostSignerTransformation]
        public GosApi.Crypto.Signers.IGostSigner SignWith { get; set; } = null!;

        /// <summary>ESIA address for the API-key flow; by default the one of -Environment (the sandbox serves it itself).</summary>
        [Parameter(ParameterSetName = ApiKeySet)]
        [ValidateNotNull]
        public Uri? EsiaUri { get; set; }

        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long MinChunkSize { get; set; } = 1 * EpguSessionOptions.Megabyte;

        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long MaxChunkSize { get; set; } = 5 * EpguSessionOptions.Megabyte;

        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long MaxPushSize { get; set; } = 5 * EpguSessionOptions.Megabyte;

        [Parameter]
        public TimeSpan ChunkWindow { get; set; } = TimeSpan.FromMinutes(5);

        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 4;

        [Parameter]
        [ValidateSet(nameof(EpguDownloadRoute.Storage), nameof(EpguDownloadRoute.Gusmev))]
        public string DownloadRoute { get; set; } = nameof(EpguDownloadRoute.Storage);

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? CancelReason { get; set; }

        /// <summary>A tunnel from Start-GostTlsTunnel: requests go to its local port with the remote's Host header.</summary>
        [Parameter]
        [ValidateNotNull]
        public GosApi.Crypto.Tls.GostTlsTunnel? GostTlsTunnel { get; set; }

        /// <summary>
        /// GOST TLS in-process (PowerShell 7 on Linux: OpenSSL with the gost engine; Windows: SChannel with CryptoPro CSP).
        /// On by default for GostTest and Production without -BaseUri, and whenever -TrustedRootCertificate is given;
        /// -GostTls:$false turns it off.
        /// </summary>
        [Parameter]
        public SwitchParameter GostTls { get; set; }

        /// <summary>GOST roots (objects or files) the server's GOST certificate must chain to; implies -GostTls.</summary>
        [Parameter]
        [GostCertificatesTransformation]
        public GosApi.Crypto.Pki.GostCertificate[]? TrustedRootCertificate { get; set; }

        protected override void ProcessRecord()
        {
            try
            {
                var options = new EpguSessionOptions
                {
                    MinChunkSize = MinChunkSize,
                    MaxChunkSize = MaxChunkSize,
                    MaxPushSize = MaxPushSize,
                    ChunkWindow = ChunkWindow,
                    ThrottleLimit = ThrottleLimit,
                    DownloadRoute = Parse<EpguDownloadRoute>(DownloadRoute),
                    DefaultCancelReason = CancelReason,
                };
                var http = HttpOptions();
                // With -BaseUri, an explicit -Environment still names the contour behind it (e.g. a local GOST TLS tunnel to Production).
                var environment = BaseUri != null && !MyInvocation.BoundParameters.ContainsKey(nameof(Environment)) ? EpguEnvironment.Custom : Parse<EpguEnvironment>(Environment);
                var baseUri = BaseUri ?? EpguEnvironments.BaseUriOf(environment);
                System.Net.Http.HttpMessageHandler? handler = null;
                if (GostTlsTunnel != null)
                {
                    if (GostTls.IsPresent || TrustedRootCertificate != null)
                        throw new ArgumentException("-GostTlsTunnel already carries GOST TLS and checks the server against the roots given to Start-GostTlsTunnel: leave out -GostTls and -TrustedRootCertificate.", nameof(GostTlsTunnel));
                    if (!GostTlsTunnel.IsRunning) throw new ArgumentException($"{GostTlsTunnel} is not running; start a new one with Start-GostTlsTunnel.", nameof(GostTlsTunnel));
                    // The tunnel reaches its remote only: -BaseUri (if any) may add a path, never another host.
                    if (BaseUri == null && !MyInvocation.BoundParameters.ContainsKey(nameof(Environment))) environment = EpguEnvironment.Custom;
                    baseUri = new Uri(GostTlsTunnel.LocalUri, (BaseUri ?? GostTlsTunnel.RemoteUri).PathAndQuery);
                    handler = GostTlsTunnel.CreateHttpHandler();
                }
                else if (UseGostTls(environment))
                {
                    // Before any network call: a missing engine or CSP fails here with what to install.
                    handler = CreateGostTransport().Handler;
                }
                var esiaUri = EsiaUri ?? GosApi.Esia.EsiaEnvironments.BaseUriFor(environment, baseUri);
                var esiaHandler = handler;
                if (GostTlsTunnel != null && ParameterSetName == ApiKeySet)
                {
                    // The ESIA token request takes the tunnel too when ESIA is on the tunnel's remote (the sandbox serves both).
                    if (GostTlsTunnel.Carries(esiaUri))
                    {
                        esiaUri = GostTlsTunnel.ToLocal(esiaUri);
                        esiaHandler = GostTlsTunnel.CreateHttpHandler();
                    }
                    else
                    {
                        esiaHandler = null;
                        WriteVerbose($"ESIA {esiaUri.GetLeftPart(UriPartial.Authority)} is not behind {GostTlsTunnel}; its token requests go to it directly.");
                    }
                }
                ITokenSource tokens = ParameterSetName switch
                {
                    TokenProviderSet => new ScriptBlockTokenSource(TokenProvider),
                    ApiKeySet => new GosApi.Esia.EsiaApiKeyTokenSource(esiaUri, SecretText.Reveal(ApiKey), SignWith, http, esiaHandler),
                    _ => new StaticTokenSource(new AccessToken(SecretText.Reveal(AccessToken))),
                };
                var session = new EpguSession(environment, baseUri, tokens, options, http, handler);
                // Fetch the first token now so that a broken provider fails here, not in the middle of an upload.
                var token = Run(ct => session.GetTokenAsync(ct));
                if (token.IsExpiredAt(DateTimeOffset.UtcNow, TimeSpan.Zero))
                    WriteWarning($"The access token expired at {token.ExpiresAt:u}; requests will fail with 401 until a new one is given.");
                WriteVerbose($"Connected to {session} ({session.AuthenticationMethod}).");
                SessionStore.Epgu = session;
                WriteObject(session);
            }
            catch (Exception ex) when (IsReportable(ex))
            {
                Terminate(ex, BaseUri ?? (object)Environment);
            }
        }

        /// <summary>-GostTls as given; otherwise on with -TrustedRootCertificate or for the GOST-only contours at their own address.</summary>
        private bool UseGostTls(EpguEnvironment environment)
        {
            var given = MyInvocation.BoundParameters.ContainsKey(nameof(GostTls));
            if (given && !GostTls.IsPresent && TrustedRootCertificate != null)
                throw new ArgumentException("-TrustedRootCertificate is for GOST TLS: leave it out, or leave out -GostTls:$false.", nameof(TrustedRootCertificate));
            if (given) return GostTls.IsPresent;
            return TrustedRootCertificate != null || (BaseUri == null && (environment == EpguEnvironment.GostTest || environment == EpguEnvironment.Production));
        }

        private GosApi.Crypto.Tls.GostTlsTransport CreateGostTransport()
        {
            var options = new GosApi.Crypto.Tls.GostTlsTransportOptions();
            foreach (var root in TrustedRootCertificate ?? new GosApi.Crypto.Pki.GostCertificate[0]) options.TrustedRoots.Add(root);
            var transport = GosApi.Crypto.Tls.GostTlsTransport.Create(options);
            WriteVerbose($"GOST TLS in-process: {transport.Description}; GOST servers are checked against {options.TrustedRoots.Count} trusted root(s) given and the system's.");
            if (options.TrustedRoots.Count == 0 && !System.Runtime.InteropServices.RuntimeInformation.IsOSPlatform(System.Runtime.InteropServices.OSPlatform.Windows))
                WriteWarning("No -TrustedRootCertificate: a GOST server certificate is then accepted only if this system's trust store already holds its root; give the contour's GOST root (for example the Минцифры root) with -TrustedRootCertificate.");
            return transport;
        }
    }
}
