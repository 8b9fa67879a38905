using System.Security.Cryptography;
using GosApi.Sandbox.Esia;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Asn1.Ess;
using PkcsObjectIdentifiers = Org.BouncyCastle.Asn1.Pkcs.PkcsObjectIdentifiers;
using PrivateKeyInfo = Org.BouncyCastle.Asn1.Pkcs.PrivateKeyInfo;
using CertificationRequest = Org.BouncyCastle.Asn1.Pkcs.CertificationRequest;
using CertificationRequestInfo = Org.BouncyCastle.Asn1.Pkcs.CertificationRequestInfo;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Security;
using Time = Org.BouncyCastle.Asn1.Cms.Time;
using CmsAttribute = Org.BouncyCastle.Asn1.Cms.Attribute;

namespace GosApi.Sandbox.FnsMobileSign.Crypto;

/// <summary>
/// What the simulated app does when the user signs: a detached CAdES-BES GOST R 34.10-2012 CMS (DER) over the file,
/// by the consumer's certificate from the sandbox test CA, certificate included.
/// </summary>
internal static class FnsCmsSigner
{
    public static byte[] SignDetached(TestCertificate signer, byte[] content, DateTimeOffset signingTime)
    {
        var pair = Gost.DecodePrivateKey(PrivateKeyInfo.GetInstance(Asn1Object.FromByteArray(signer.PrivateKey
            ?? throw new InvalidOperationException("the certificate has no private key"))));
        var certificate = X509CertificateStructure.GetInstance(Asn1Object.FromByteArray(signer.Certificate));
        var is512 = pair.Public.Is512;
        var digestAlgorithm = new AlgorithmIdentifier(is512 ? Gost.Digest512 : Gost.Digest256);

        var essId = new EssCertIDv2(new AlgorithmIdentifier(Gost.Digest256), Gost.Hash(false, signer.Certificate),
            new IssuerSerial(new GeneralNames(new GeneralName(certificate.Issuer)), certificate.SerialNumber));
        var attributes = new DerSet(new Asn1EncodableVector
        {
            new CmsAttribute(CmsAttributes.ContentType, new DerSet(CmsObjectIdentifiers.Data)),
            new CmsAttribute(CmsAttributes.SigningTime, new DerSet(new Time(signingTime.UtcDateTime))),
            new CmsAttribute(CmsAttributes.MessageDigest, new DerSet(new DerOctetString(Gost.Hash(is512, content)))),
            new CmsAttribute(PkcsObjectIdentifiers.IdAASigningCertificateV2, new DerSet(new SigningCertificateV2(essId))),
        });
        var signature = Gost.Sign(pair, attributes.GetEncoded(Asn1Encodable.Der), new SecureRandom());

        var signerInfo = new SignerInfo(
            new SignerIdentifier(new IssuerAndSerialNumber(certificate.Issuer, certificate.SerialNumber)),
            digestAlgorithm,
            attributes,
            new AlgorithmIdentifier(is512 ? Gost.KeyAlgorithm512 : Gost.KeyAlgorithm256),
            new DerOctetString(signature),
            null);
        var signedData = new SignedData(
            new DerSet(digestAlgorithm),
            new ContentInfo(CmsObjectIdentifiers.Data, null),
            new DerSet(certificate),
            null,
            new DerSet(signerInfo));
        return new ContentInfo(CmsObjectIdentifiers.SignedData, signedData).GetEncoded(Asn1Encodable.Der);
    }

    /// <summary>A DER PKCS#10 for the certificate's key and subject, signed by that key (what the app sends as pkcs10).</summary>
    public static byte[] CertificationRequest(TestCertificate certificate)
    {
        var pair = Gost.DecodePrivateKey(PrivateKeyInfo.GetInstance(Asn1Object.FromByteArray(certificate.PrivateKey!)));
        var parsed = X509CertificateStructure.GetInstance(Asn1Object.FromByteArray(certificate.Certificate));
        var info = new CertificationRequestInfo(parsed.Subject, parsed.SubjectPublicKeyInfo, new DerSet());
        var signature = Gost.Sign(pair, info.GetEncoded(Asn1Encodable.Der), new SecureRandom());
        var algorithm = new AlgorithmIdentifier(pair.Public.Is512 ? Gost.SignatureAlgorithm512 : Gost.SignatureAlgorithm256);
        return new CertificationRequest(info, algorithm, new DerBitString(signature)).GetEncoded(Asn1Encodable.Der);
    }

    public static string Thumbprint(byte[] der) => Convert.ToHexString(SHA1.HashData(der));
}
