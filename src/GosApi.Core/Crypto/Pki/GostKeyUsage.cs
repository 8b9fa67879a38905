using System;

namespace GosApi.Crypto.Pki
{
    /// <summary>X.509 key usage bits (RFC 5280 §4.2.1.3); the values are those of .NET's X509KeyUsageFlags.</summary>
    [Flags]
    public enum GostKeyUsage
    {
        /// <summary>No keyUsage extension, or no bit set.</summary>
        None = 0,
        EncipherOnly = 0x01,
        CrlSign = 0x02,
        KeyCertSign = 0x04,
        KeyAgreement = 0x08,
        DataEncipherment = 0x10,
        KeyEncipherment = 0x20,
        /// <summary>Also called contentCommitment.</summary>
        NonRepudiation = 0x40,
        DigitalSignature = 0x80,
        DecipherOnly = 0x8000,
    }

    /// <summary>
    /// Identification kind of the certificate owner, extension 1.2.643.100.114 (INTEGER 0..3, Приказ ФСБ № 795 as amended):
    /// how the CA identified the applicant when issuing the certificate.
    /// </summary>
    public enum GostIdentificationKind
    {
        /// <summary>0: in person.</summary>
        Personal = 0,
        /// <summary>1: remotely, by a valid qualified electronic signature ("По действующей ЭП").</summary>
        RemoteWithQualifiedSignature = 1,
        /// <summary>2: remotely, by a biometric passport.</summary>
        RemoteWithBiometricPassport = 2,
        /// <summary>3: remotely, through ESIA and the unified biometric system.</summary>
        RemoteWithUnifiedBiometricSystem = 3,
    }

    /// <summary>OIDs used with GOST certificates.</summary>
    public static class GostOids
    {
        /// <summary>identificationKind extension (INTEGER).</summary>
        public const string IdentificationKind = "1.2.643.100.114";
        /// <summary>subjectSignTool extension (UTF8String: the owner's signature tool, e.g. "КриптоПро CSP").</summary>
        public const string SubjectSignTool = "1.2.643.100.111";
        /// <summary>issuerSignTool extension.</summary>
        public const string IssuerSignTool = "1.2.643.100.112";
        /// <summary>EKU: TLS server authentication.</summary>
        public const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";
        /// <summary>EKU: TLS client authentication.</summary>
        public const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";
        /// <summary>EKU: code signing.</summary>
        public const string CodeSigning = "1.3.6.1.5.5.7.3.3";
        /// <summary>EKU: e-mail protection.</summary>
        public const string EmailProtection = "1.3.6.1.5.5.7.3.4";
        /// <summary>EKU: time stamping.</summary>
        public const string TimeStamping = "1.3.6.1.5.5.7.3.8";
        /// <summary>Certificate policy: class КС1 of signature tools (1.2.643.100.113.1).</summary>
        public const string PolicyKc1 = "1.2.643.100.113.1";
        /// <summary>Certificate policy: class КС2 of signature tools.</summary>
        public const string PolicyKc2 = "1.2.643.100.113.2";
    }
}
