using System;
using System.Collections.Generic;
using GosApi.Crypto.Pki;

namespace GosApi.Crypto.Cms
{
    /// <summary>How far the signer's certificate chains to a trusted root.</summary>
    public enum GostChainStatus
    {
        /// <summary>No trusted roots were given, so the chain was not built.</summary>
        NotChecked,
        /// <summary>The chain ends at a trusted root and every certificate is valid at the verification time.</summary>
        Trusted,
        /// <summary>The chain ends at a self-signed root that is not among the trusted roots.</summary>
        UntrustedRoot,
        /// <summary>An issuer certificate could not be found (not in the signature, the extra certificates or the trusted roots).</summary>
        PartialChain,
        /// <summary>A certificate of the chain had expired at the verification time.</summary>
        Expired,
        /// <summary>A certificate of the chain was not yet valid at the verification time.</summary>
        NotYetValid,
        /// <summary>A certificate's signature does not verify with its issuer's key.</summary>
        InvalidCertificateSignature,
        /// <summary>An issuer certificate is not a CA (basicConstraints).</summary>
        NotCertificateAuthority,
        /// <summary>The signer's certificate is unknown, so there is no chain.</summary>
        NoSignerCertificate,
    }

    /// <summary>The result of verifying a CMS signature. Never thrown: every failure is a <see cref="Problems"/> entry.</summary>
    public sealed class GostSignatureInfo
    {
        internal GostSignatureInfo(
            bool isSignatureValid,
            bool isValid,
            GostCertificate? signerCertificate,
            DateTimeOffset? signingTime,
            string? digestAlgorithm,
            string? signatureAlgorithm,
            GostChainStatus chainStatus,
            IReadOnlyList<GostCertificate> chain,
            IReadOnlyList<string> problems,
            bool isDetached,
            int signerCount,
            bool hasSigningCertificateV2)
        {
            IsSignatureValid = isSignatureValid;
            IsValid = isValid;
            SignerCertificate = signerCertificate;
            SigningTime = signingTime;
            DigestAlgorithm = digestAlgorithm;
            SignatureAlgorithm = signatureAlgorithm;
            ChainStatus = chainStatus;
            Chain = chain;
            Problems = problems;
            IsDetached = isDetached;
            SignerCount = signerCount;
            HasSigningCertificateV2 = hasSigningCertificateV2;
        }

        /// <summary>
        /// True when every signer's signature is valid and, if trusted roots were given, the chain is <see cref="GostChainStatus.Trusted"/>.
        /// </summary>
        public bool IsValid { get; }

        /// <summary>True when the signature values and message digests verify (content unchanged, signed by the certificate's key), whatever the chain.</summary>
        public bool IsSignatureValid { get; }

        /// <summary>The (first) signer's certificate; null when it is neither in the signature nor among the extra certificates.</summary>
        public GostCertificate? SignerCertificate { get; }

        /// <summary>The signingTime attribute (as claimed by the signer, not a trusted time stamp).</summary>
        public DateTimeOffset? SigningTime { get; }

        /// <summary>Digest algorithm OID, e.g. 1.2.643.7.1.1.2.2.</summary>
        public string? DigestAlgorithm { get; }

        /// <summary>"GOST R 34.11-2012 256-bit" etc., or the OID when unknown.</summary>
        public string? DigestAlgorithmName => DigestAlgorithm switch
        {
            GostParameterSets.Digest256Oid => "GOST R 34.11-2012 256-bit",
            GostParameterSets.Digest512Oid => "GOST R 34.11-2012 512-bit",
            _ => DigestAlgorithm,
        };

        /// <summary>The SignerInfo's signature algorithm OID, e.g. 1.2.643.7.1.1.1.1.</summary>
        public string? SignatureAlgorithm { get; }

        public GostChainStatus ChainStatus { get; }

        /// <summary>Signer first, then issuers up to the root as far as built; empty when not checked.</summary>
        public IReadOnlyList<GostCertificate> Chain { get; }

        /// <summary>Plain-English reasons for failures and warnings; empty when all is well.</summary>
        public IReadOnlyList<string> Problems { get; }

        /// <summary>Whether the signature was detached (content outside the signature).</summary>
        public bool IsDetached { get; }

        /// <summary>Number of SignerInfos; all of them are verified.</summary>
        public int SignerCount { get; }

        /// <summary>Whether the signer put a signingCertificateV2 attribute in (ESIA requires it).</summary>
        public bool HasSigningCertificateV2 { get; }

        public override string ToString() =>
            (IsValid ? "Valid" : "Invalid") + " signature by " + (SignerCertificate?.Subject ?? "an unknown signer")
            + (Problems.Count > 0 ? ": " + string.Join("; ", Problems) : string.Empty);
    }
}
