using System;
using System.Management.Automation;
using GosApi.Crypto.Pki;
using GosApi.Crypto.Tls;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.Gost
{
    /// <summary>
    /// Starts stunnel with openssl's gost engine as a local plain-HTTP → GOST TLS tunnel to -Uri and returns the tunnel
    /// (LocalUri, RemoteUri, ProcessId, IsRunning, Problems). The server's chain is validated against -TrustedRootCertificate.
    /// The tunnel stops with Stop-GostTlsTunnel, when this runspace closes, when the module is removed, or when the process exits.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "GostTlsTunnel")]
    [OutputType(typeof(GostTlsTunnel))]
    public sealed class StartGostTlsTunnelCommand : GostCmdlet
    {
        /// <summary>The GOST TLS service, https://host[:port].</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNull]
        public Uri Uri { get; set; } = null!;

        /// <summary>GOST root certificates (objects or files) the server's chain must lead to.</summary>
        [Parameter(Mandatory = true)]
        [GostCertificatesTransformation]
        public GostCertificate[] TrustedRootCertificate { get; set; } = null!;

        /// <summary>Local loopback port; by default a free one.</summary>
        [Parameter]
        [ValidateRange(1, 65535)]
        public int LocalPort { get; set; }

        /// <summary>The stunnel program; by default stunnel4 or stunnel from PATH.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? StunnelPath { get; set; }

        protected override void ProcessRecord()
        {
            try
            {
                var options = new GostTlsTunnelOptions
                {
                    RemoteUri = Uri,
                    LocalPort = LocalPort,
                    StunnelPath = StunnelPath == null ? null : GetUnresolvedProviderPathFromPSPath(StunnelPath),
                };
                foreach (var root in TrustedRootCertificate) options.TrustedRoots.Add(root);
                var tunnel = Run(ct => GostTlsTunnel.StartAsync(options, ct));
                // Stopped with this runspace or when the module is removed from it, if not before.
                GostTlsTunnelRegistry.Add(System.Management.Automation.Runspaces.Runspace.DefaultRunspace, tunnel);
                WriteVerbose($"Started {tunnel}.");
                WriteObject(tunnel);
            }
            catch (Exception ex) when (IsReportable(ex))
            {
                Terminate(ex, Uri);
            }
        }
    }
}
