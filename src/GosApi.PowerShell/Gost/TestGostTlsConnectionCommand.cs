using System;
using System.Management.Automation;
using GosApi.Crypto.Pki;
using GosApi.Crypto.Tls;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.Gost
{
    /// <summary>
    /// Checks that a server answers GOST TLS (0xFF85, 0xC100–0xC102) by running openssl s_client with the gost engine,
    /// and reports the negotiated protocol and suite, the server's certificates, the chain against -TrustedRootCertificate
    /// and what is wrong, each with a fix. A failed connection is a result, not an error.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "GostTlsConnection")]
    [OutputType(typeof(GostTlsProbeResult))]
    public sealed class TestGostTlsConnectionCommand : GostCmdlet
    {
        /// <summary>The https address of the GOST endpoint; port 443 unless given.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public Uri Uri { get; set; } = null!;

        /// <summary>Roots (objects or files) to build the server's chain to; without them the chain is not checked.</summary>
        [Parameter]
        [GostCertificatesTransformation]
        public GostCertificate[]? TrustedRootCertificate { get; set; }

        /// <summary>Longest time the handshake may take, in seconds.</summary>
        [Parameter]
        [ValidateRange(1, 600)]
        public int TimeoutSec { get; set; } = 15;

        protected override void ProcessRecord()
        {
            TryRun(() =>
            {
                if (!Uri.IsAbsoluteUri || !string.Equals(Uri.Scheme, "https", StringComparison.OrdinalIgnoreCase))
                {
                    throw new ArgumentException($"'{Uri}' is not an https address; give the GOST endpoint as https://host[:port]/.", nameof(Uri));
                }
                var options = new GostTlsProbeOptions { Timeout = TimeSpan.FromSeconds(TimeoutSec) };
                foreach (var root in TrustedRootCertificate ?? new GostCertificate[0]) options.TrustedRoots.Add(root);
                var probe = new GostTlsProbe(options);
                var result = Run(ct => probe.ProbeAsync(Uri, ct));
                foreach (var problem in result.Problems) WriteVerbose($"{Uri.Host}:{Uri.Port}: {problem.Problem} Fix: {problem.Fix}");
                WriteObject(result);
            }, Uri);
        }
    }
}
