using System;
using System.Collections.Generic;
using System.Linq;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;

namespace GosApi.Crypto.Pki
{
    /// <summary>
    /// Makes GOST R 34.10-2012 certificates for tests, the sandbox and users' checks: self-signed ones, a small test CA
    /// and leaf certificates issued by it (with subject/authority key identifiers, basicConstraints and keyUsage),
    /// signed with 1.2.643.7.1.1.3.2 (256-bit issuer key) or 1.2.643.7.1.1.3.3 (512-bit).
    /// Not a CA product: no CRL, OCSP or policy handling.
    /// </summary>
    public sealed class GostCertificateBuilder
    {
        private static readonly SecureRandom Random = new SecureRandom();
        private readonly List<(string Oid, bool Critical, byte[] Value)> custom = new List<(string, bool, byte[])>();

        /// <summary>The subject; CN is required.</summary>
        public GostSubject Subject { get; set; } = new GostSubject();

        /// <summary>The parameter set of a key the builder generates (default CryptoPro-A, 256-bit).</summary>
        public GostParameterSet ParameterSet { get; set; } = GostParameterSet.CryptoProA;

        /// <summary>Start of validity; default one minute before now (clock skew).</summary>
        public DateTimeOffset? NotBefore { get; set; }

        /// <summary>End of validity; default <see cref="NotBefore"/> + <see cref="Validity"/>.</summary>
        public DateTimeOffset? NotAfter { get; set; }

        /// <summary>Validity when <see cref="NotAfter"/> is not set; default one year.</summary>
        public TimeSpan Validity { get; set; } = TimeSpan.FromDays(365);

        /// <summary>Serial number bytes (big-endian, positive); default 16 random bytes.</summary>
        public byte[]? SerialNumber { get; set; }

        /// <summary>Key usage; null picks keyCertSign|cRLSign|digitalSignature for a CA, digitalSignature|nonRepudiation|keyEncipherment|dataEncipherment otherwise.</summary>
        public GostKeyUsage? KeyUsage { get; set; }

        public IList<string> ExtendedKeyUsage { get; } = new List<string>();

        /// <summary>basicConstraints cA=true (critical), for a (test) certification authority.</summary>
        public bool IsCertificateAuthority { get; set; }

        /// <summary>basicConstraints pathLenConstraint of a CA.</summary>
        public int? PathLength { get; set; }

        public GostIdentificationKind? IdentificationKind { get; set; }

        public string? SubjectSignTool { get; set; }

        public IList<string> CertificatePolicies { get; } = new List<string>();

        /// <summary>Adds any other extension: OID, criticality and the DER of extnValue's content.</summary>
        public GostCertificateBuilder AddExtension(string oid, bool critical, byte[] derValue)
        {
            custom.Add(GostExtensions.Custom(oid, critical, derValue));
            return this;
        }

        /// <summary>A self-signed certificate; a new key of <see cref="ParameterSet"/> unless <paramref name="key"/> is given.</summary>
        public GostCredential CreateSelfSigned(GostPrivateKey? key = null)
        {
            var name = Subject.ToX509Name();
            key ??= GostPrivateKey.Generate(ParameterSet);
            var certificate = Build(name, key.PublicKey, name, key, null, null);
            return new GostCredential(certificate, key);
        }

        /// <summary>A certificate for <see cref="Subject"/> issued by <paramref name="issuer"/>; a new key unless <paramref name="key"/> is given.</summary>
        public GostCredential Issue(GostCredential issuer, GostPrivateKey? key = null)
        {
            if (issuer is null) throw new ArgumentNullException(nameof(issuer));
            var name = Subject.ToX509Name();
            key ??= GostPrivateKey.Generate(ParameterSet);
            var certificate = Build(name, key.PublicKey, issuer.Certificate.Structure.Subject, issuer.PrivateKey, issuer.Certificate, null);
            return new GostCredential(certificate, key, new[] { issuer.Certificate }.Concat(issuer.Chain));
        }

        /// <summary>
        /// Issues a certificate for a PKCS#10 request (the request's signature is checked first). Subject and key come from
        /// the request; requested extensions are copied unless this builder sets the same one.
        /// </summary>
        public GostCertificate IssueForRequest(GostCertificateRequest request, GostCredential issuer)
        {
            if (request is null) throw new ArgumentNullException(nameof(request));
            if (issuer is null) throw new ArgumentNullException(nameof(issuer));
            if (!request.VerifySignature()) throw new GostCryptoException("The certificate request's signature is not valid: it was not signed by the key it carries, or it was changed.");
            return Build(request.Request.GetCertificationRequestInfo().Subject, request.PublicKey, issuer.Certificate.Structure.Subject, issuer.PrivateKey, issuer.Certificate, request.RequestedExtensions);
        }

        /// <summary>A self-signed test CA certificate with a new key: cA=true, keyCertSign|cRLSign|digitalSignature, ten years.</summary>
        public static GostCredential CreateTestCertificateAuthority(string commonName, GostParameterSet parameterSet = GostParameterSet.Tc26256A)
        {
            return new GostCertificateBuilder
            {
                Subject = new GostSubject { CommonName = commonName, Organization = "GosApi test CA", Country = "RU" },
                ParameterSet = parameterSet,
                IsCertificateAuthority = true,
                Validity = TimeSpan.FromDays(3650),
            }.CreateSelfSigned();
        }

        private GostCertificate Build(X509Name subject, GostPublicKey publicKey, X509Name issuerName, GostPrivateKey issuerKey, GostCertificate? issuerCertificate, X509Extensions? requested)
        {
            var notBefore = NotBefore ?? DateTimeOffset.UtcNow.AddMinutes(-1);
            var notAfter = NotAfter ?? notBefore + Validity;
            if (notAfter <= notBefore) throw new GosApi.Validation.InputValidationException(new GosApi.Validation.ValidationError("NotAfter", notAfter.ToString("u", System.Globalization.CultureInfo.InvariantCulture), "must be later than NotBefore"));
            var serial = SerialNumber is null ? RandomSerial() : new BigInteger(1, SerialNumber);
            if (serial.SignValue <= 0) throw new GosApi.Validation.InputValidationException(new GosApi.Validation.ValidationError("SerialNumber", null, "must be a positive number"));

            var spki = GostAlgorithms.EncodePublicKey(publicKey);
            var generator = new X509ExtensionsGenerator();
            var usage = KeyUsage ?? (IsCertificateAuthority
                ? GostKeyUsage.KeyCertSign | GostKeyUsage.CrlSign | GostKeyUsage.DigitalSignature
                : GostKeyUsage.DigitalSignature | GostKeyUsage.NonRepudiation | GostKeyUsage.KeyEncipherment | GostKeyUsage.DataEncipherment);
            if (requested != null && KeyUsage is null && requested.GetExtension(X509Extensions.KeyUsage) != null) usage = GostKeyUsage.None;
            GostExtensions.Add(generator, usage, ExtendedKeyUsage, IdentificationKind, SubjectSignTool, CertificatePolicies, custom);
            generator.AddExtension(X509Extensions.SubjectKeyIdentifier, false, new DerOctetString(KeyIdentifier(spki)));
            if (issuerCertificate != null)
            {
                var issuerKeyId = issuerCertificate.SubjectKeyIdentifier is null
                    ? KeyIdentifier(issuerCertificate.Structure.SubjectPublicKeyInfo)
                    : Org.BouncyCastle.Utilities.Encoders.Hex.Decode(issuerCertificate.SubjectKeyIdentifier);
                generator.AddExtension(X509Extensions.AuthorityKeyIdentifier, false, new AuthorityKeyIdentifier(issuerKeyId));
            }
            if (IsCertificateAuthority)
            {
                generator.AddExtension(X509Extensions.BasicConstraints, true, PathLength.HasValue ? new BasicConstraints(PathLength.Value) : new BasicConstraints(true));
            }
            if (requested != null)
            {
                foreach (var oid in requested.ExtensionOids)
                {
                    if (generator.HasExtension(oid)) continue;
                    var extension = requested.GetExtension(oid);
                    generator.AddExtension(oid, extension.IsCritical, extension.Value.GetOctets());
                }
            }

            var tbs = new V3TbsCertificateGenerator();
            tbs.SetSerialNumber(new DerInteger(serial));
            tbs.SetIssuer(issuerName);
            tbs.SetSubject(subject);
            tbs.SetStartDate(new Time(notBefore.UtcDateTime));
            tbs.SetEndDate(new Time(notAfter.UtcDateTime));
            tbs.SetSubjectPublicKeyInfo(spki);
            var signatureAlgorithm = GostAlgorithms.SignatureAlgorithm(issuerKey.KeySize);
            tbs.SetSignature(signatureAlgorithm);
            tbs.SetExtensions(generator.Generate());
            var tbsCertificate = tbs.GenerateTbsCertificate();
            var signature = issuerKey.Sign(tbsCertificate.GetDerEncoded());
            var structure = new X509CertificateStructure(tbsCertificate, signatureAlgorithm, new DerBitString(signature));
            return new GostCertificate(structure, structure.GetDerEncoded());
        }

        /// <summary>RFC 5280 §4.2.1.2 method 1: SHA-1 of the subjectPublicKey BIT STRING's value.</summary>
        internal static byte[] KeyIdentifier(SubjectPublicKeyInfo spki)
        {
            var bytes = spki.PublicKey.GetBytes();
            var sha1 = new Sha1Digest();
            sha1.BlockUpdate(bytes, 0, bytes.Length);
            var result = new byte[20];
            sha1.DoFinal(result, 0);
            return result;
        }

        private static BigInteger RandomSerial()
        {
            var bytes = new byte[16];
            Random.NextBytes(bytes);
            bytes[0] &= 0x7F;
            bytes[0] |= 0x01;
            return new BigInteger(1, bytes);
        }
    }
}
