using System;
using System.Linq;
using System.Management.Automation;
using GosApi.Crypto.Pki;

namespace GosApi.PowerShell.Infrastructure
{
    /// <summary>
    /// Base of cmdlets that make a key and a subject (certificate requests, test certificates): the Russian and the
    /// usual subject fields, key parameters, key usage, EKU and the identification kind.
    /// </summary>
    public abstract class GostSubjectCmdlet : GostCmdlet
    {
        [Parameter] [Alias("CN")] public string? CommonName { get; set; }
        [Parameter] [Alias("O")] public string? Organization { get; set; }
        [Parameter] [Alias("OU")] public string? OrganizationalUnit { get; set; }
        [Parameter] [Alias("T")] public string? Title { get; set; }
        [Parameter] [Alias("SN")] public string? Surname { get; set; }
        [Parameter] [Alias("G")] public string? GivenName { get; set; }
        [Parameter] [Alias("L")] public string? Locality { get; set; }
        [Parameter] [Alias("ST")] public string? State { get; set; }
        [Parameter] public string? Street { get; set; }
        [Parameter] [Alias("E")] public string? Email { get; set; }
        [Parameter] [Alias("C")] public string? Country { get; set; }
        [Parameter] public string? Snils { get; set; }
        [Parameter] public string? Ogrn { get; set; }
        [Parameter] public string? Ogrnip { get; set; }
        [Parameter] public string? Inn { get; set; }
        [Parameter] public string? InnLe { get; set; }

        /// <summary>GOST R 34.10-2012 parameter set of the new key; 512-bit sets are Tc26512A/B/C.</summary>
        [Parameter]
        [ValidateSet("CryptoProA", "CryptoProB", "CryptoProC", "CryptoProXchA", "CryptoProXchB", "Tc26256A", "Tc26256B", "Tc26256C", "Tc26256D", "Tc26512A", "Tc26512B", "Tc26512C")]
        public string ParameterSet { get; set; } = "CryptoProA";

        [Parameter]
        [ValidateSet("DigitalSignature", "NonRepudiation", "KeyEncipherment", "DataEncipherment", "KeyAgreement", "KeyCertSign", "CrlSign", "EncipherOnly", "DecipherOnly")]
        public string[]? KeyUsage { get; set; }

        /// <summary>Extended key usage OIDs, e.g. 1.3.6.1.5.5.7.3.2 (client authentication), 1.3.6.1.5.5.7.3.4 (e-mail protection).</summary>
        [Parameter]
        public string[]? ExtendedKeyUsage { get; set; }

        /// <summary>Extension 1.2.643.100.114: how the applicant was identified.</summary>
        [Parameter]
        [ValidateSet("Personal", "RemoteWithQualifiedSignature", "RemoteWithBiometricPassport", "RemoteWithUnifiedBiometricSystem")]
        public string? IdentificationKind { get; set; }

        protected GostSubject BuildSubject()
        {
            var subject = new GostSubject
            {
                CommonName = CommonName, Organization = Organization, OrganizationalUnit = OrganizationalUnit, Title = Title,
                Surname = Surname, GivenName = GivenName, Locality = Locality, State = State, Street = Street, Email = Email,
                Country = Country, Snils = Snils, Ogrn = Ogrn, Ogrnip = Ogrnip, Inn = Inn, InnLe = InnLe,
            };
            subject.Validate().ThrowIfInvalid();
            return subject;
        }

        protected GostParameterSet ParsedParameterSet => Parse<GostParameterSet>(ParameterSet);

        protected GostKeyUsage? ParsedKeyUsage =>
            KeyUsage == null ? (GostKeyUsage?)null : KeyUsage.Aggregate(GostKeyUsage.None, (all, name) => all | Parse<GostKeyUsage>(name));

        protected GostIdentificationKind? ParsedIdentificationKind => IdentificationKind == null ? (GostIdentificationKind?)null : Parse<GostIdentificationKind>(IdentificationKind);
    }
}
