using System;

namespace GosApi.Crypto.Cms
{
    /// <summary>What goes into a CMS signature besides the signature value. The defaults make a CAdES-BES-shaped signature that ESIA and CryptoPro accept.</summary>
    public sealed class CmsSignatureOptions
    {
        /// <summary>Signed attribute signingTime (1.2.840.113549.1.9.5); default true.</summary>
        public bool IncludeSigningTime { get; set; } = true;

        /// <summary>The signingTime to write; default the current time.</summary>
        public DateTimeOffset? SigningTime { get; set; }

        /// <summary>
        /// Signed attribute signingCertificateV2 (1.2.840.113549.1.9.16.2.47) with an ESSCertIDv2 of the signer's certificate
        /// (GOST R 34.11-2012 hash of the same size as the key, plus issuer and serial); default true. ESIA rejects signatures without it.
        /// </summary>
        public bool IncludeSigningCertificateV2 { get; set; } = true;

        /// <summary>Put the signer's certificate into the signature; default true.</summary>
        public bool IncludeCertificate { get; set; } = true;

        /// <summary>Also put the issuer chain of the signer's credential into the signature; default false.</summary>
        public bool IncludeChain { get; set; }

        /// <summary>A copy with the same settings.</summary>
        public CmsSignatureOptions Clone() => (CmsSignatureOptions)MemberwiseClone();
    }
}
