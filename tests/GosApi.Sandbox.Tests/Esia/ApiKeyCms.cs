using GosApi.Sandbox.Esia;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.CryptoPro;
using Org.BouncyCastle.Asn1.Ess;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.X509;
using CmsAttribute = Org.BouncyCastle.Asn1.Cms.Attribute;
using CmsAttributeTable = Org.BouncyCastle.Asn1.Cms.AttributeTable;

namespace GosApi.Sandbox.Tests.Esia;

/// <summary>How the SignerInfo names its signature algorithm.</summary>
public enum SignatureForm
{
    /// <summary>1.2.643.7.1.1.1.1/.2, the key algorithm (what CryptoPro and openssl write).</summary>
    KeyAlgorithm,
    /// <summary>1.2.643.7.1.1.3.2/.3, sign-with-digest.</summary>
    SignWithDigest,
    /// <summary>BouncyCastle's default for the key: 1.2.643.2.2.19 (GOST 2001) for CryptoPro parameter sets.</summary>
    BouncyCastleDefault,
}

/// <summary>Knobs for a (possibly defective) signature of an API key.</summary>
internal sealed record CmsOptions
{
    public DateTimeOffset? SigningTime { get; init; }
    public bool SigningCertificateV2 { get; init; } = true;
    /// <summary>Certificate whose hash goes into signingCertificateV2 (default: the signer's).</summary>
    public byte[]? SigningCertificateV2Of { get; init; }
    public SignatureForm Form { get; init; } = SignatureForm.KeyAlgorithm;
    public bool IncludeCertificate { get; init; } = true;
    public bool Attached { get; init; }
    /// <summary>False: no signed attributes at all, the signature is over the content itself (openssl cms -noattr).</summary>
    public bool SignedAttributes { get; init; } = true;
}

/// <summary>
/// The test's own producer of ESIA API key signatures (and, through <see cref="Support.FileSignatures"/>, of EPGU
/// archive .sig files): BouncyCastle's CmsSignedDataGenerator, independent of the sandbox's verifier. Detached CMS over the UTF-8 key with contentType, messageDigest, signingTime and
/// signingCertificateV2 (GOST R 34.11-2012 hash of the certificate), as CryptoPro makes CAdES-BES.
/// </summary>
internal static class ApiKeyCms
{
    public static byte[] Sign(TestCertificate certificate, string apiKey, CmsOptions? options = null) =>
        Sign(LoadPrivateKey(certificate.PrivateKey!), certificate.Certificate, Encoding.UTF8.GetBytes(apiKey), options ?? new CmsOptions());

    public static byte[] Sign(ECPrivateKeyParameters key, byte[] certificateDer, byte[] content, CmsOptions options)
    {
        var certificate = new X509Certificate(certificateDer);
        var is512 = key.Parameters.Curve.FieldSize > 256;
        var digestIs512 = is512;
        var digestOid = digestIs512 ? "1.2.643.7.1.1.2.3" : "1.2.643.7.1.1.2.2";

        var attributes = new Dictionary<DerObjectIdentifier, object>
        {
            [PkcsObjectIdentifiers.Pkcs9AtSigningTime] = new CmsAttribute(PkcsObjectIdentifiers.Pkcs9AtSigningTime,
                new DerSet(new Org.BouncyCastle.Asn1.Cms.Time((options.SigningTime ?? DateTimeOffset.UtcNow).UtcDateTime))),
        };
        if (options.SigningCertificateV2)
        {
            var hashed = options.SigningCertificateV2Of ?? certificateDer;
            var id = new EssCertIDv2(new AlgorithmIdentifier(new DerObjectIdentifier("1.2.643.7.1.1.2.2")), Gost256(hashed),
                new IssuerSerial(new GeneralNames(new GeneralName(new X509Certificate(hashed).IssuerDN)), new DerInteger(new X509Certificate(hashed).SerialNumber)));
            attributes[PkcsObjectIdentifiers.IdAASigningCertificateV2] = new CmsAttribute(PkcsObjectIdentifiers.IdAASigningCertificateV2,
                new DerSet(new SigningCertificateV2(id)));
        }
        var signedAttributes = new DefaultSignedAttributeTableGenerator(new CmsAttributeTable(attributes));

        var generator = new CmsSignedDataGenerator();
        if (!options.SignedAttributes)
        {
            var direct = digestIs512 ? "GOST3411-2012-512WITHECGOST3410-2012-512" : "GOST3411-2012-256WITHECGOST3410-2012-256";
            generator.AddSignerInfoGenerator(new SignerInfoGeneratorBuilder().SetDirectSignature(true)
                .Build(new Asn1SignatureFactory(direct, key), certificate));
        }
        else switch (options.Form)
        {
            case SignatureForm.SignWithDigest:
                var algorithm = digestIs512 ? "GOST3411-2012-512WITHECGOST3410-2012-512" : "GOST3411-2012-256WITHECGOST3410-2012-256";
                generator.AddSignerInfoGenerator(new SignerInfoGeneratorBuilder()
                    .WithSignedAttributeGenerator(signedAttributes)
                    .Build(new Asn1SignatureFactory(algorithm, key), certificate));
                break;
            case SignatureForm.KeyAlgorithm:
                generator.AddSigner(key, certificate, is512 ? "1.2.643.7.1.1.1.2" : "1.2.643.7.1.1.1.1", digestOid, signedAttributes, null);
                break;
            case SignatureForm.BouncyCastleDefault:
                generator.AddSigner(key, certificate, digestOid, signedAttributes, null);
                break;
        }
        if (options.IncludeCertificate) generator.AddCertificate(certificate);
        return generator.Generate(new CmsProcessableByteArray(content), options.Attached).GetEncoded();
    }

    /// <summary>The same CMS with another digestAlgorithm OID in the SignerInfo (and the digestAlgorithms set).</summary>
    public static byte[] WithDigestAlgorithm(byte[] cms, string digestOid)
    {
        var content = Org.BouncyCastle.Asn1.Cms.ContentInfo.GetInstance(Asn1Object.FromByteArray(cms));
        var signed = Org.BouncyCastle.Asn1.Cms.SignedData.GetInstance(content.Content);
        var signer = Org.BouncyCastle.Asn1.Cms.SignerInfo.GetInstance(signed.SignerInfos[0]);
        var digest = new AlgorithmIdentifier(new DerObjectIdentifier(digestOid), DerNull.Instance);
        var rewritten = new Org.BouncyCastle.Asn1.Cms.SignerInfo(signer.SignerID, digest, signer.SignedAttrs, signer.SignatureAlgorithm,
            signer.Signature, signer.UnsignedAttrs);
        var data = new Org.BouncyCastle.Asn1.Cms.SignedData(new DerSet(digest), signed.EncapContentInfo, signed.Certificates, signed.CRLs,
            new DerSet(rewritten));
        return new Org.BouncyCastle.Asn1.Cms.ContentInfo(content.ContentType, data).GetEncoded(Asn1Encodable.Der);
    }

    public static string Base64Url(byte[] data) => Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] Gost256(byte[] data)
    {
        var digest = new Gost3411_2012_256Digest();
        digest.BlockUpdate(data, 0, data.Length);
        var result = new byte[32];
        digest.DoFinal(result, 0);
        return result;
    }

    /// <summary>
    /// PKCS#8 GOST 2012 key → BouncyCastle key, read by hand: BouncyCastle's PrivateKeyFactory cannot read the
    /// one-element parameters SEQUENCE of 512-bit keys.
    /// </summary>
    public static ECPrivateKeyParameters LoadPrivateKey(byte[] pkcs8)
    {
        var info = PrivateKeyInfo.GetInstance(Asn1Object.FromByteArray(pkcs8));
        var parameterSet = (DerObjectIdentifier)Asn1Sequence.GetInstance(info.PrivateKeyAlgorithm.Parameters)[0];
        var is512 = info.PrivateKeyAlgorithm.Algorithm.Id == "1.2.643.7.1.1.1.2";
        var littleEndian = Asn1OctetString.GetInstance(info.ParsePrivateKey()).GetOctets();
        var bigEndian = littleEndian.Reverse().ToArray();
        var domain = new ECGost3410Parameters(new ECNamedDomainParameters(parameterSet, ECGost3410NamedCurves.GetByOid(parameterSet)),
            parameterSet, new DerObjectIdentifier(is512 ? "1.2.643.7.1.1.2.3" : "1.2.643.7.1.1.2.2"), null);
        return new ECPrivateKeyParameters("ECGOST3410", new Org.BouncyCastle.Math.BigInteger(1, bigEndian), domain);
    }
}
