using System;
using System.Collections.Generic;
using System.Linq;
using GosApi.Crypto.Pki;

namespace GosApi.Crypto.Cms
{
    /// <summary>Builds and checks a GOST certificate chain to trusted roots: for CMS signers and TLS servers alike.</summary>
    internal static class GostChainBuilder
    {
        /// <summary>
        /// The chain from <paramref name="leaf"/> through <paramref name="candidates"/> to one of <paramref name="roots"/>,
        /// checking each issuer's signature, CA flag and every certificate's validity at <paramref name="time"/>.
        /// Why it failed goes to <paramref name="problems"/>.
        /// </summary>
        public static (GostChainStatus Status, IReadOnlyList<GostCertificate> Chain) Build(GostCertificate? leaf, IEnumerable<GostCertificate> candidates,
            ICollection<GostCertificate> roots, DateTimeOffset time, List<string> problems)
        {
            if (leaf is null) return (GostChainStatus.NoSignerCertificate, Array.Empty<GostCertificate>());
            var signer = leaf;
            var pool = candidates.Concat(roots).ToList();
            var chain = new List<GostCertificate> { signer };
            var current = signer;
            GostChainStatus status;
            while (true)
            {
                if (roots.Contains(current))
                {
                    status = GostChainStatus.Trusted;
                    break;
                }
                if (current.IsSelfIssued && current.IsSignedBy(current))
                {
                    problems.Add("The chain ends at the root " + current.Subject + ", which is not trusted.");
                    status = GostChainStatus.UntrustedRoot;
                    break;
                }
                var byName = pool.Where(c => !chain.Contains(c) && current.IssuedBy(c)).ToList();
                var issuer = byName.FirstOrDefault(c => current.AuthorityKeyIdentifier is null || c.SubjectKeyIdentifier is null || c.SubjectKeyIdentifier == current.AuthorityKeyIdentifier) is GostCertificate preferred && current.IsSignedBy(preferred)
                    ? preferred
                    : byName.FirstOrDefault(current.IsSignedBy);
                if (issuer is null)
                {
                    if (byName.Count > 0)
                    {
                        problems.Add("The certificate " + current.Subject + " is not signed by its issuer's key (forged or damaged certificate).");
                        status = GostChainStatus.InvalidCertificateSignature;
                    }
                    else
                    {
                        problems.Add("The issuer of " + current.Subject + " (" + current.Issuer + ") was not found; pass it in ExtraCertificates or TrustedRoots.");
                        status = GostChainStatus.PartialChain;
                    }
                    break;
                }
                if (!issuer.IsCa && !roots.Contains(issuer))
                {
                    problems.Add("The issuer " + issuer.Subject + " is not a certification authority (basicConstraints).");
                    status = GostChainStatus.NotCertificateAuthority;
                    chain.Add(issuer);
                    break;
                }
                chain.Add(issuer);
                current = issuer;
                if (chain.Count > 10)
                {
                    problems.Add("The chain is longer than 10 certificates.");
                    status = GostChainStatus.PartialChain;
                    break;
                }
            }
            if (status == GostChainStatus.Trusted)
            {
                foreach (var certificate in chain)
                {
                    if (time > certificate.NotAfter)
                    {
                        problems.Add("The certificate " + certificate.Subject + " expired on " + certificate.NotAfter.ToString("u", System.Globalization.CultureInfo.InvariantCulture) + ".");
                        return (GostChainStatus.Expired, chain);
                    }
                    if (time < certificate.NotBefore)
                    {
                        problems.Add("The certificate " + certificate.Subject + " is not valid before " + certificate.NotBefore.ToString("u", System.Globalization.CultureInfo.InvariantCulture) + ".");
                        return (GostChainStatus.NotYetValid, chain);
                    }
                }
            }
            return (status, chain);
        }

    }
}
