using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Utilities.Encoders;

namespace GosApi.Crypto.Pki
{
    /// <summary>
    /// An X.509 certificate with a GOST R 34.10-2012 key. Immutable; read it with <see cref="FromDer"/>,
    /// <see cref="FromPem"/> or <see cref="Load"/>.
    /// </summary>
    public sealed class GostCertificate : IEquatable<GostCertificate>
    {
        internal const string PemLabel = "CERTIFICATE";

        private readonly byte[] der;

        internal GostCertificate(X509CertificateStructure structure, byte[] der)
        {
            Structure = structure;
            this.der = der;
            PublicKey = GostAlgorithms.DecodePublicKey(structure.SubjectPublicKeyInfo);
            Subject = GostNames.Format(structure.Subject);
            Issuer = GostNames.Format(structure.Issuer);
            SubjectFields = GostNames.Fields(structure.Subject);
            IssuerFields = GostNames.Fields(structure.Issuer);
            SerialNumber = structure.SerialNumber.Value.ToString(16).ToUpperInvariant();
            if (SerialNumber.Length % 2 == 1) SerialNumber = "0" + SerialNumber;
            NotBefore = new DateTimeOffset(structure.StartDate.ToDateTime().ToUniversalTime(), TimeSpan.Zero);
            NotAfter = new DateTimeOffset(structure.EndDate.ToDateTime().ToUniversalTime(), TimeSpan.Zero);
            var sha1 = new Sha1Digest();
            Thumbprint = Hex.ToHexString(Digest(sha1)).ToUpperInvariant();
            GostThumbprint = Hex.ToHexString(GetGostHash()).ToUpperInvariant();

            var extensions = structure.TbsCertificate.Extensions;
            if (extensions != null)
            {
                var ku = extensions.GetExtension(X509Extensions.KeyUsage);
                if (ku != null)
                {
                    var bits = DerBitString.GetInstance(ku.GetParsedValue());
                    KeyUsage = (GostKeyUsage)bits.IntValue;
                }
                var eku = extensions.GetExtension(X509Extensions.ExtendedKeyUsage);
                if (eku != null)
                {
                    ExtendedKeyUsage = Asn1Sequence.GetInstance(eku.GetParsedValue()).Cast<Asn1Encodable>().Select(o => DerObjectIdentifier.GetInstance(o).Id).ToArray();
                }
                var bc = extensions.GetExtension(X509Extensions.BasicConstraints);
                if (bc != null)
                {
                    var constraints = BasicConstraints.GetInstance(bc.GetParsedValue());
                    IsCa = constraints.IsCA();
                    PathLengthConstraint = constraints.PathLenConstraint is null ? (int?)null : constraints.PathLenConstraint.IntValue;
                }
                var kind = extensions.GetExtension(new DerObjectIdentifier(GostOids.IdentificationKind));
                if (kind != null)
                {
                    IdentificationKind = ReadIdentificationKind(kind.Value.GetOctets());
                }
                var ski = extensions.GetExtension(X509Extensions.SubjectKeyIdentifier);
                if (ski != null) SubjectKeyIdentifier = Hex.ToHexString(Asn1OctetString.GetInstance(ski.GetParsedValue()).GetOctets()).ToUpperInvariant();
                var aki = extensions.GetExtension(X509Extensions.AuthorityKeyIdentifier);
                if (aki != null)
                {
                    var id = Org.BouncyCastle.Asn1.X509.AuthorityKeyIdentifier.GetInstance(aki.GetParsedValue()).GetKeyIdentifier();
                    if (id != null) AuthorityKeyIdentifier = Hex.ToHexString(id).ToUpperInvariant();
                }
            }
        }

        internal X509CertificateStructure Structure { get; }

        internal GostPublicKey PublicKey { get; }

        /// <summary>The DER encoding (a copy).</summary>
        public byte[] RawData => (byte[])der.Clone();

        /// <summary>RFC 4514 form, CN first, e.g. "CN=Иванов Иван, O=ООО Ромашка, C=RU, INNLE=7707083893".</summary>
        public string Subject { get; }

        public string Issuer { get; }

        /// <summary>Subject attributes by name (CN, O, OU, T, SN, G, L, S, STREET, E, C, SNILS, OGRN, OGRNIP, INN, INNLE; OIDs for others), case-insensitive.</summary>
        public IReadOnlyDictionary<string, string> SubjectFields { get; }

        public IReadOnlyDictionary<string, string> IssuerFields { get; }

        /// <summary>Serial number, upper-case hex, as Windows shows it.</summary>
        public string SerialNumber { get; }

        public DateTimeOffset NotBefore { get; }

        public DateTimeOffset NotAfter { get; }

        /// <summary>SHA-1 of the DER, upper-case hex (the Windows/CryptoPro thumbprint, used by cryptcp -thumbprint).</summary>
        public string Thumbprint { get; }

        /// <summary>GOST R 34.11-2012 256-bit hash of the DER, upper-case hex (what ESIA calls the certificate hash).</summary>
        public string GostThumbprint { get; }

        public GostParameterSet ParameterSet => PublicKey.ParameterSet;

        /// <summary>256 or 512.</summary>
        public int KeySize => PublicKey.KeySize;

        /// <summary>The keyUsage bits; <see cref="GostKeyUsage.None"/> when the extension is absent.</summary>
        public GostKeyUsage KeyUsage { get; }

        /// <summary>Extended key usage OIDs; empty when the extension is absent.</summary>
        public IReadOnlyList<string> ExtendedKeyUsage { get; } = Array.Empty<string>();

        /// <summary>identificationKind (1.2.643.100.114) when present.</summary>
        public GostIdentificationKind? IdentificationKind { get; }

        /// <summary>basicConstraints cA.</summary>
        public bool IsCa { get; }

        public int? PathLengthConstraint { get; }

        /// <summary>Upper-case hex, when the extension is present.</summary>
        public string? SubjectKeyIdentifier { get; }

        /// <summary>The keyIdentifier of authorityKeyIdentifier, upper-case hex, when present.</summary>
        public string? AuthorityKeyIdentifier { get; }

        /// <summary>The certificate's signature algorithm OID (1.2.643.7.1.1.3.2 or .3.3 for GOST 2012).</summary>
        public string SignatureAlgorithm => Structure.SignatureAlgorithm.Algorithm.Id;

        /// <summary>Subject and issuer are the same name.</summary>
        public bool IsSelfIssued => Structure.Subject.Equivalent(Structure.Issuer);

        /// <summary>GOST R 34.11-2012 256-bit hash of the DER.</summary>
        public byte[] GetGostHash() => Digest(new Gost3411_2012_256Digest());

        /// <summary>Whether <paramref name="time"/> is within NotBefore…NotAfter.</summary>
        public bool IsValidAt(DateTimeOffset time) => time >= NotBefore && time <= NotAfter;

        /// <summary>PEM "-----BEGIN CERTIFICATE-----".</summary>
        public string ToPem() => Pem.Encode(PemLabel, der);

        /// <summary>Reads a DER certificate.</summary>
        public static GostCertificate FromDer(byte[] der)
        {
            if (der is null) throw new ArgumentNullException(nameof(der));
            X509CertificateStructure structure;
            try
            {
                structure = X509CertificateStructure.GetInstance(Asn1Object.FromByteArray(der));
            }
            catch (Exception ex) when (ex is IOException || ex is ArgumentException || ex is InvalidCastException || ex is InvalidOperationException)
            {
                throw new GostCryptoException("The data is not a DER X.509 certificate.", ex);
            }
            return new GostCertificate(structure, structure.GetDerEncoded());
        }

        /// <summary>Reads the first CERTIFICATE block of PEM text.</summary>
        public static GostCertificate FromPem(string pem)
        {
            var all = LoadAllPem(pem);
            if (all.Count == 0) throw new GostCryptoException("The text has no CERTIFICATE PEM block.");
            return all[0];
        }

        /// <summary>Reads DER, PEM or bare base64 (as CAs and CryptoPro export it).</summary>
        public static GostCertificate Load(byte[] data)
        {
            var all = LoadAll(data);
            if (all.Count == 0) throw new GostCryptoException("The data holds no certificate.");
            return all[0];
        }

        /// <summary>Every certificate in DER, PEM (any number of blocks), bare base64 or a PKCS#7 certificate bundle (.p7b).</summary>
        public static IReadOnlyList<GostCertificate> LoadAll(byte[] data)
        {
            if (data is null) throw new ArgumentNullException(nameof(data));
            if (Pem.LooksLikePem(data, out var text)) return LoadAllPem(text);
            var der = data;
            if (data.Length > 0 && data[0] != 0x30)
            {
                der = Pem.FromBase64(System.Text.Encoding.ASCII.GetString(data), "certificate");
            }
            Asn1Sequence sequence;
            try
            {
                sequence = Asn1Sequence.GetInstance(Asn1Object.FromByteArray(der));
            }
            catch (Exception ex) when (ex is IOException || ex is ArgumentException)
            {
                throw new GostCryptoException("The data is not a certificate (DER, PEM or base64).", ex);
            }
            if (sequence.Count == 2 && sequence[0] is DerObjectIdentifier type && type.Id == "1.2.840.113549.1.7.2")
            {
                var signedData = Org.BouncyCastle.Asn1.Cms.SignedData.GetInstance(Asn1TaggedObject.GetInstance(sequence[1]).GetExplicitBaseObject());
                return signedData.Certificates is null
                    ? (IReadOnlyList<GostCertificate>)Array.Empty<GostCertificate>()
                    : signedData.Certificates.Cast<Asn1Encodable>().Where(c => c.ToAsn1Object() is Asn1Sequence).Select(c => FromDer(c.GetDerEncoded())).ToList();
            }
            return new[] { FromDer(der) };
        }

        /// <summary>Every CERTIFICATE block of PEM text (other blocks are skipped).</summary>
        public static IReadOnlyList<GostCertificate> LoadAllPem(string pem)
        {
            if (pem is null) throw new ArgumentNullException(nameof(pem));
            return Pem.DecodeAll(pem).Where(b => b.Label == PemLabel || b.Label == "X509 CERTIFICATE").Select(b => FromDer(b.Der)).ToList();
        }

        /// <summary>Whether <paramref name="issuer"/>'s key verifies this certificate's signature (names are not compared).</summary>
        internal bool IsSignedBy(GostCertificate issuer)
        {
            var algorithm = Structure.SignatureAlgorithm.Algorithm.Id;
            var expected = issuer.KeySize == 512 ? GostParameterSets.SignatureWithDigest512Oid : GostParameterSets.SignatureWithDigest256Oid;
            if (algorithm != expected) return false;
            return GostAlgorithms.Verify(issuer.PublicKey, Structure.TbsCertificate.GetDerEncoded(), Structure.Signature.GetOctets());
        }

        internal bool IssuedBy(GostCertificate issuer) => Structure.Issuer.Equivalent(issuer.Structure.Subject);

        internal byte[] Der => der;

        internal static GostIdentificationKind? ReadIdentificationKind(byte[] extensionValue)
        {
            try
            {
                var value = DerInteger.GetInstance(Asn1Object.FromByteArray(extensionValue)).IntValueExact;
                return value >= 0 && value <= 3 ? (GostIdentificationKind)value : (GostIdentificationKind?)null;
            }
            catch (Exception ex) when (ex is IOException || ex is ArgumentException || ex is ArithmeticException)
            {
                return null;
            }
        }

        private byte[] Digest(Org.BouncyCastle.Crypto.IDigest digest)
        {
            digest.BlockUpdate(der, 0, der.Length);
            var result = new byte[digest.GetDigestSize()];
            digest.DoFinal(result, 0);
            return result;
        }

        public bool Equals(GostCertificate? other) => other != null && der.AsSpan().SequenceEqual(other.der);

        public override bool Equals(object? obj) => Equals(obj as GostCertificate);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Thumbprint);

        /// <summary>"CN=… [thumbprint]".</summary>
        public override string ToString() => Subject + " [" + Thumbprint + "]";
    }
}
