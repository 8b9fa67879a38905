using System;
using System.Collections.Generic;
using GosApi.Crypto.Pki;

namespace GosApi.Crypto.Tls
{
    /// <summary>Settings of <see cref="GostTlsTunnel"/>.</summary>
    public sealed class GostTlsTunnelOptions
    {
        /// <summary>The GOST TLS service, https://host[:port]/ (port 443 unless given).</summary>
        public Uri? RemoteUri { get; set; }

        /// <summary>GOST root certificates the server's chain must lead to (written to stunnel's CAfile). Required: validation is never switched off.</summary>
        public IList<GostCertificate> TrustedRoots { get; } = new List<GostCertificate>();

        /// <summary>Local loopback port; 0 picks a free one.</summary>
        public int LocalPort { get; set; }

        /// <summary>The stunnel program; null looks for stunnel4, then stunnel on PATH.</summary>
        public string? StunnelPath { get; set; }

        /// <summary>gost.so; null finds it through <c>openssl version -e</c> (ENGINESDIR) or the usual places.</summary>
        public string? EnginePath { get; set; }

        /// <summary>The openssl program used to find the engine; default "openssl" from PATH.</summary>
        public string OpenSslPath { get; set; } = "openssl";

        /// <summary>How long to wait for the local port to accept connections; default 15 seconds.</summary>
        public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(15);
    }
}
