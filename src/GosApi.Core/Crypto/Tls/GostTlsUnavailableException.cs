using System;
using System.Collections.Generic;
using System.Linq;
using GosApi.Crypto.Pki;

namespace GosApi.Crypto.Tls
{
    /// <summary>
    /// In-process GOST TLS cannot work on this machine (no gost engine, no OpenSSL 3, no CryptoPro CSP on Windows, an
    /// unsupported runtime). Raised before any network call; the message ends with what to install or do.
    /// </summary>
    public sealed class GostTlsUnavailableException : GostCryptoException
    {
        public GostTlsUnavailableException(string message, params GostTlsProblem[] problems)
            : base(message + " " + string.Join(" ", problems.Select(p => "Fix: " + p.Fix)))
        {
            Problems = problems.ToList();
        }

        /// <summary>What is missing, each with its fix.</summary>
        public IReadOnlyList<GostTlsProblem> Problems { get; }
    }
}
