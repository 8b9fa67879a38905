using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;

namespace GosApi.Crypto.Pki
{
    /// <summary>
    /// A PKCS#10 certificate request with a GOST R 34.10-2012 key: what <see cref="GostCertificateRequestBuilder"/> made
    /// (then <see cref="PrivateKey"/> holds the new key) or what <see cref="Load"/> read.
    /// </summary>
    public sealed class GostCertificateRequest
    {
        internal const string PemLabel = "CERTIFICATE REQUEST";

        private readonly byte[] der;

        internal GostCertificateRequest(CertificationRequest request, byte[] der, GostPrivateKey? privateKey)
        {
            Request = request;
            this.der = der;
            PrivateKey = privateKey;
            var info = request.GetCertificationRequestInfo();
            PublicKey = GostAlgorithms.DecodePublicKey(info.SubjectPublicKeyInfo);
            Subject = GostNames.Format(info.Subject);
            SubjectFields = GostNames.Fields(info.Subject);
            RequestedExtensions = ReadExtensions(info);
            if (RequestedExtensions != null)
            {
                var ku = RequestedExtensions.GetExtension(X509Extensions.KeyUsage);
                if (ku != null) KeyUsage = (GostKeyUsage)DerBitString.GetInstance(ku.GetParsedValue()).IntValue;
                var eku = RequestedExtensions.GetExtension(X509Extensions.ExtendedKeyUsage);
                if (eku != null) ExtendedKeyUsage = Asn1Sequence.GetInstance(eku.GetParsedValue()).Cast<Asn1Encodable>().Select(o => DerObjectIdentifier.GetInstance(o).Id).ToArray();
                var kind = RequestedExtensions.GetExtension(new DerObjectIdentifier(GostOids.IdentificationKind));
                if (kind != null) IdentificationKind = GostCertificate.ReadIdentificationKind(kind.Value.GetOctets());
            }
        }

        internal CertificationRequest Request { get; }

        internal GostPublicKey PublicKey { get; }

        internal X509Extensions? RequestedExtensions { get; }

        /// <summary>The DER encoding (a copy): the .p10/.req file content.</summary>
        public byte[] RawData => (byte[])der.Clone();

        /// <summary>The key generated for this request; null when the request was loaded from a file.</summary>
        public GostPrivateKey? PrivateKey { get; }

        public string Subject { get; }

        public IReadOnlyDictionary<string, string> SubjectFields { get; }

        public GostParameterSet ParameterSet => PublicKey.ParameterSet;

        public int KeySize => PublicKey.KeySize;

        /// <summary>Requested key usage; None when not requested.</summary>
        public GostKeyUsage KeyUsage { get; }

        public IReadOnlyList<string> ExtendedKeyUsage { get; } = Array.Empty<string>();

        /// <summary>The requested identificationKind (1.2.643.100.114).</summary>
        public GostIdentificationKind? IdentificationKind { get; }

        /// <summary>PEM "-----BEGIN CERTIFICATE REQUEST-----".</summary>
        public string ToPem() => Pem.Encode(PemLabel, der);

        /// <summary>Whether the request is signed by the key it carries (proof of possession).</summary>
        public bool VerifySignature()
        {
            var expected = KeySize == 512 ? GostParameterSets.SignatureWithDigest512Oid : GostParameterSets.SignatureWithDigest256Oid;
            if (Request.SignatureAlgorithm.Algorithm.Id != expected) return false;
            return GostAlgorithms.Verify(PublicKey, Request.GetCertificationRequestInfo().GetDerEncoded(), Request.Signature.GetOctets());
        }

        /// <summary>Reads DER, PEM ("CERTIFICATE REQUEST" or "NEW CERTIFICATE REQUEST") or bare base64.</summary>
        public static GostCertificateRequest Load(byte[] data)
        {
            if (data is null) throw new ArgumentNullException(nameof(data));
            var der = data;
            if (Pem.LooksLikePem(data, out var text))
            {
                der = Pem.DecodeAll(text).FirstOrDefault(b => b.Label == PemLabel || b.Label == "NEW CERTIFICATE REQUEST").Der
                    ?? throw new GostCryptoException("The text has no CERTIFICATE REQUEST PEM block.");
            }
            else if (data.Length > 0 && data[0] != 0x30)
            {
                der = Pem.FromBase64(System.Text.Encoding.ASCII.GetString(data), "certificate request");
            }
            try
            {
                var request = CertificationRequest.GetInstance(Asn1Object.FromByteArray(der));
                return new GostCertificateRequest(request, request.GetDerEncoded(), null);
            }
            catch (Exception ex) when (ex is IOException || ex is ArgumentException || ex is InvalidCastException)
            {
                throw new GostCryptoException("The data is not a PKCS#10 certificate request.", ex);
            }
        }

        public override string ToString() => "Certificate request " + Subject + " (" + ParameterSet + ")";

        private static X509Extensions? ReadExtensions(CertificationRequestInfo info)
        {
            if (info.Attributes is null) return null;
            foreach (var element in info.Attributes)
            {
                var attribute = AttributePkcs.GetInstance(element);
                if (attribute.AttrType.Equals(PkcsObjectIdentifiers.Pkcs9AtExtensionRequest) && attribute.AttrValues.Count > 0)
                {
                    return X509Extensions.GetInstance(attribute.AttrValues[0]);
                }
            }
            return null;
        }
    }

    /// <summary>
    /// Makes a key pair and a PKCS#10 request for a Russian CA (e.g. УЦ «Основание»): the subject with the Russian
    /// identifiers, key usage, EKU, identificationKind (1.2.643.100.114) and other extensions. The subject is validated
    /// before any key is generated. SubjectPublicKeyInfo carries the 2012 algorithm OID for every parameter set.
    /// </summary>
    public sealed class GostCertificateRequestBuilder
    {
        private readonly List<(string Oid, bool Critical, byte[] Value)> custom = new List<(string, bool, byte[])>();

        /// <summary>The subject; CN is required.</summary>
        public GostSubject Subject { get; set; } = new GostSubject();

        /// <summary>The key's parameter set when the builder generates the key (default CryptoPro-A, 256-bit).</summary>
        public GostParameterSet ParameterSet { get; set; } = GostParameterSet.CryptoProA;

        /// <summary>Requested key usage (critical); default digitalSignature, nonRepudiation, keyEncipherment, dataEncipherment as CryptoPro requests it. None leaves the extension out.</summary>
        public GostKeyUsage KeyUsage { get; set; } = GostKeyUsage.DigitalSignature | GostKeyUsage.NonRepudiation | GostKeyUsage.KeyEncipherment | GostKeyUsage.DataEncipherment;

        /// <summary>Requested EKU OIDs (see <see cref="GostOids"/>); empty leaves the extension out.</summary>
        public IList<string> ExtendedKeyUsage { get; } = new List<string>();

        /// <summary>identificationKind, 1.2.643.100.114 (INTEGER): required by УЦ for requests made "по действующей ЭП" (1).</summary>
        public GostIdentificationKind? IdentificationKind { get; set; }

        /// <summary>subjectSignTool, 1.2.643.100.111, e.g. "КриптоПро CSP (версия 5.0)".</summary>
        public string? SubjectSignTool { get; set; }

        /// <summary>certificatePolicies OIDs, e.g. <see cref="GostOids.PolicyKc1"/>.</summary>
        public IList<string> CertificatePolicies { get; } = new List<string>();

        /// <summary>Adds any other extension: OID, criticality and the DER of extnValue's content.</summary>
        public GostCertificateRequestBuilder AddExtension(string oid, bool critical, byte[] derValue)
        {
            custom.Add(GostExtensions.Custom(oid, critical, derValue));
            return this;
        }

        /// <summary>
        /// Builds and signs the request. With <paramref name="key"/> null a new key of <see cref="ParameterSet"/> is generated
        /// and returned in <see cref="GostCertificateRequest.PrivateKey"/>.
        /// </summary>
        /// <exception cref="GosApi.Validation.InputValidationException">A subject field or an OID is invalid.</exception>
        public GostCertificateRequest Build(GostPrivateKey? key = null)
        {
            if (Subject is null) throw new InvalidOperationException("Subject is required.");
            var name = Subject.ToX509Name();
            var generator = new X509ExtensionsGenerator();
            GostExtensions.Add(generator, KeyUsage, ExtendedKeyUsage, IdentificationKind, SubjectSignTool, CertificatePolicies, custom);
            key ??= GostPrivateKey.Generate(ParameterSet);

            Asn1Set attributes = new DerSet();
            if (!generator.IsEmpty)
            {
                attributes = new DerSet(new AttributePkcs(PkcsObjectIdentifiers.Pkcs9AtExtensionRequest, new DerSet(generator.Generate())));
            }
            var info = new CertificationRequestInfo(name, GostAlgorithms.EncodePublicKey(key.PublicKey), attributes);
            var signature = key.Sign(info.GetDerEncoded());
            var request = new CertificationRequest(info, GostAlgorithms.SignatureAlgorithm(key.KeySize), new DerBitString(signature));
            return new GostCertificateRequest(request, request.GetDerEncoded(), key);
        }
    }
}
