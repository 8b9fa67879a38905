using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Text.RegularExpressions;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;

namespace GosApi.Sandbox.Esia;

/// <summary>
/// The sandbox's test root CA (GOST R 34.10-2012): generated at start or loaded from <see cref="SandboxOptions"/>;
/// issues end-entity certificates and PKCS#12 files, and tells whether it issued a certificate.
/// </summary>
internal sealed partial class TestCertificateAuthority
{
    public static readonly DerObjectIdentifier Ogrn = new("1.2.643.100.1");
    public static readonly DerObjectIdentifier Ogrnip = new("1.2.643.100.5");
    public static readonly DerObjectIdentifier InnLe = new("1.2.643.100.4");
    public static readonly DerObjectIdentifier Inn = new("1.2.643.3.131.1.1");

    private readonly TimeProvider _time;
    private readonly GostKeyPair _key;

    public TestCertificateAuthority(SandboxOptions options, TimeProvider time)
    {
        _time = time;
        if (options.EsiaCaCertificate is not null)
        {
            (Certificate, _key) = Load(options.EsiaCaCertificate, options.EsiaCaPrivateKey!);
        }
        else
        {
            var random = new SecureRandom();
            _key = Gost.Generate(GostParameterSet.CryptoProA, random);
            var now = time.GetUtcNow();
            var name = new X509Name($"CN=GosApi Sandbox Test CA {now:yyyyMMddHHmmss}-{RandomNumberGenerator.GetHexString(4)},O=GosApi Sandbox,C=RU");
            var generator = new X509V3CertificateGenerator();
            generator.SetSerialNumber(NewSerial(random));
            generator.SetIssuerDN(name);
            generator.SetSubjectDN(name);
            generator.SetNotBefore(now.AddDays(-1).UtcDateTime);
            generator.SetNotAfter(now.AddYears(10).UtcDateTime);
            var spki = Gost.EncodePublicKey(_key.Public);
            generator.SetSubjectPublicKeyInfo(spki);
            generator.AddExtension(X509Extensions.BasicConstraints, true, new BasicConstraints(true));
            generator.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage(KeyUsage.KeyCertSign | KeyUsage.CrlSign));
            generator.AddExtension(X509Extensions.SubjectKeyIdentifier, false, KeyIdentifier(spki));
            Certificate = generator.Generate(SignatureFactory(random));
        }
        CertificatePem = PemEncoding.WriteString("CERTIFICATE", Certificate.GetEncoded());
    }

    public BcCertificate Certificate { get; }

    public string CertificatePem { get; }

    public GostPublicKey PublicKey => _key.Public;

    /// <summary>The certificate names this CA as issuer and carries a valid GOST R 34.10-2012 signature of its key.</summary>
    public bool Issued(BcCertificate certificate, out string reason)
    {
        if (!certificate.IssuerDN.Equivalent(Certificate.SubjectDN, true))
        {
            reason = $"certificate issuer \"{certificate.IssuerDN}\" is not the sandbox test CA \"{Certificate.SubjectDN}\"";
            return false;
        }
        var expected = _key.Public.Is512 ? Gost.SignatureAlgorithm512 : Gost.SignatureAlgorithm256;
        if (!certificate.SignatureAlgorithm.Algorithm.Equals(expected))
        {
            reason = $"certificate signature algorithm {certificate.SignatureAlgorithm.Algorithm} is not {expected}";
            return false;
        }
        if (!Gost.Verify(_key.Public, certificate.GetTbsCertificate(), certificate.GetSignature()))
        {
            reason = "certificate signature does not verify with the sandbox test CA's key";
            return false;
        }
        reason = "";
        return true;
    }

    public TestCertificate Issue(TestCertificateRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var random = new SecureRandom();
        var now = _time.GetUtcNow();
        var notBefore = request.NotBefore ?? now.AddHours(-1);
        var notAfter = request.NotAfter ?? now.AddYears(1);
        if (notAfter <= notBefore) throw new ArgumentException("notAfter must be later than notBefore");

        GostKeyPair? pair = null;
        GostPublicKey publicKey;
        if (request.PublicKey is { Length: > 0 } encoded)
        {
            SubjectPublicKeyInfo info;
            try { info = SubjectPublicKeyInfo.GetInstance(Asn1Object.FromByteArray(encoded)); }
            catch (Exception ex) when (ex is IOException or ArgumentException or InvalidCastException)
            {
                throw new ArgumentException("publicKey: not a DER SubjectPublicKeyInfo: " + ex.Message);
            }
            try { publicKey = Gost.DecodePublicKey(info); }
            catch (GostFormatException ex) { throw new ArgumentException("publicKey: " + ex.Message); }
        }
        else
        {
            if (string.IsNullOrEmpty(request.Password)) throw new ArgumentException("password: required for the PKCS#12 of a generated key");
            pair = Gost.Generate(request.ParameterSet, random);
            publicKey = pair.Public;
        }

        var subject = request.Subject ?? SubjectName(request);
        var spki = Gost.EncodePublicKey(publicKey);
        var generator = new X509V3CertificateGenerator();
        var serial = NewSerial(random);
        generator.SetSerialNumber(serial);
        generator.SetIssuerDN(Certificate.SubjectDN);
        generator.SetSubjectDN(subject);
        generator.SetNotBefore(notBefore.UtcDateTime);
        generator.SetNotAfter(notAfter.UtcDateTime);
        generator.SetSubjectPublicKeyInfo(spki);
        generator.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage(KeyUsage.DigitalSignature | KeyUsage.NonRepudiation));
        generator.AddExtension(X509Extensions.ExtendedKeyUsage, false,
            new ExtendedKeyUsage(KeyPurposeID.id_kp_clientAuth, KeyPurposeID.id_kp_emailProtection));
        generator.AddExtension(X509Extensions.SubjectKeyIdentifier, false, KeyIdentifier(spki));
        generator.AddExtension(X509Extensions.AuthorityKeyIdentifier, false,
            new AuthorityKeyIdentifier(KeyIdentifier(Certificate.SubjectPublicKeyInfo).GetKeyIdentifier()));
        var certificate = generator.Generate(SignatureFactory(random));
        var der = certificate.GetEncoded();

        byte[]? pkcs8 = null, pkcs12 = null;
        if (pair is not null)
        {
            pkcs8 = Gost.EncodePrivateKey(pair).GetEncoded(Asn1Encodable.Der);
            pkcs12 = BuildPkcs12(pkcs8, der, Certificate.GetEncoded(), request.Password);
        }
        return new TestCertificate(der, PemEncoding.WriteString("CERTIFICATE", der), pkcs8, pkcs12, pair is null ? null : request.Password,
            serial.ToString(16).ToUpperInvariant(), subject.ToString(), new DateTimeOffset(certificate.NotBefore, TimeSpan.Zero),
            new DateTimeOffset(certificate.NotAfter, TimeSpan.Zero), publicKey.ParameterSet.Id, publicKey.Is512 ? 512 : 256);
    }

    /// <summary>OGRN or OGRNIP in the certificate's subject, if any.</summary>
    public static string? OgrnOf(BcCertificate certificate)
    {
        var values = certificate.SubjectDN.GetValueList(Ogrn);
        if (values.Count == 0) values = certificate.SubjectDN.GetValueList(Ogrnip);
        return values.Count == 0 ? null : values[0];
    }

    /// <summary>
    /// PKCS#12 built from the explicit PKCS#8 (BouncyCastle's Pkcs12Store would re-encode a CryptoPro-parameter key
    /// under the 2001 OID). PBES2 with PBKDF2-HMAC-SHA-256 and AES-256-CBC for the key and the certificates,
    /// HMAC-SHA-256 MAC: what OpenSSL 3 writes by default and reads with the gost engine loaded.
    /// </summary>
    private static byte[] BuildPkcs12(byte[] pkcs8, byte[] certificate, byte[] caCertificate, string password)
    {
        var pbe = new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 2048);
        var localKeyId = new Pkcs9LocalKeyId(SHA1.HashData(certificate));
        var privateKey = Pkcs8PrivateKeyInfo.Decode(pkcs8, out _, skipCopy: true);

        var keys = new Pkcs12SafeContents();
        var keyBag = new Pkcs12ShroudedKeyBag(privateKey.Encrypt(password, pbe), skipCopy: true);
        keyBag.Attributes.Add(localKeyId);
        keys.AddSafeBag(keyBag);

        var certificates = new Pkcs12SafeContents();
        var x509Type = new Oid("1.2.840.113549.1.9.22.1");
        var certBag = new Pkcs12CertBag(x509Type, DerOctet(certificate));
        certBag.Attributes.Add(localKeyId);
        certificates.AddSafeBag(certBag);
        certificates.AddSafeBag(new Pkcs12CertBag(x509Type, DerOctet(caCertificate)));

        var builder = new Pkcs12Builder();
        builder.AddSafeContentsEncrypted(certificates, password, pbe);
        builder.AddSafeContentsUnencrypted(keys);
        builder.SealWithMac(password, HashAlgorithmName.SHA256, 2048);
        return builder.Encode();
    }

    /// <summary>CertBag's certValue for x509Certificate is the DER certificate wrapped in an OCTET STRING.</summary>
    private static byte[] DerOctet(byte[] content) => new DerOctetString(content).GetEncoded(Asn1Encodable.Der);

    private Asn1SignatureFactory SignatureFactory(SecureRandom random) => new(
        _key.Public.Is512 ? "GOST3411-2012-512WITHECGOST3410-2012-512" : "GOST3411-2012-256WITHECGOST3410-2012-256", _key.Private, random);

    private static SubjectKeyIdentifier KeyIdentifier(SubjectPublicKeyInfo spki) =>
        new(SHA1.HashData(spki.PublicKey.GetOctets()));

    private static BigInteger NewSerial(SecureRandom random) => new(1, RandomNumberGenerator.GetBytes(16));

    private static X509Name SubjectName(TestCertificateRequest request)
    {
        var oids = new List<DerObjectIdentifier> { X509Name.C };
        var values = new List<string> { "RU" };
        if (!string.IsNullOrWhiteSpace(request.Organization)) { oids.Add(X509Name.O); values.Add(request.Organization); }
        if (string.IsNullOrWhiteSpace(request.CommonName)) throw new ArgumentException("commonName: must not be empty");
        oids.Add(X509Name.CN);
        values.Add(request.CommonName);
        if (request.Ogrn is { } ogrn)
        {
            if (!Digits().IsMatch(ogrn) || ogrn.Length is not (13 or 15)) throw new ArgumentException($"ogrn: \"{ogrn}\" is not 13 (OGRN) or 15 (OGRNIP) digits");
            oids.Add(ogrn.Length == 13 ? Ogrn : Ogrnip);
            values.Add(ogrn);
        }
        if (request.Inn is { } inn)
        {
            if (!Digits().IsMatch(inn) || inn.Length is not (10 or 12)) throw new ArgumentException($"inn: \"{inn}\" is not 10 (INNLE) or 12 (INN) digits");
            oids.Add(inn.Length == 10 ? InnLe : Inn);
            values.Add(inn);
        }
        return new X509Name(oids, values, new RussianEntryConverter());
    }

    private static (BcCertificate, GostKeyPair) Load(string certificateSource, string keySource)
    {
        BcCertificate certificate;
        try { certificate = new BcCertificate(ReadDer(certificateSource, "CERTIFICATE", nameof(SandboxOptions.EsiaCaCertificate))); }
        catch (Exception ex) when (ex is not ArgumentException) { throw new ArgumentException($"{nameof(SandboxOptions.EsiaCaCertificate)}: not an X.509 certificate: {ex.Message}"); }

        GostKeyPair key;
        GostPublicKey certificateKey;
        try
        {
            var der = ReadDer(keySource, "PRIVATE KEY", nameof(SandboxOptions.EsiaCaPrivateKey));
            key = Gost.DecodePrivateKey(PrivateKeyInfo.GetInstance(Asn1Object.FromByteArray(der)));
            certificateKey = Gost.DecodePublicKey(certificate.SubjectPublicKeyInfo);
        }
        catch (GostFormatException ex) { throw new ArgumentException($"{nameof(SandboxOptions.EsiaCaPrivateKey)}: {ex.Message}"); }
        catch (Exception ex) when (ex is IOException or InvalidCastException or InvalidOperationException)
        {
            throw new ArgumentException($"{nameof(SandboxOptions.EsiaCaPrivateKey)}: not an unencrypted PKCS#8 GOST key: {ex.Message}");
        }
        if (!Gost.SamePublicKey(key.Public, certificateKey))
            throw new ArgumentException($"{nameof(SandboxOptions.EsiaCaPrivateKey)}: the key does not belong to the CA certificate");
        if (certificate.GetBasicConstraints() < 0)
            throw new ArgumentException($"{nameof(SandboxOptions.EsiaCaCertificate)}: not a CA certificate (basicConstraints cA is not true)");
        if (certificate.GetKeyUsage() is { } usage && !usage[5])
            throw new ArgumentException($"{nameof(SandboxOptions.EsiaCaCertificate)}: keyUsage does not include keyCertSign");
        return (certificate, key with { Public = certificateKey });
    }

    /// <summary>PEM text, or a path to a PEM or DER file.</summary>
    private static byte[] ReadDer(string source, string label, string option)
    {
        string? text = source.Contains("-----BEGIN", StringComparison.Ordinal) ? source : null;
        if (text is null)
        {
            if (!File.Exists(source)) throw new ArgumentException($"{option}: neither PEM text nor an existing file: {source}");
            var bytes = File.ReadAllBytes(source);
            if (bytes.Length > 0 && bytes[0] == 0x30) return bytes;
            text = System.Text.Encoding.ASCII.GetString(bytes);
        }
        foreach (var (fields, pemText) in PemBlocks(text))
        {
            if (pemText[fields.Label].SequenceEqual(label)) return Convert.FromBase64String(pemText[fields.Base64Data].ToString());
        }
        if (label == "PRIVATE KEY" && text.Contains("ENCRYPTED PRIVATE KEY", StringComparison.Ordinal))
            throw new ArgumentException($"{option}: encrypted private keys are not supported; export it unencrypted (openssl pkey -in … -out …)");
        throw new ArgumentException($"{option}: no \"-----BEGIN {label}-----\" block found");
    }

    private static IEnumerable<(PemFields, string)> PemBlocks(string text)
    {
        var offset = 0;
        while (offset < text.Length && PemEncoding.TryFind(text.AsSpan(offset), out var fields))
        {
            var block = text.Substring(offset);
            yield return (fields, block);
            offset += fields.Location.End.Value;
        }
    }

    [GeneratedRegex("^[0-9]+$")]
    private static partial Regex Digits();

    /// <summary>OGRN, OGRNIP, INN and INNLE are NumericString in Russian qualified certificates; everything else UTF8String.</summary>
    private sealed class RussianEntryConverter : X509DefaultEntryConverter
    {
        public override Asn1Object GetConvertedValue(DerObjectIdentifier oid, string value) =>
            oid.Equals(Ogrn) || oid.Equals(Ogrnip) || oid.Equals(InnLe) || oid.Equals(Inn)
                ? new DerNumericString(value)
                : base.GetConvertedValue(oid, value);
    }
}
