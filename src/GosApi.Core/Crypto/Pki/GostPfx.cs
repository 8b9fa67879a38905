using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Utilities;
using ContentInfo = Org.BouncyCastle.Asn1.Pkcs.ContentInfo;

namespace GosApi.Crypto.Pki
{
    /// <summary>
    /// PKCS#12 (PFX) and PEM credentials with GOST R 34.10-2012 keys.
    /// <para>Import reads: openssl's PFX with AES-based PBES2 (OpenSSL 3 default) or PKCS#12 3DES/RC2 PBE; the TC26/CryptoPro
    /// profile (R 50.1.112-2016: PBES2 with PBKDF2-HMAC-Streebog and GOST 28147-89, MAC with Streebog), as
    /// <c>openssl pkcs12 -export -keypbe gost89 -certpbe gost89 -macalg md_gost12_512</c> and CryptoPro CSP 5 write it;
    /// keys as plain, INTEGER or CryptoPro masked values. Not supported, with an error that says so: the old proprietary
    /// CryptoPro export (GOST R 34.11-94 MAC, 1.2.840.113549.1.12.1.80-style PBE), certificate-encrypted (enveloped) bags,
    /// GOST R 34.10-2001 keys.</para>
    /// <para>Export writes what openssl with the gost engine reads: PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC) for the key and the
    /// certificates, HMAC-SHA256 MAC.</para>
    /// </summary>
    public static class GostPfx
    {
        private const string KeyBag = "1.2.840.113549.1.12.10.1.1";
        private const string ShroudedKeyBag = "1.2.840.113549.1.12.10.1.2";
        private const string CertBagOid = "1.2.840.113549.1.12.10.1.3";
        private const string X509CertificateType = "1.2.840.113549.1.9.22.1";
        private static readonly SecureRandom Random = new SecureRandom();

        /// <summary>Reads a PFX (DER, or base64 text); the first private key with its certificate, the other certificates as the chain.</summary>
        public static GostCredential Import(byte[] pfx, SecureString? password) => WithPassword(Secrets.ToChars(password), p => Import(pfx, p));

        /// <summary>Reads a PFX (DER, or base64 text); the first private key with its certificate, the other certificates as the chain.</summary>
        public static GostCredential Import(byte[] pfx, string? password) => WithPassword(Secrets.ToChars(password), p => Import(pfx, p));

        /// <summary>Reads PEM text that holds the certificate (and optionally its chain) and the private key (PKCS#8, encrypted or not).</summary>
        public static GostCredential ImportPem(string pem, SecureString? password = null) => ImportPem(pem, pem, password);

        /// <summary>Reads the certificate (and optionally chain) PEM and the private key PEM.</summary>
        public static GostCredential ImportPem(string certificatePem, string privateKeyPem, SecureString? password = null) =>
            WithPassword(Secrets.ToChars(password), p => ImportPem(certificatePem, privateKeyPem, p));

        /// <summary>Reads the certificate (and optionally chain) PEM and the private key PEM.</summary>
        public static GostCredential ImportPem(string certificatePem, string privateKeyPem, string? password) =>
            WithPassword(Secrets.ToChars(password), p => ImportPem(certificatePem, privateKeyPem, p));

        /// <summary>Writes a PFX that openssl (with the gost engine) and this module read.</summary>
        public static byte[] Export(GostCredential credential, SecureString password, string? friendlyName = null) =>
            WithPassword(Secrets.ToChars(password), p => Export(credential, p, friendlyName));

        /// <summary>Writes a PFX that openssl (with the gost engine) and this module read.</summary>
        public static byte[] Export(GostCredential credential, string password, string? friendlyName = null) =>
            WithPassword(Secrets.ToChars(password), p => Export(credential, p, friendlyName));

        internal static GostCredential ImportPem(string certificatePem, string privateKeyPem, char[] password)
        {
            var certificates = GostCertificate.LoadAllPem(certificatePem ?? throw new ArgumentNullException(nameof(certificatePem)));
            if (certificates.Count == 0) throw new GostCryptoException("The PEM text has no CERTIFICATE block.");
            var key = GostPrivateKey.ImportPem(privateKeyPem ?? throw new ArgumentNullException(nameof(privateKeyPem)), password);
            return Pair(new[] { key }, certificates);
        }

        internal static GostCredential Import(byte[] data, char[] password)
        {
            if (data is null) throw new ArgumentNullException(nameof(data));
            var der = data.Length > 0 && data[0] == 0x30 ? data : Pem.FromBase64(System.Text.Encoding.ASCII.GetString(data), "PFX");
            Pfx pfx;
            byte[] authSafeBytes;
            try
            {
                pfx = Pfx.GetInstance(Asn1Object.FromByteArray(der));
                if (!pfx.AuthSafe.ContentType.Equals(PkcsObjectIdentifiers.Data))
                {
                    throw new GostCryptoException("The PFX is protected with public keys (" + pfx.AuthSafe.ContentType.Id + "); only password-protected PFX files are supported.");
                }
                authSafeBytes = Asn1OctetString.GetInstance(pfx.AuthSafe.Content).GetOctets();
            }
            catch (Exception ex) when (ex is IOException || ex is ArgumentException || ex is InvalidCastException)
            {
                throw new GostCryptoException("The data is not a PKCS#12 (PFX) file.", ex);
            }
            if (pfx.MacData != null) CheckMac(pfx.MacData, authSafeBytes, password);

            var keys = new List<GostPrivateKey>();
            var certificates = new List<GostCertificate>();
            var skipped = new List<string>();
            foreach (var info in AuthenticatedSafe.GetInstance(Asn1Object.FromByteArray(authSafeBytes)).GetContentInfo())
            {
                byte[] safeContents;
                if (info.ContentType.Equals(PkcsObjectIdentifiers.Data))
                {
                    safeContents = Asn1OctetString.GetInstance(info.Content).GetOctets();
                }
                else if (info.ContentType.Equals(PkcsObjectIdentifiers.EncryptedData))
                {
                    var encrypted = EncryptedData.GetInstance(info.Content);
                    safeContents = PasswordBasedEncryption.Decrypt(encrypted.EncryptionAlgorithm, encrypted.Content.GetOctets(), password, "PFX certificates");
                }
                else
                {
                    throw new GostCryptoException("The PFX holds a part of type " + info.ContentType.Id + " (encrypted to a certificate), which is not supported.");
                }
                Asn1Sequence bags;
                try
                {
                    bags = Asn1Sequence.GetInstance(Asn1Object.FromByteArray(safeContents));
                }
                catch (Exception ex) when (ex is IOException || ex is ArgumentException)
                {
                    throw new GostCryptoException("Cannot read the PFX contents: wrong password or damaged file.", ex);
                }
                foreach (var element in bags)
                {
                    ReadBag(SafeBag.GetInstance(element), password, keys, certificates, skipped);
                }
            }
            if (keys.Count == 0)
            {
                throw new GostCryptoException("The PFX holds no GOST R 34.10-2012 private key" + (skipped.Count > 0 ? " (" + string.Join("; ", skipped) + ")" : string.Empty) + ".");
            }
            return Pair(keys, certificates);
        }

        private static void ReadBag(SafeBag bag, char[] password, List<GostPrivateKey> keys, List<GostCertificate> certificates, List<string> skipped)
        {
            switch (bag.BagID.Id)
            {
                case KeyBag:
                    keys.Add(GostPrivateKey.FromPrivateKeyInfo(PrivateKeyInfo.GetInstance(bag.BagValueEncodable)));
                    break;
                case ShroudedKeyBag:
                    var encrypted = EncryptedPrivateKeyInfo.GetInstance(bag.BagValueEncodable);
                    var plain = PasswordBasedEncryption.Decrypt(encrypted.EncryptionAlgorithm, encrypted.GetEncryptedData(), password, "PFX private key");
                    try
                    {
                        keys.Add(GostPrivateKey.FromPrivateKeyInfo(GostPrivateKey.ParsePrivateKeyInfo(plain, "Cannot decrypt the PFX private key: wrong password or damaged file.")));
                    }
                    finally
                    {
                        Secrets.Clear(plain);
                    }
                    break;
                case CertBagOid:
                    var certBag = CertBag.GetInstance(bag.BagValueEncodable);
                    if (certBag.CertID.Id != X509CertificateType)
                    {
                        skipped.Add("certificate of type " + certBag.CertID.Id);
                        break;
                    }
                    try
                    {
                        certificates.Add(GostCertificate.FromDer(Asn1OctetString.GetInstance(certBag.CertValueEncodable).GetOctets()));
                    }
                    catch (GostCryptoException ex)
                    {
                        skipped.Add("certificate: " + ex.Message);
                    }
                    break;
                default:
                    skipped.Add("bag " + bag.BagID.Id);
                    break;
            }
        }

        private static GostCredential Pair(IReadOnlyList<GostPrivateKey> keys, IReadOnlyList<GostCertificate> certificates)
        {
            foreach (var key in keys)
            {
                var certificate = certificates.FirstOrDefault(key.Matches);
                if (certificate != null) return new GostCredential(certificate, key, OrderChain(certificate, certificates));
            }
            throw new GostCryptoException(certificates.Count == 0
                ? "The file holds a private key but no certificate."
                : "None of the certificates belongs to the private key.");
        }

        /// <summary>Issuers of the certificate, nearest first, then any other certificates.</summary>
        private static IEnumerable<GostCertificate> OrderChain(GostCertificate leaf, IReadOnlyList<GostCertificate> all)
        {
            var rest = all.Where(c => !c.Equals(leaf)).ToList();
            var ordered = new List<GostCertificate>();
            var current = leaf;
            while (true)
            {
                var issuer = rest.FirstOrDefault(c => !ordered.Contains(c) && current.IssuedBy(c) && !current.Equals(c));
                if (issuer is null || current.IsSelfIssued) break;
                ordered.Add(issuer);
                current = issuer;
            }
            ordered.AddRange(rest.Where(c => !ordered.Contains(c)));
            return ordered;
        }

        private static void CheckMac(MacData macData, byte[] data, char[] password)
        {
            var algorithm = macData.Mac.AlgorithmID.Algorithm.Id;
            var salt = macData.GetSalt();
            var iterations = macData.IterationCount.IntValueExact;
            byte[] expected = macData.Mac.GetDigest();
            byte[] actual;
            switch (algorithm)
            {
                case GostParameterSets.Digest256Oid:
                case GostParameterSets.Digest512Oid:
                {
                    // R 50.1.112-2016 / openssl: key = last 32 bytes of PBKDF2-HMAC-<digest>(password, salt, iterations, 96).
                    IDigest Digest() => algorithm == GostParameterSets.Digest512Oid ? new Gost3411_2012_512Digest() : (IDigest)new Gost3411_2012_256Digest();
                    var derived = PasswordBasedEncryption.Pbkdf2(password, salt, iterations, 96, Digest());
                    var key = Arrays.CopyOfRange(derived, 64, 96);
                    actual = Hmac(Digest(), key, data);
                    Secrets.Clear(derived);
                    Secrets.Clear(key);
                    break;
                }
                case "1.3.14.3.2.26":
                case "2.16.840.1.101.3.4.2.4":
                case "2.16.840.1.101.3.4.2.1":
                case "2.16.840.1.101.3.4.2.2":
                case "2.16.840.1.101.3.4.2.3":
                {
                    var digest = DigestUtilities.GetDigest(macData.Mac.AlgorithmID.Algorithm);
                    var generator = new Pkcs12ParametersGenerator(digest);
                    var passwordBytes = PbeParametersGenerator.Pkcs12PasswordToBytes(password);
                    generator.Init(passwordBytes, salt, iterations);
                    var key = ((KeyParameter)generator.GenerateDerivedMacParameters(digest.GetDigestSize() * 8)).GetKey();
                    actual = Hmac(DigestUtilities.GetDigest(macData.Mac.AlgorithmID.Algorithm), key, data);
                    Secrets.Clear(passwordBytes);
                    Secrets.Clear(key);
                    break;
                }
                default:
                    throw new GostCryptoException("The PFX integrity check uses " + algorithm + ", which is not supported (an old CryptoPro export with GOST R 34.11-94?). Re-export it with CryptoPro CSP 5 or openssl.");
            }
            if (!Arrays.FixedTimeEquals(expected, actual))
            {
                throw new GostCryptoException("The PFX password is wrong, or the file was changed (integrity check failed).");
            }
        }

        private static byte[] Hmac(IDigest digest, byte[] key, byte[] data)
        {
            var hmac = new HMac(digest);
            hmac.Init(new KeyParameter(key));
            hmac.BlockUpdate(data, 0, data.Length);
            var result = new byte[hmac.GetMacSize()];
            hmac.DoFinal(result, 0);
            return result;
        }

        internal static byte[] Export(GostCredential credential, char[] password, string? friendlyName)
        {
            if (credential is null) throw new ArgumentNullException(nameof(credential));
            if (password.Length == 0) throw new ArgumentException("A password is required to export a PFX.", nameof(password));
            var localKeyId = DigestUtilities.CalculateDigest("SHA-1", credential.Certificate.Der);
            var keyAttributes = new Asn1EncodableVector
            {
                new AttributePkcs(PkcsObjectIdentifiers.Pkcs9AtLocalKeyID, new DerSet(new DerOctetString(localKeyId))),
            };
            if (!string.IsNullOrEmpty(friendlyName))
            {
                keyAttributes.Add(new AttributePkcs(PkcsObjectIdentifiers.Pkcs9AtFriendlyName, new DerSet(new DerBmpString(friendlyName))));
            }

            var certBags = new Asn1EncodableVector();
            foreach (var certificate in new[] { credential.Certificate }.Concat(credential.Chain))
            {
                var bag = new CertBag(new DerObjectIdentifier(X509CertificateType), new DerOctetString(certificate.Der));
                certBags.Add(certificate.Equals(credential.Certificate)
                    ? new SafeBag(new DerObjectIdentifier(CertBagOid), bag, new DerSet(keyAttributes))
                    : new SafeBag(new DerObjectIdentifier(CertBagOid), bag));
            }
            var certContents = new DerSequence(certBags).GetEncoded(Asn1Encodable.Der);
            var (certAlgorithm, certCipher) = PasswordBasedEncryption.Encrypt(certContents, password);
            var certInfo = new ContentInfo(PkcsObjectIdentifiers.EncryptedData, new EncryptedData(PkcsObjectIdentifiers.Data, certAlgorithm, new DerOctetString(certCipher)));

            var plainKey = credential.PrivateKey.ExportUnencryptedPkcs8();
            byte[] keyContents;
            try
            {
                var (keyAlgorithm, keyCipher) = PasswordBasedEncryption.Encrypt(plainKey, password);
                var keyBag = new SafeBag(new DerObjectIdentifier(ShroudedKeyBag), new EncryptedPrivateKeyInfo(keyAlgorithm, keyCipher), new DerSet(keyAttributes));
                keyContents = new DerSequence(keyBag).GetEncoded(Asn1Encodable.Der);
            }
            finally
            {
                Secrets.Clear(plainKey);
            }
            var keyInfo = new ContentInfo(PkcsObjectIdentifiers.Data, new DerOctetString(keyContents));

            var authSafe = new AuthenticatedSafe(new[] { certInfo, keyInfo }).GetEncoded(Asn1Encodable.Der);
            var salt = new byte[16];
            Random.NextBytes(salt);
            var iterations = PasswordBasedEncryption.DefaultIterations;
            var generator = new Pkcs12ParametersGenerator(new Sha256Digest());
            var passwordBytes = PbeParametersGenerator.Pkcs12PasswordToBytes(password);
            generator.Init(passwordBytes, salt, iterations);
            var macKey = ((KeyParameter)generator.GenerateDerivedMacParameters(256)).GetKey();
            var mac = Hmac(new Sha256Digest(), macKey, authSafe);
            Secrets.Clear(passwordBytes);
            Secrets.Clear(macKey);
            var macData = new MacData(new DigestInfo(new AlgorithmIdentifier(new DerObjectIdentifier("2.16.840.1.101.3.4.2.1"), DerNull.Instance), mac), salt, iterations);
            return new Pfx(new ContentInfo(PkcsObjectIdentifiers.Data, new DerOctetString(authSafe)), macData).GetEncoded(Asn1Encodable.Der);
        }

        private static T WithPassword<T>(char[] password, Func<char[], T> action)
        {
            try
            {
                return action(password);
            }
            finally
            {
                Secrets.Clear(password);
            }
        }
    }
}
