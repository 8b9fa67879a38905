using System;
using System.Collections.Generic;
using System.Linq;
using GosApi.Crypto.Pki;

namespace GosApi.Crypto.Tls
{
    /// <summary>One thing that keeps a GOST TLS connection from working, with what to do about it.</summary>
    public sealed class GostTlsProblem
    {
        public GostTlsProblem(string problem, string fix)
        {
            Problem = problem ?? throw new ArgumentNullException(nameof(problem));
            Fix = fix ?? throw new ArgumentNullException(nameof(fix));
        }

        /// <summary>What went wrong, in plain words.</summary>
        public string Problem { get; }

        /// <summary>What to do about it.</summary>
        public string Fix { get; }

        public override string ToString() => Problem + " Fix: " + Fix;
    }

    /// <summary>The result of <see cref="GostTlsProbe"/>: what a GOST TLS handshake with a server gave. Never thrown: every failure is a <see cref="Problems"/> entry.</summary>
    public sealed class GostTlsProbeResult
    {
        internal GostTlsProbeResult(Uri uri, bool reachable, string? protocol, string? cipherSuite, IReadOnlyList<GostCertificate> serverCertificates, bool? chainValid, string? chainError, IReadOnlyList<GostTlsProblem> problems)
        {
            Uri = uri;
            Reachable = reachable;
            Protocol = protocol;
            CipherSuite = cipherSuite;
            CipherSuiteId = cipherSuite is null ? null : GostTlsProbe.SuiteId(cipherSuite);
            ServerCertificates = serverCertificates;
            ChainValid = chainValid;
            ChainError = chainError;
            Problems = problems;
        }

        /// <summary>The probed address.</summary>
        public Uri Uri { get; }

        /// <summary>Whether a TCP connection to the host and port was made.</summary>
        public bool Reachable { get; }

        /// <summary>The negotiated protocol (TLSv1.2); null when no handshake completed.</summary>
        public string? Protocol { get; }

        /// <summary>The negotiated suite by its OpenSSL name (LEGACY-GOST2012-GOST8912-GOST8912); null when no handshake completed.</summary>
        public string? CipherSuite { get; }

        /// <summary>The suite's TLS code point, for example 0xFF85 (shown as 65413); null when unknown or none.</summary>
        public int? CipherSuiteId { get; }

        /// <summary>The suite's code point in hex (0xFF85).</summary>
        public string? CipherSuiteHex => CipherSuiteId is int id ? "0x" + id.ToString("X4", System.Globalization.CultureInfo.InvariantCulture) : null;

        /// <summary>Whether the negotiated suite is a GOST one.</summary>
        public bool IsGostSuite => CipherSuiteId is int id && GostTlsProbe.GostSuiteIds.Contains(id);

        /// <summary>The certificates the server sent, its own first.</summary>
        public IReadOnlyList<GostCertificate> ServerCertificates { get; }

        /// <summary>Whether the server's chain ends at one of the trusted roots, every certificate valid now; null when no roots were given or no certificate came.</summary>
        public bool? ChainValid { get; }

        /// <summary>Why the chain did not validate; null when it did or was not checked.</summary>
        public string? ChainError { get; }

        /// <summary>What is wrong, each with a fix; empty when the GOST TLS connection works.</summary>
        public IReadOnlyList<GostTlsProblem> Problems { get; }

        /// <summary>True when the handshake used a GOST suite, the chain was valid or not checked, and nothing is wrong.</summary>
        public bool Success => Reachable && IsGostSuite && ChainValid != false && Problems.Count == 0;

        public override string ToString() => Success
            ? Uri + ": " + Protocol + " " + CipherSuite + " (" + CipherSuiteHex + ")"
            : Uri + ": " + string.Join("; ", Problems.Select(p => p.Problem));
    }
}
