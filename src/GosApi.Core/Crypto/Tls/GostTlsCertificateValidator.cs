using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using GosApi.Crypto.Cms;
using GosApi.Crypto.Pki;

namespace GosApi.Crypto.Tls
{
    /// <summary>
    /// Decides whether to trust a TLS server, never by switching validation off: a certificate the system already
    /// trusts (no policy errors, e.g. a GOST root in the Windows store with CryptoPro) is accepted; a GOST R 34.10-2012
    /// certificate must chain (through the certificates the server sent) to one of the given GOST roots, be valid now,
    /// allow server authentication and name the host. Why a server was refused is kept per host for
    /// <see cref="GostTlsHandler"/> to report.
    /// </summary>
    internal sealed class GostTlsCertificateValidator
    {
        private const string ServerAuth = "1.3.6.1.5.5.7.3.1";
        private const string AnyExtendedKeyUsage = "2.5.29.37.0";

        private readonly IReadOnlyList<GostCertificate> roots;
        private readonly Func<DateTimeOffset> clock;
        private readonly ConcurrentDictionary<string, string> refusals = new ConcurrentDictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        internal GostTlsCertificateValidator(IEnumerable<GostCertificate> roots, Func<DateTimeOffset>? clock = null)
        {
            this.roots = roots.ToList();
            this.clock = clock ?? (() => DateTimeOffset.UtcNow);
        }

        /// <summary>The certificate callback of SslOptions / HttpClientHandler; <paramref name="host"/> is the name connected to (null: unknown).</summary>
        internal bool Validate(string? host, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
        {
            var refusal = Check(host, certificate, chain, errors);
            if (refusal == null) return true;
            refusals[host ?? string.Empty] = refusal;
            return false;
        }

        /// <summary>Why the server was refused on the last attempt to <paramref name="host"/> (consumed); null when it was not.</summary>
        internal string? TakeRefusal(string host) =>
            refusals.TryRemove(host, out var reason) || refusals.TryRemove(string.Empty, out reason) ? reason : null;

        /// <summary>Null when the server is trusted, else why not (with the fix). <paramref name="host"/> null: the runtime's own name check decides.</summary>
        internal string? Check(string? host, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
        {
            if (certificate == null || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0) return "The server sent no certificate.";
            if (errors == SslPolicyErrors.None) return null;
            var leaf = TryGost(certificate);
            if (leaf == null)
            {
                return "The server's certificate (" + certificate.Subject + ") is not a GOST certificate and this system does not trust it (" + errors + ")"
                    + ": for a GOST contour check that this is its GOST address; otherwise add its issuer to the system's trusted roots.";
            }
            if (roots.Count == 0)
            {
                return "The server's GOST certificate " + leaf.Subject + " cannot be checked: no trusted GOST root was given"
                    + " — add the GOST root that issued it with -TrustedRootCertificate (validation is never switched off).";
            }
            var problems = new List<string>();
            var (status, _) = GostChainBuilder.Build(leaf, SentCertificates(chain).Where(c => !c.Equals(leaf)), roots.ToList(), clock(), problems);
            if (status != GostChainStatus.Trusted)
            {
                return "The server's GOST certificate " + leaf.Subject + " is not trusted: " + (problems.FirstOrDefault() ?? status.ToString())
                    + " — add the GOST root (and intermediate CA) that issued it with -TrustedRootCertificate.";
            }
            if (leaf.ExtendedKeyUsage.Count > 0 && !leaf.ExtendedKeyUsage.Contains(ServerAuth) && !leaf.ExtendedKeyUsage.Contains(AnyExtendedKeyUsage))
            {
                return "The server's GOST certificate " + leaf.Subject + " is not for TLS servers (its extended key usage lacks serverAuth).";
            }
            var nameMatches = host == null ? (errors & SslPolicyErrors.RemoteCertificateNameMismatch) == 0 : GostTlsHostName.Matches(leaf, host);
            if (!nameMatches)
            {
                return "The server's GOST certificate is for " + string.Join(", ", GostTlsHostName.NamesOf(leaf)) + ", not for " + (host ?? "the host asked for")
                    + ": connect by the name in the certificate.";
            }
            return null;
        }

        private static IEnumerable<GostCertificate> SentCertificates(X509Chain? chain)
        {
            if (chain == null) yield break;
            // ExtraStore holds what the server sent; the elements what the runtime managed to build from it.
            var all = chain.ChainPolicy.ExtraStore.Cast<X509Certificate2>().Concat(chain.ChainElements.Cast<X509ChainElement>().Select(e => e.Certificate));
            foreach (var certificate in all)
            {
                var gost = TryGost(certificate);
                if (gost != null) yield return gost;
            }
        }

        private static GostCertificate? TryGost(X509Certificate certificate)
        {
            try
            {
                return GostCertificate.FromDer(certificate.GetRawCertData());
            }
            catch (Exception ex) when (ex is GostCryptoException || ex is ArgumentException || ex is FormatException || ex is InvalidOperationException || ex is Org.BouncyCastle.Security.SecurityUtilityException || ex is System.IO.IOException)
            {
                return null;
            }
        }
    }
}
