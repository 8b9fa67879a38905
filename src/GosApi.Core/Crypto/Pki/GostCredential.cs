using System;
using System.Collections.Generic;
using System.Linq;

namespace GosApi.Crypto.Pki
{
    /// <summary>A certificate with its private key and the issuer chain (without the certificate itself; may be empty).</summary>
    public sealed class GostCredential
    {
        public GostCredential(GostCertificate certificate, GostPrivateKey privateKey, IEnumerable<GostCertificate>? chain = null)
        {
            Certificate = certificate ?? throw new ArgumentNullException(nameof(certificate));
            PrivateKey = privateKey ?? throw new ArgumentNullException(nameof(privateKey));
            if (!privateKey.Matches(certificate))
            {
                throw new GostCryptoException("The private key does not belong to the certificate " + certificate.Subject + ".");
            }
            Chain = (chain ?? Enumerable.Empty<GostCertificate>()).Where(c => !c.Equals(certificate)).ToArray();
        }

        public GostCertificate Certificate { get; }

        public GostPrivateKey PrivateKey { get; }

        /// <summary>Issuer certificates, nearest first when known.</summary>
        public IReadOnlyList<GostCertificate> Chain { get; }

        /// <summary>"CN=… [thumbprint] with private key": never key material.</summary>
        public override string ToString() => Certificate + " with private key";
    }
}
