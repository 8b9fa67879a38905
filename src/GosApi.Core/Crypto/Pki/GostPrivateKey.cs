using System;
using System.IO;
using System.Security;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Math;

namespace GosApi.Crypto.Pki
{
    /// <summary>
    /// A GOST R 34.10-2012 private key held in memory. Opaque: <see cref="ToString"/> shows the algorithm and
    /// parameter set only, never key material. Export it as encrypted PKCS#8 (PBES2, PBKDF2-HMAC-SHA256, AES-256-CBC —
    /// what openssl with the gost engine reads) and import PKCS#8 (encrypted or not), DER or PEM.
    /// </summary>
    public sealed class GostPrivateKey
    {
        internal const string EncryptedPemLabel = "ENCRYPTED PRIVATE KEY";
        internal const string PemLabel = "PRIVATE KEY";

        private readonly BigInteger d;

        internal GostPrivateKey(GostParameterSet parameterSet, BigInteger d, GostPublicKey? publicKey = null)
        {
            ParameterSet = parameterSet;
            this.d = d;
            PublicKey = publicKey ?? GostAlgorithms.PublicFromPrivate(parameterSet, d);
        }

        /// <summary>The curve parameter set.</summary>
        public GostParameterSet ParameterSet { get; }

        /// <summary>256 or 512.</summary>
        public int KeySize => ParameterSet.KeySize();

        /// <summary>"GOST R 34.10-2012 256-bit" or "… 512-bit".</summary>
        public string Algorithm => "GOST R 34.10-2012 " + KeySize + "-bit";

        internal GostPublicKey PublicKey { get; }

        internal BigInteger D => d;

        /// <summary>A new random key of the parameter set.</summary>
        public static GostPrivateKey Generate(GostParameterSet parameterSet)
        {
            var (key, pub) = GostAlgorithms.Generate(parameterSet);
            return new GostPrivateKey(parameterSet, key, pub);
        }

        /// <summary>Whether the certificate carries this key's public key.</summary>
        public bool Matches(GostCertificate certificate)
        {
            if (certificate is null) throw new ArgumentNullException(nameof(certificate));
            return certificate.PublicKey.SameAs(PublicKey);
        }

        /// <summary>The DER SubjectPublicKeyInfo of the public key (2012 algorithm OID, parameters as openssl writes them).</summary>
        public byte[] ExportSubjectPublicKeyInfo() => GostAlgorithms.EncodePublicKey(PublicKey).GetDerEncoded();

        /// <summary>Encrypted PKCS#8 (EncryptedPrivateKeyInfo) DER.</summary>
        public byte[] ExportEncryptedPkcs8(SecureString password) => WithPassword(Secrets.ToChars(password), ExportEncrypted);

        /// <summary>Encrypted PKCS#8 (EncryptedPrivateKeyInfo) DER.</summary>
        public byte[] ExportEncryptedPkcs8(string password) => WithPassword(Secrets.ToChars(password), ExportEncrypted);

        /// <summary>Encrypted PKCS#8 PEM ("-----BEGIN ENCRYPTED PRIVATE KEY-----").</summary>
        public string ExportEncryptedPkcs8Pem(SecureString password) => Pem.Encode(EncryptedPemLabel, ExportEncryptedPkcs8(password));

        /// <summary>Encrypted PKCS#8 PEM ("-----BEGIN ENCRYPTED PRIVATE KEY-----").</summary>
        public string ExportEncryptedPkcs8Pem(string password) => Pem.Encode(EncryptedPemLabel, ExportEncryptedPkcs8(password));

        /// <summary>Unencrypted PKCS#8 DER. The key is readable by anyone who gets the bytes: prefer the encrypted forms.</summary>
        public byte[] ExportUnencryptedPkcs8() => GostAlgorithms.EncodePrivateKey(ParameterSet, d).GetDerEncoded();

        /// <summary>Unencrypted PKCS#8 PEM ("-----BEGIN PRIVATE KEY-----"). Prefer the encrypted forms.</summary>
        public string ExportUnencryptedPkcs8Pem() => Pem.Encode(PemLabel, ExportUnencryptedPkcs8());

        /// <summary>Reads PKCS#8 DER or PEM, encrypted (password required) or not.</summary>
        public static GostPrivateKey Import(byte[] data, SecureString? password = null) => WithPassword(Secrets.ToChars(password), p => Import(data, p));

        /// <summary>Reads PKCS#8 DER or PEM, encrypted (password required) or not.</summary>
        public static GostPrivateKey Import(byte[] data, string? password) => WithPassword(Secrets.ToChars(password), p => Import(data, p));

        /// <summary>Reads the first PRIVATE KEY or ENCRYPTED PRIVATE KEY block of PEM text.</summary>
        public static GostPrivateKey ImportPem(string pem, SecureString? password = null) => WithPassword(Secrets.ToChars(password), p => ImportPem(pem, p));

        /// <summary>Reads the first PRIVATE KEY or ENCRYPTED PRIVATE KEY block of PEM text.</summary>
        public static GostPrivateKey ImportPem(string pem, string? password) => WithPassword(Secrets.ToChars(password), p => ImportPem(pem, p));

        /// <summary>"GOST R 34.10-2012 256-bit private key (CryptoProA)": never key material.</summary>
        public override string ToString() => Algorithm + " private key (" + ParameterSet + ")";

        internal static GostPrivateKey Import(byte[] data, char[] password)
        {
            if (data is null) throw new ArgumentNullException(nameof(data));
            if (Pem.LooksLikePem(data, out var text)) return ImportPem(text, password);
            return ImportDer(data, password);
        }

        internal static GostPrivateKey ImportPem(string pem, char[] password)
        {
            if (pem is null) throw new ArgumentNullException(nameof(pem));
            foreach (var (label, der) in Pem.DecodeAll(pem))
            {
                if (label == PemLabel || label == EncryptedPemLabel) return ImportDer(der, password);
                if (label == "EC PRIVATE KEY" || label == "GOST PRIVATE KEY")
                {
                    throw new GostCryptoException("The PEM block " + label + " is not PKCS#8; convert it with 'openssl pkcs8 -topk8'.");
                }
            }
            throw new GostCryptoException("The text has no PRIVATE KEY or ENCRYPTED PRIVATE KEY PEM block.");
        }

        internal static GostPrivateKey ImportDer(byte[] der, char[] password)
        {
            Asn1Sequence sequence;
            try
            {
                sequence = Asn1Sequence.GetInstance(Asn1Object.FromByteArray(der));
            }
            catch (Exception ex) when (ex is IOException || ex is ArgumentException)
            {
                throw new GostCryptoException("The data is not a DER PKCS#8 private key.", ex);
            }
            // PrivateKeyInfo starts with INTEGER version; EncryptedPrivateKeyInfo with the AlgorithmIdentifier SEQUENCE.
            if (sequence.Count == 2 && sequence[0] is Asn1Sequence)
            {
                if (password.Length == 0) throw new GostCryptoException("The private key is encrypted: a password is required.");
                var encrypted = EncryptedPrivateKeyInfo.GetInstance(sequence);
                var plain = PasswordBasedEncryption.Decrypt(encrypted.EncryptionAlgorithm, encrypted.GetEncryptedData(), password, "private key");
                try
                {
                    return FromPrivateKeyInfo(ParsePrivateKeyInfo(plain, "Cannot decrypt the private key: wrong password or damaged data."));
                }
                finally
                {
                    Secrets.Clear(plain);
                }
            }
            return FromPrivateKeyInfo(ParsePrivateKeyInfo(der, "The data is not a PKCS#8 private key."));
        }

        internal static PrivateKeyInfo ParsePrivateKeyInfo(byte[] der, string message)
        {
            try
            {
                return PrivateKeyInfo.GetInstance(Asn1Object.FromByteArray(der));
            }
            catch (Exception ex) when (ex is IOException || ex is ArgumentException || ex is InvalidCastException)
            {
                throw new GostCryptoException(message, ex);
            }
        }

        internal static GostPrivateKey FromPrivateKeyInfo(PrivateKeyInfo info)
        {
            var (set, d) = GostAlgorithms.DecodePrivateKey(info);
            return new GostPrivateKey(set, d);
        }

        internal PrivateKeyInfo ToPrivateKeyInfo() => GostAlgorithms.EncodePrivateKey(ParameterSet, d);

        internal byte[] SignHash(byte[] hash) => GostAlgorithms.SignHash(ParameterSet, d, hash);

        internal byte[] Sign(byte[] data) => GostAlgorithms.Sign(ParameterSet, d, data);

        private byte[] ExportEncrypted(char[] password)
        {
            if (password.Length == 0) throw new ArgumentException("A password is required to export an encrypted private key.", nameof(password));
            var plain = ExportUnencryptedPkcs8();
            try
            {
                var (algorithm, data) = PasswordBasedEncryption.Encrypt(plain, password);
                return new EncryptedPrivateKeyInfo(algorithm, data).GetDerEncoded();
            }
            finally
            {
                Secrets.Clear(plain);
            }
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
