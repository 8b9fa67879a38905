using System.Security.Cryptography;
using GosApi.Sandbox.Esia;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Asn1.Ess;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Asn1.X509;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;
using CmsAttribute = Org.BouncyCastle.Asn1.Cms.Attribute;
using PkcsObjectIdentifiers = Org.BouncyCastle.Asn1.Pkcs.PkcsObjectIdentifiers;

namespace GosApi.Sandbox.Crypto;

/// <summary>What is wrong with a GOST CMS signature; each service maps it to its own error.</summary>
internal enum CmsProblem
{
    /// <summary>Not a CMS SignedData, attached, no signer, malformed SignerInfo, or the signer's certificate is not in the CMS.</summary>
    NotCms,
    /// <summary>A signed attribute the policy requires is missing, repeated or malformed.</summary>
    SignedAttributes,
    /// <summary>Key, digest or signature algorithm is not GOST R 34.10/34.11-2012 of matching sizes.</summary>
    UnsupportedAlgorithm,
    /// <summary>messageDigest is not the hash of the signed data.</summary>
    DigestMismatch,
    /// <summary>The signature value does not verify with the certificate's key.</summary>
    BadSignature,
    /// <summary>signingCertificateV2 names another certificate.</summary>
    SigningCertificateMismatch,
    /// <summary>The certificate is not issued by the sandbox test CA, or may not sign.</summary>
    UntrustedCertificate,
    /// <summary>The certificate (or the CA) is expired or not yet valid, now or at signingTime.</summary>
    CertificateNotValid,
}

/// <summary>A check of <see cref="GostCms"/> failed; <see cref="Exception.Message"/> says what and why.</summary>
internal sealed class CmsCheckException(CmsProblem problem, string message) : Exception(message)
{
    public CmsProblem Problem { get; } = problem;
}

/// <summary>Which signed attributes a SignerInfo must carry.</summary>
internal enum SignedAttributePolicy
{
    /// <summary>CAdES-BES as CryptoPro and openssl -cades make it: contentType, messageDigest, signingTime and signingCertificateV2, each once.</summary>
    CadesBes,
    /// <summary>
    /// RFC 5652 §5.3: either no signed attributes (the signature is over the content itself) or at least contentType
    /// (id-data) and messageDigest; signingTime and signingCertificateV2 are checked when present.
    /// </summary>
    Rfc5652,
}

/// <summary>The signed attributes the checks use; null members were absent (allowed by <see cref="SignedAttributePolicy.Rfc5652"/> only).</summary>
internal sealed record SignedAttributeValues(byte[] MessageDigest, DateTimeOffset? SigningTime, SigningCertificateV2? SigningCertificate);

/// <summary>One SignerInfo whose form has been checked: its certificate from the CMS, the GOST key and the signed attributes.</summary>
internal sealed class GostCmsSigner(SignerInfo info, BcCertificate certificate, GostPublicKey key, SignedAttributeValues? attributes)
{
    public SignerInfo Info { get; } = info;
    public BcCertificate Certificate { get; } = certificate;
    public GostPublicKey Key { get; } = key;

    /// <summary>Null when the SignerInfo has no signed attributes (then the signature is over the content).</summary>
    public SignedAttributeValues? Attributes { get; } = attributes;

    /// <summary>messageDigest equals the GOST R 34.11-2012 hash of the content (of the key's size); true without signed attributes.</summary>
    public bool DigestMatches(ReadOnlySpan<byte> contentHash) =>
        Attributes is null || CryptographicOperations.FixedTimeEquals(Attributes.MessageDigest, contentHash);

    /// <summary>
    /// The signature verifies: over the DER SET OF signed attributes (RFC 5652 §5.4) when there are any, otherwise
    /// over the content, whose hash is given.
    /// </summary>
    public bool SignatureVerifies(byte[] contentHash)
    {
        var signature = Info.Signature.GetOctets();
        return Attributes is null
            ? Gost.VerifyHash(Key, contentHash, signature)
            : Gost.Verify(Key, Info.SignedAttrs.GetEncoded(Asn1Encodable.Der), signature);
    }

    /// <summary>The first ESSCertIDv2 of signingCertificateV2, if present, carries the hash of the signer's certificate (and its issuer/serial, if given).</summary>
    public void CheckSigningCertificate()
    {
        if (Attributes?.SigningCertificate is not { } attribute) return;
        var ids = attribute.GetCerts();
        if (ids.Length == 0)
            throw new CmsCheckException(CmsProblem.SignedAttributes, "signingCertificateV2 lists no certificate");
        var id = ids[0];
        var algorithm = id.HashAlgorithm?.Algorithm ?? NistObjectIdentifiers.IdSha256;
        byte[] hash;
        var der = Certificate.GetEncoded();
        if (algorithm.Equals(NistObjectIdentifiers.IdSha256)) hash = SHA256.HashData(der);
        else if (algorithm.Equals(NistObjectIdentifiers.IdSha384)) hash = SHA384.HashData(der);
        else if (algorithm.Equals(NistObjectIdentifiers.IdSha512)) hash = SHA512.HashData(der);
        else if (algorithm.Equals(Gost.Digest256)) hash = Gost.Hash(false, der);
        else if (algorithm.Equals(Gost.Digest512)) hash = Gost.Hash(true, der);
        else
            throw new CmsCheckException(CmsProblem.UnsupportedAlgorithm,
                $"signingCertificateV2 hash algorithm {algorithm} is not supported (GOST R 34.11-2012 or SHA-2)");
        if (!hash.AsSpan().SequenceEqual(id.GetCertHash()))
            throw new CmsCheckException(CmsProblem.SigningCertificateMismatch,
                $"signingCertificateV2 names another certificate than the one that signed ({GostCms.Describe(Certificate)})");
        if (id.IssuerSerial is { } issuerSerial)
        {
            var sameSerial = issuerSerial.Serial.Value.Equals(Certificate.SerialNumber);
            var sameIssuer = issuerSerial.Issuer.GetNames().Any(n =>
                n.TagNo == GeneralName.DirectoryName && X509Name.GetInstance(n.Name).Equivalent(Certificate.IssuerDN, true));
            if (!sameSerial || !sameIssuer)
                throw new CmsCheckException(CmsProblem.SigningCertificateMismatch,
                    $"signingCertificateV2 issuerSerial does not match the signer's certificate ({GostCms.Describe(Certificate)})");
        }
    }
}

/// <summary>
/// Verification of detached GOST R 34.10-2012 CMS signatures against the sandbox's test CA, shared by the ESIA token
/// route (signature over the API key) and the EPGU archive check (x.sig over x). Every check throws a
/// <see cref="CmsCheckException"/>; the caller decides the order of the content checks and words its own errors.
/// </summary>
internal static class GostCms
{
    private static readonly DerObjectIdentifier SigningCertificateV2Oid = PkcsObjectIdentifiers.IdAASigningCertificateV2; // 1.2.840.113549.1.9.16.2.47

    /// <summary>A DER ContentInfo with a detached SignedData (no encapsulated content).</summary>
    public static SignedData ParseDetached(byte[] der)
    {
        ContentInfo info;
        try
        {
            info = ContentInfo.GetInstance(Asn1Object.FromByteArray(der));
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or InvalidCastException or InvalidOperationException)
        {
            throw new CmsCheckException(CmsProblem.NotCms, "not a DER CMS ContentInfo: " + ex.Message);
        }
        if (info is null)
            throw new CmsCheckException(CmsProblem.NotCms, "not a DER CMS ContentInfo");
        if (!CmsObjectIdentifiers.SignedData.Equals(info.ContentType))
            throw new CmsCheckException(CmsProblem.NotCms, $"the CMS is {info.ContentType}, not SignedData (1.2.840.113549.1.7.2)");
        try
        {
            var signed = SignedData.GetInstance(info.Content);
            if (signed.EncapContentInfo.Content is not null)
                throw new CmsCheckException(CmsProblem.NotCms, "the CMS is attached (it carries the content); a detached signature is required");
            if (!CmsObjectIdentifiers.Data.Equals(signed.EncapContentInfo.ContentType))
                throw new CmsCheckException(CmsProblem.NotCms,
                    $"eContentType is {signed.EncapContentInfo.ContentType}, expected id-data (1.2.840.113549.1.7.1) for a signature over a file");
            return signed;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidCastException or InvalidOperationException)
        {
            throw new CmsCheckException(CmsProblem.NotCms, "not a valid CMS SignedData: " + ex.Message);
        }
    }

    public static IReadOnlyList<SignerInfo> SignerInfos(SignedData signed)
    {
        try { return signed.SignerInfos.Cast<Asn1Encodable>().Select(SignerInfo.GetInstance).ToArray(); }
        catch (Exception ex) when (ex is ArgumentException or InvalidCastException)
        {
            throw new CmsCheckException(CmsProblem.NotCms, "SignerInfo is malformed: " + ex.Message);
        }
    }

    /// <summary>Finds the signer's certificate in the CMS, reads its GOST key, checks the algorithms and reads the signed attributes.</summary>
    public static GostCmsSigner ReadSigner(SignedData signed, SignerInfo info, SignedAttributePolicy policy)
    {
        var certificate = SignerCertificate(signed, info);
        var key = CertificateKey(certificate);
        CheckAlgorithms(info, key);
        if (!signed.DigestAlgorithms.Cast<Asn1Encodable>().Any(a => AlgorithmIdentifier.GetInstance(a).Algorithm.Equals(info.DigestAlgorithm.Algorithm)))
            throw new CmsCheckException(CmsProblem.NotCms,
                $"the signer's digestAlgorithm {info.DigestAlgorithm.Algorithm} is not listed in SignedData.digestAlgorithms (RFC 5652 §5.1)");
        return new GostCmsSigner(info, certificate, key, ReadAttributes(info, policy));
    }

    /// <summary>
    /// The certificate is the sandbox test CA's (issuer and signature), may sign (keyUsage digitalSignature or
    /// nonRepudiation), and it and the CA are valid <paramref name="now"/>; the certificate also at
    /// <paramref name="signingTime"/> when one is given.
    /// </summary>
    public static void CheckTrust(TestCertificateAuthority ca, BcCertificate certificate, DateTimeOffset now, DateTimeOffset? signingTime)
    {
        if (!ca.Issued(certificate, out var reason))
            throw new CmsCheckException(CmsProblem.UntrustedCertificate, $"certificate {Describe(certificate)} is not trusted: {reason}");
        if (certificate.GetKeyUsage() is { } usage && !usage[0] && !usage[1])
            throw new CmsCheckException(CmsProblem.UntrustedCertificate,
                $"certificate {Describe(certificate)} may not sign: keyUsage has neither digitalSignature nor nonRepudiation");
        CheckValidity(certificate, now, "certificate " + Describe(certificate));
        CheckValidity(ca.Certificate, now, "the sandbox test CA certificate");
        if (signingTime is { } at)
        {
            var notBefore = new DateTimeOffset(certificate.NotBefore, TimeSpan.Zero);
            var notAfter = new DateTimeOffset(certificate.NotAfter, TimeSpan.Zero);
            if (at < notBefore || at > notAfter)
                throw new CmsCheckException(CmsProblem.CertificateNotValid,
                    $"certificate {Describe(certificate)} was not valid at signingTime {at:yyyy-MM-ddTHH:mm:ssZ} (valid {notBefore:yyyy-MM-ddTHH:mm:ssZ} to {notAfter:yyyy-MM-ddTHH:mm:ssZ})");
        }
    }

    public static string Describe(BcCertificate certificate) =>
        $"\"{certificate.SubjectDN}\" (serial {certificate.SerialNumber.ToString(16).ToUpperInvariant()})";

    private static void CheckValidity(BcCertificate certificate, DateTimeOffset now, string what)
    {
        var notBefore = new DateTimeOffset(certificate.NotBefore, TimeSpan.Zero);
        var notAfter = new DateTimeOffset(certificate.NotAfter, TimeSpan.Zero);
        if (now > notAfter)
            throw new CmsCheckException(CmsProblem.CertificateNotValid, $"{what} expired at {notAfter:yyyy-MM-ddTHH:mm:ssZ}");
        if (now < notBefore)
            throw new CmsCheckException(CmsProblem.CertificateNotValid, $"{what} is not valid before {notBefore:yyyy-MM-ddTHH:mm:ssZ}");
    }

    private static BcCertificate SignerCertificate(SignedData signed, SignerInfo signer)
    {
        var certificates = new List<BcCertificate>();
        foreach (var item in signed.Certificates ?? new DerSet())
        {
            if (item.ToAsn1Object() is not Asn1Sequence) continue; // attribute certificates and others
            try { certificates.Add(new BcCertificate(X509CertificateStructure.GetInstance(item))); }
            catch (Exception ex) when (ex is ArgumentException or InvalidCastException)
            {
                throw new CmsCheckException(CmsProblem.NotCms, "a certificate in the CMS is malformed: " + ex.Message);
            }
        }
        if (certificates.Count == 0)
            throw new CmsCheckException(CmsProblem.NotCms, "the CMS does not include the signer's certificate (sign with the certificate included)");

        var id = signer.SignerID;
        BcCertificate? match;
        try
        {
            if (id.IsTagged)
            {
                var keyId = Asn1OctetString.GetInstance((Asn1TaggedObject)id.ToAsn1Object(), false).GetOctets();
                match = certificates.FirstOrDefault(c =>
                    c.GetExtensionValue(X509Extensions.SubjectKeyIdentifier) is { } ext &&
                    SubjectKeyIdentifier.GetInstance(Asn1Object.FromByteArray(ext.GetOctets())).GetKeyIdentifier().AsSpan().SequenceEqual(keyId));
            }
            else
            {
                var issuerSerial = IssuerAndSerialNumber.GetInstance(id.ID);
                match = certificates.FirstOrDefault(c =>
                    c.SerialNumber.Equals(issuerSerial.SerialNumber.Value) && c.IssuerDN.Equivalent(issuerSerial.Issuer, true));
            }
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidCastException or IOException)
        {
            throw new CmsCheckException(CmsProblem.NotCms, "the SignerInfo's sid is malformed: " + ex.Message);
        }
        return match ?? throw new CmsCheckException(CmsProblem.NotCms,
            "none of the certificates in the CMS matches the SignerInfo's sid (sign with the signer's certificate included)");
    }

    private static GostPublicKey CertificateKey(BcCertificate certificate)
    {
        try { return Gost.DecodePublicKey(certificate.SubjectPublicKeyInfo); }
        catch (GostFormatException ex)
        {
            throw new CmsCheckException(CmsProblem.UnsupportedAlgorithm, $"signer certificate {Describe(certificate)}: {ex.Message}");
        }
    }

    /// <summary>
    /// digestAlgorithm must be GOST R 34.11-2012 of the key's size; signatureAlgorithm may be the key algorithm
    /// (1.2.643.7.1.1.1.1/.2, what CryptoPro and openssl write) or sign-with-digest (1.2.643.7.1.1.3.2/.3).
    /// </summary>
    private static void CheckAlgorithms(SignerInfo signer, GostPublicKey key)
    {
        var size = key.Is512 ? 512 : 256;
        var digest = signer.DigestAlgorithm.Algorithm;
        var expectedDigest = key.Is512 ? Gost.Digest512 : Gost.Digest256;
        if (!digest.Equals(expectedDigest))
        {
            var other = key.Is512 ? Gost.Digest256 : Gost.Digest512;
            throw new CmsCheckException(CmsProblem.UnsupportedAlgorithm, digest.Equals(other)
                ? $"digestAlgorithm {digest} does not match the {size}-bit key: use {expectedDigest} (GOST R 34.11-2012, {size} bit)"
                : $"digestAlgorithm {digest} is not GOST R 34.11-2012 {size} bit ({expectedDigest})");
        }
        var algorithm = signer.SignatureAlgorithm.Algorithm;
        var keyAlgorithm = key.Is512 ? Gost.KeyAlgorithm512 : Gost.KeyAlgorithm256;
        var signWithDigest = key.Is512 ? Gost.SignatureAlgorithm512 : Gost.SignatureAlgorithm256;
        if (algorithm.Equals(keyAlgorithm) || algorithm.Equals(signWithDigest)) return;
        var hint = algorithm.Equals(Gost.KeyAlgorithm2001)
            ? " (1.2.643.2.2.19 is GOST R 34.10-2001: BouncyCastle's CmsSignedDataGenerator writes it for 2012 keys with CryptoPro parameter sets; use a SignerInfoGenerator with an explicit 2012 signature algorithm)"
            : "";
        throw new CmsCheckException(CmsProblem.UnsupportedAlgorithm,
            $"signatureAlgorithm {algorithm} is not GOST R 34.10-2012 {size} bit ({keyAlgorithm} or {signWithDigest}){hint}");
    }

    private static SignedAttributeValues? ReadAttributes(SignerInfo signer, SignedAttributePolicy policy)
    {
        var cades = policy == SignedAttributePolicy.CadesBes;
        if (signer.SignedAttrs is null && !cades) return null;
        if (signer.SignedAttrs is null || signer.SignedAttrs.Count == 0)
            throw new CmsCheckException(CmsProblem.SignedAttributes, cades
                ? "the SignerInfo has no signed attributes; contentType, messageDigest, signingTime and signingCertificateV2 are required (CAdES-BES)"
                : "the SignerInfo has an empty set of signed attributes; contentType and messageDigest are required when signed attributes are present (RFC 5652 §5.3)");

        var table = new Org.BouncyCastle.Asn1.Cms.AttributeTable(signer.SignedAttrs);
        var missing = new List<string>();
        CmsAttribute? Single(DerObjectIdentifier oid, string name, bool required)
        {
            var all = table.GetAll(oid);
            if (all.Count == 0)
            {
                if (required) missing.Add(name);
                return null;
            }
            var attribute = (CmsAttribute)all[0];
            if (all.Count > 1 || attribute.AttrValues.Count != 1)
                throw new CmsCheckException(CmsProblem.SignedAttributes, $"signed attribute {name} must occur once with one value");
            return attribute;
        }
        var contentType = Single(CmsAttributes.ContentType, "contentType", true);
        var messageDigest = Single(CmsAttributes.MessageDigest, "messageDigest", true);
        var signingTime = Single(CmsAttributes.SigningTime, "signingTime", cades);
        var signingCertificate = Single(SigningCertificateV2Oid, "signingCertificateV2", cades);
        if (missing.Count > 0)
            throw new CmsCheckException(CmsProblem.SignedAttributes, cades
                ? $"required signed attribute(s) missing: {string.Join(", ", missing)} (CAdES-BES needs contentType, messageDigest, signingTime and signingCertificateV2; with openssl add -cades)"
                : $"required signed attribute(s) missing: {string.Join(", ", missing)} (with signed attributes, contentType and messageDigest are required, RFC 5652 §5.3)");
        try
        {
            if (!CmsObjectIdentifiers.Data.Equals(contentType!.AttrValues[0]))
                throw new CmsCheckException(CmsProblem.SignedAttributes, $"contentType is {contentType.AttrValues[0]}, expected id-data (1.2.840.113549.1.7.1)");
            return new SignedAttributeValues(
                Asn1OctetString.GetInstance(messageDigest!.AttrValues[0]).GetOctets(),
                signingTime is null
                    ? null
                    : new DateTimeOffset(DateTime.SpecifyKind(Org.BouncyCastle.Asn1.Cms.Time.GetInstance(signingTime.AttrValues[0]).ToDateTime(), DateTimeKind.Utc)),
                signingCertificate is null ? null : SigningCertificateV2.GetInstance(signingCertificate.AttrValues[0]));
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidCastException or FormatException or InvalidOperationException)
        {
            throw new CmsCheckException(CmsProblem.SignedAttributes, "a signed attribute is malformed: " + ex.Message);
        }
    }
}
