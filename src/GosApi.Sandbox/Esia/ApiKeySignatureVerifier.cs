using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Asn1.Ess;
using Org.BouncyCastle.Asn1.Nist;
using PkcsObjectIdentifiers = Org.BouncyCastle.Asn1.Pkcs.PkcsObjectIdentifiers;
using Org.BouncyCastle.Asn1.X509;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;
using CmsAttribute = Org.BouncyCastle.Asn1.Cms.Attribute;

namespace GosApi.Sandbox.Esia;

/// <summary>
/// Checks the signature of GET …/ext-app/{apiKey}/tkn: a detached CMS SignedData (CAdES-BES as CryptoPro and
/// openssl -cades make it) over the UTF-8 bytes of the API key, made with a GOST R 34.10-2012 certificate of the
/// sandbox's test CA. Every failure is an <see cref="Infrastructure.ApiException"/> with its own ESIA code
/// (<see cref="EsiaErrors"/>); checks run in a fixed order so that one defect gives one answer.
/// </summary>
internal sealed class ApiKeySignatureVerifier(TestCertificateAuthority ca, SandboxOptions options, TimeProvider time)
{
    private static readonly DerObjectIdentifier SigningCertificateV2 = PkcsObjectIdentifiers.IdAASigningCertificateV2; // 1.2.840.113549.1.9.16.2.47

    /// <summary>Returns the signer's certificate when everything holds; throws the ESIA error of the first check that fails.</summary>
    public BcCertificate Verify(string apiKey, string? signature)
    {
        if (string.IsNullOrEmpty(signature))
            throw EsiaErrors.BadRequest(EsiaErrors.MissingParameter, "the request does not contain the mandatory parameter [signature]");
        var der = DecodeBase64Url(signature);
        var signed = ParseSignedData(der);
        var signer = SingleSigner(signed);
        var certificate = SignerCertificate(signed, signer);
        var key = CertificateKey(certificate);
        CheckAlgorithms(signer, key);
        var attributes = RequiredAttributes(signer);

        // What was signed: the key string itself.
        var expected = Gost.Hash(key.Is512, Encoding.UTF8.GetBytes(apiKey));
        if (!CryptographicOperations.FixedTimeEquals(attributes.MessageDigest, expected))
            throw EsiaErrors.Unauthorized(EsiaErrors.DigestMismatch,
                "messageDigest is not the GOST R 34.11-2012 hash of the API key in the path: the CMS signs other data (sign the UTF-8 bytes of the key string, nothing else)");

        // The signature over the DER SET OF signed attributes (RFC 5652 §5.4).
        if (!Gost.Verify(key, signer.SignedAttrs.GetEncoded(Asn1Encodable.Der), signer.Signature.GetOctets()))
            throw EsiaErrors.Unauthorized(EsiaErrors.BadSignature, "the signature does not verify with the signer's certificate");

        CheckSigningCertificate(attributes.SigningCertificate, certificate);

        if (!ca.Issued(certificate, out var reason))
            throw EsiaErrors.Unauthorized(EsiaErrors.UntrustedCertificate, $"certificate {Describe(certificate)} is not trusted: {reason}");
        if (certificate.GetKeyUsage() is { } usage && !usage[0] && !usage[1])
            throw EsiaErrors.Unauthorized(EsiaErrors.UntrustedCertificate, $"certificate {Describe(certificate)} may not sign: keyUsage has neither digitalSignature nor nonRepudiation");

        var now = time.GetUtcNow();
        CheckValidity(certificate, now, "certificate " + Describe(certificate));
        CheckValidity(ca.Certificate, now, "the sandbox test CA certificate");

        var skew = attributes.SigningTime - now;
        if (skew.Duration() > options.EsiaSigningTimeTolerance)
            throw EsiaErrors.Unauthorized(EsiaErrors.StaleSigningTime,
                $"signingTime {attributes.SigningTime:yyyy-MM-ddTHH:mm:ssZ} is {Math.Abs(skew.TotalSeconds):0} s {(skew < TimeSpan.Zero ? "before" : "after")} the server time {now:yyyy-MM-ddTHH:mm:ssZ}; " +
                $"at most {options.EsiaSigningTimeTolerance.TotalSeconds:0} s allowed: sign anew for every token request");
        return certificate;
    }

    /// <summary>
    /// base64url as java.util.Base64.getUrlDecoder() reads it (ESIA is a Java service): the URL-safe alphabet only,
    /// trailing '=' padding tolerated but not required. '+' and '/' of standard base64 are rejected ('+' reaches the
    /// server as a space when it is not percent-encoded).
    /// </summary>
    internal static byte[] DecodeBase64Url(string value)
    {
        var end = value.Length;
        var padding = 0;
        while (end > 0 && value[end - 1] == '=' && padding < 2) { end--; padding++; }
        for (var i = 0; i < end; i++)
        {
            var c = value[i];
            if (c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_') continue;
            var hint = c switch
            {
                '+' or '/' or ' ' => " (standard base64 alphabet? use base64url: '-' for '+', '_' for '/', no '=')",
                '=' => " (padding only at the end, at most two '=')",
                _ => "",
            };
            throw EsiaErrors.BadRequest(EsiaErrors.BadParameter, $"parameter [signature] is not base64url: illegal character '{c}' at position {i}{hint}");
        }
        if (end % 4 == 1 || (padding > 0 && (end + padding) % 4 != 0))
            throw EsiaErrors.BadRequest(EsiaErrors.BadParameter, "parameter [signature] is not base64url: wrong length");
        var text = value[..end].Replace('-', '+').Replace('_', '/');
        text = text.PadRight(text.Length + (4 - text.Length % 4) % 4, '=');
        return Convert.FromBase64String(text);
    }

    private static SignedData ParseSignedData(byte[] der)
    {
        ContentInfo info;
        try
        {
            info = ContentInfo.GetInstance(Asn1Object.FromByteArray(der));
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or InvalidCastException or InvalidOperationException)
        {
            throw EsiaErrors.BadRequest(EsiaErrors.NotCms, "signature is not a DER CMS ContentInfo: " + ex.Message);
        }
        if (!CmsObjectIdentifiers.SignedData.Equals(info.ContentType))
            throw EsiaErrors.BadRequest(EsiaErrors.NotCms, $"signature is a CMS {info.ContentType}, not SignedData (1.2.840.113549.1.7.2)");
        try
        {
            var signed = SignedData.GetInstance(info.Content);
            if (signed.EncapContentInfo.Content is not null)
                throw EsiaErrors.BadRequest(EsiaErrors.NotCms, "the CMS is attached (it carries the content); a detached signature is required");
            return signed;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidCastException or InvalidOperationException)
        {
            throw EsiaErrors.BadRequest(EsiaErrors.NotCms, "signature is not a valid CMS SignedData: " + ex.Message);
        }
    }

    private static SignerInfo SingleSigner(SignedData signed)
    {
        if (signed.SignerInfos.Count != 1)
            throw EsiaErrors.BadRequest(EsiaErrors.NotCms, $"the CMS has {signed.SignerInfos.Count} signers; exactly one is required");
        try { return SignerInfo.GetInstance(signed.SignerInfos[0]); }
        catch (Exception ex) when (ex is ArgumentException or InvalidCastException)
        {
            throw EsiaErrors.BadRequest(EsiaErrors.NotCms, "SignerInfo is malformed: " + ex.Message);
        }
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
                throw EsiaErrors.BadRequest(EsiaErrors.NotCms, "a certificate in the CMS is malformed: " + ex.Message);
            }
        }
        if (certificates.Count == 0)
            throw EsiaErrors.BadRequest(EsiaErrors.NotCms, "the CMS does not include the signer's certificate (sign with the certificate included)");

        var id = signer.SignerID;
        BcCertificate? match;
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
        return match ?? throw EsiaErrors.BadRequest(EsiaErrors.NotCms,
            "none of the certificates in the CMS matches the SignerInfo's sid (sign with the signer's certificate included)");
    }

    private static GostPublicKey CertificateKey(BcCertificate certificate)
    {
        try { return Gost.DecodePublicKey(certificate.SubjectPublicKeyInfo); }
        catch (GostFormatException ex)
        {
            throw EsiaErrors.BadRequest(EsiaErrors.UnsupportedAlgorithm, $"signer certificate {Describe(certificate)}: {ex.Message}");
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
            throw EsiaErrors.BadRequest(EsiaErrors.UnsupportedAlgorithm, digest.Equals(other)
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
        throw EsiaErrors.BadRequest(EsiaErrors.UnsupportedAlgorithm,
            $"signatureAlgorithm {algorithm} is not GOST R 34.10-2012 {size} bit ({keyAlgorithm} or {signWithDigest}){hint}");
    }

    private sealed record SignedAttributes(byte[] MessageDigest, DateTimeOffset SigningTime, SigningCertificateV2 SigningCertificate);

    private static SignedAttributes RequiredAttributes(SignerInfo signer)
    {
        if (signer.SignedAttrs is null || signer.SignedAttrs.Count == 0)
            throw EsiaErrors.BadRequest(EsiaErrors.SignedAttributes,
                "the SignerInfo has no signed attributes; contentType, messageDigest, signingTime and signingCertificateV2 are required (CAdES-BES)");
        var table = new Org.BouncyCastle.Asn1.Cms.AttributeTable(signer.SignedAttrs);
        var missing = new List<string>();
        CmsAttribute? Single(DerObjectIdentifier oid, string name)
        {
            var all = table.GetAll(oid);
            if (all.Count == 0) { missing.Add(name); return null; }
            var attribute = (CmsAttribute)all[0];
            if (all.Count > 1 || attribute.AttrValues.Count != 1)
                throw EsiaErrors.BadRequest(EsiaErrors.SignedAttributes, $"signed attribute {name} must occur once with one value");
            return attribute;
        }
        var contentType = Single(CmsAttributes.ContentType, "contentType");
        var messageDigest = Single(CmsAttributes.MessageDigest, "messageDigest");
        var signingTime = Single(CmsAttributes.SigningTime, "signingTime");
        var signingCertificate = Single(SigningCertificateV2, "signingCertificateV2");
        if (missing.Count > 0)
            throw EsiaErrors.BadRequest(EsiaErrors.SignedAttributes,
                $"required signed attribute(s) missing: {string.Join(", ", missing)} (CAdES-BES needs contentType, messageDigest, signingTime and signingCertificateV2; with openssl add -cades)");
        try
        {
            if (!CmsObjectIdentifiers.Data.Equals(contentType!.AttrValues[0]))
                throw EsiaErrors.BadRequest(EsiaErrors.SignedAttributes, $"contentType is {contentType.AttrValues[0]}, expected id-data (1.2.840.113549.1.7.1)");
            return new SignedAttributes(
                Asn1OctetString.GetInstance(messageDigest!.AttrValues[0]).GetOctets(),
                new DateTimeOffset(DateTime.SpecifyKind(Org.BouncyCastle.Asn1.Cms.Time.GetInstance(signingTime!.AttrValues[0]).ToDateTime(), DateTimeKind.Utc)),
                Org.BouncyCastle.Asn1.Ess.SigningCertificateV2.GetInstance(signingCertificate!.AttrValues[0]));
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidCastException or FormatException or InvalidOperationException)
        {
            throw EsiaErrors.BadRequest(EsiaErrors.SignedAttributes, "a signed attribute is malformed: " + ex.Message);
        }
    }

    /// <summary>The first ESSCertIDv2 must carry the hash of the signer's certificate (and its issuer/serial, if given).</summary>
    private static void CheckSigningCertificate(SigningCertificateV2 attribute, BcCertificate certificate)
    {
        var ids = attribute.GetCerts();
        if (ids.Length == 0)
            throw EsiaErrors.BadRequest(EsiaErrors.SignedAttributes, "signingCertificateV2 lists no certificate");
        var id = ids[0];
        var algorithm = id.HashAlgorithm?.Algorithm ?? NistObjectIdentifiers.IdSha256;
        byte[] hash;
        var der = certificate.GetEncoded();
        if (algorithm.Equals(NistObjectIdentifiers.IdSha256)) hash = SHA256.HashData(der);
        else if (algorithm.Equals(NistObjectIdentifiers.IdSha384)) hash = SHA384.HashData(der);
        else if (algorithm.Equals(NistObjectIdentifiers.IdSha512)) hash = SHA512.HashData(der);
        else if (algorithm.Equals(Gost.Digest256)) hash = Gost.Hash(false, der);
        else if (algorithm.Equals(Gost.Digest512)) hash = Gost.Hash(true, der);
        else
            throw EsiaErrors.BadRequest(EsiaErrors.UnsupportedAlgorithm,
                $"signingCertificateV2 hash algorithm {algorithm} is not supported (GOST R 34.11-2012 or SHA-2)");
        if (!hash.AsSpan().SequenceEqual(id.GetCertHash()))
            throw EsiaErrors.Unauthorized(EsiaErrors.SigningCertificateMismatch,
                $"signingCertificateV2 names another certificate than the one that signed ({Describe(certificate)})");
        if (id.IssuerSerial is { } issuerSerial)
        {
            var sameSerial = issuerSerial.Serial.Value.Equals(certificate.SerialNumber);
            var sameIssuer = issuerSerial.Issuer.GetNames().Any(n =>
                n.TagNo == GeneralName.DirectoryName && X509Name.GetInstance(n.Name).Equivalent(certificate.IssuerDN, true));
            if (!sameSerial || !sameIssuer)
                throw EsiaErrors.Unauthorized(EsiaErrors.SigningCertificateMismatch,
                    $"signingCertificateV2 issuerSerial does not match the signer's certificate ({Describe(certificate)})");
        }
    }

    private static void CheckValidity(BcCertificate certificate, DateTimeOffset now, string what)
    {
        var notBefore = new DateTimeOffset(certificate.NotBefore, TimeSpan.Zero);
        var notAfter = new DateTimeOffset(certificate.NotAfter, TimeSpan.Zero);
        if (now > notAfter)
            throw EsiaErrors.Unauthorized(EsiaErrors.CertificateNotValidNow, $"{what} expired at {notAfter:yyyy-MM-ddTHH:mm:ssZ}");
        if (now < notBefore)
            throw EsiaErrors.Unauthorized(EsiaErrors.CertificateNotValidNow, $"{what} is not valid before {notBefore:yyyy-MM-ddTHH:mm:ssZ}");
    }

    internal static string Describe(BcCertificate certificate) => $"\"{certificate.SubjectDN}\" (serial {certificate.SerialNumber.ToString(16).ToUpperInvariant()})";
}
