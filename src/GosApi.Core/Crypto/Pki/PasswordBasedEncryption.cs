using System;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.CryptoPro;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace GosApi.Crypto.Pki
{
    /// <summary>
    /// Password-based encryption of PKCS#8 keys and PKCS#12 bags. Writes PBES2 with PBKDF2-HMAC-SHA256 and
    /// AES-256-CBC (OpenSSL 3's default, which openssl with the gost engine reads). Reads PBES2 with
    /// PBKDF2 (HMAC-SHA1/SHA-2 or HMAC-Streebog) and AES-CBC, 3DES-CBC or GOST 28147-89 CFB with CryptoPro key
    /// meshing (the TC26 PKCS#12 profile, R 50.1.112-2016), and the PKCS#12 PBE schemes (3DES, RC2).
    /// </summary>
    internal static class PasswordBasedEncryption
    {
        /// <summary>PBKDF2 iterations when writing: ten times OpenSSL 3's default (2048), fast enough for bulk use.</summary>
        internal const int DefaultIterations = 20_000;
        internal const string Gost28147Oid = "1.2.643.2.2.21";
        internal const string HmacGost256Oid = "1.2.643.7.1.1.4.1";
        internal const string HmacGost512Oid = "1.2.643.7.1.1.4.2";

        private static readonly SecureRandom Random = new SecureRandom();

        internal static (AlgorithmIdentifier Algorithm, byte[] Data) Encrypt(byte[] plain, char[] password, int iterations = DefaultIterations)
        {
            var salt = new byte[16];
            var iv = new byte[16];
            Random.NextBytes(salt);
            Random.NextBytes(iv);
            var prf = new AlgorithmIdentifier(PkcsObjectIdentifiers.IdHmacWithSha256, DerNull.Instance);
            var kdf = new KeyDerivationFunc(PkcsObjectIdentifiers.IdPbkdf2, new Pbkdf2Params(salt, iterations, prf));
            var scheme = new EncryptionScheme(NistObjectIdentifiers.IdAes256Cbc, new DerOctetString(iv));
            var key = Pbkdf2(password, salt, iterations, 32, new Sha256Digest());
            try
            {
                var cipher = CipherUtilities.GetCipher("AES/CBC/PKCS7PADDING");
                cipher.Init(true, new ParametersWithIV(new KeyParameter(key), iv));
                var data = cipher.DoFinal(plain);
                return (new AlgorithmIdentifier(PkcsObjectIdentifiers.IdPbeS2, new PbeS2Parameters(kdf, scheme)), data);
            }
            finally
            {
                Secrets.Clear(key);
            }
        }

        /// <summary>Decrypts; a wrong password shows as "wrong password or damaged data" (padding or structure), never as a crash.</summary>
        internal static byte[] Decrypt(AlgorithmIdentifier algorithm, byte[] data, char[] password, string what)
        {
            var oid = algorithm.Algorithm.Id;
            try
            {
                if (oid == PkcsObjectIdentifiers.IdPbeS2.Id) return DecryptPbes2(PbeS2Parameters.GetInstance(algorithm.Parameters), data, password, what);
                if (oid.StartsWith("1.2.840.113549.1.12.1.", StringComparison.Ordinal))
                {
                    var cipher = (IBufferedCipher)PbeUtilities.CreateEngine(algorithm.Algorithm);
                    var parameters = PbeUtilities.GenerateCipherParameters(algorithm.Algorithm, password, false, algorithm.Parameters);
                    cipher.Init(false, parameters);
                    return cipher.DoFinal(data);
                }
            }
            catch (InvalidCipherTextException ex)
            {
                throw new GostCryptoException("Cannot decrypt the " + what + ": wrong password or damaged data.", ex);
            }
            catch (Exception ex) when (ex is ArgumentException || ex is InvalidOperationException || ex is SecurityUtilityException)
            {
                throw new GostCryptoException("Cannot decrypt the " + what + " (" + oid + "): " + ex.Message, ex);
            }
            throw new GostCryptoException("The " + what + " is encrypted with " + oid + ", which is not supported (supported: PBES2 with AES, 3DES or GOST 28147-89, and PKCS#12 PBE with 3DES or RC2).");
        }

        private static byte[] DecryptPbes2(PbeS2Parameters parameters, byte[] data, char[] password, string what)
        {
            if (!parameters.KeyDerivationFunc.Algorithm.Equals(PkcsObjectIdentifiers.IdPbkdf2))
            {
                throw new GostCryptoException("The " + what + " uses key derivation " + parameters.KeyDerivationFunc.Algorithm.Id + "; only PBKDF2 is supported.");
            }
            var kdf = Pbkdf2Params.GetInstance(parameters.KeyDerivationFunc.Parameters);
            var prfOid = kdf.Prf?.Algorithm.Id ?? PkcsObjectIdentifiers.IdHmacWithSha1.Id;
            IDigest prf = prfOid switch
            {
                "1.2.840.113549.2.7" => new Sha1Digest(),
                "1.2.840.113549.2.8" => new Sha224Digest(),
                "1.2.840.113549.2.9" => new Sha256Digest(),
                "1.2.840.113549.2.10" => new Sha384Digest(),
                "1.2.840.113549.2.11" => new Sha512Digest(),
                HmacGost256Oid => new Gost3411_2012_256Digest(),
                HmacGost512Oid => new Gost3411_2012_512Digest(),
                _ => throw new GostCryptoException("The " + what + " uses PBKDF2 with " + prfOid + ", which is not supported."),
            };
            var scheme = parameters.EncryptionScheme;
            var schemeOid = scheme.Algorithm.Id;
            var salt = kdf.GetSalt();
            var iterations = kdf.IterationCount.IntValueExact;
            if (schemeOid == Gost28147Oid)
            {
                // Gost28147-89-Parameters ::= SEQUENCE { iv OCTET STRING (SIZE (8)), encryptionParamSet OBJECT IDENTIFIER }
                var gost = Asn1Sequence.GetInstance(scheme.Parameters);
                var gostIv = Asn1OctetString.GetInstance(gost[0]).GetOctets();
                var paramSet = DerObjectIdentifier.GetInstance(gost[1]).Id;
                var key = Pbkdf2(password, salt, iterations, 32, prf);
                try
                {
                    return Gost28147Cfb.Decrypt(key, gostIv, paramSet, data);
                }
                finally
                {
                    Secrets.Clear(key);
                }
            }

            string transformation;
            int keyLength;
            switch (schemeOid)
            {
                case "2.16.840.1.101.3.4.1.2": transformation = "AES/CBC/PKCS7PADDING"; keyLength = 16; break;
                case "2.16.840.1.101.3.4.1.22": transformation = "AES/CBC/PKCS7PADDING"; keyLength = 24; break;
                case "2.16.840.1.101.3.4.1.42": transformation = "AES/CBC/PKCS7PADDING"; keyLength = 32; break;
                case "1.2.840.113549.3.7": transformation = "DESEDE/CBC/PKCS7PADDING"; keyLength = 24; break;
                default:
                    throw new GostCryptoException("The " + what + " is encrypted with " + schemeOid + ", which is not supported (supported: AES-CBC, 3DES-CBC, GOST 28147-89).");
            }
            var iv = Asn1OctetString.GetInstance(scheme.Parameters).GetOctets();
            var derived = Pbkdf2(password, salt, iterations, keyLength, prf);
            try
            {
                var cipher = CipherUtilities.GetCipher(transformation);
                cipher.Init(false, new ParametersWithIV(ParameterUtilities.CreateKeyParameter(transformation.Substring(0, transformation.IndexOf('/')), derived), iv));
                return cipher.DoFinal(data);
            }
            finally
            {
                Secrets.Clear(derived);
            }
        }

        internal static byte[] Pbkdf2(char[] password, byte[] salt, int iterations, int length, IDigest prf)
        {
            var bytes = PbeParametersGenerator.Pkcs5PasswordToUtf8Bytes(password);
            try
            {
                var generator = new Pkcs5S2ParametersGenerator(prf);
                generator.Init(bytes, salt, iterations);
                return ((KeyParameter)generator.GenerateDerivedMacParameters(length * 8)).GetKey();
            }
            finally
            {
                Secrets.Clear(bytes);
            }
        }
    }

    /// <summary>GOST 28147-89 in CFB mode with CryptoPro key meshing every 1024 bytes (RFC 4357 §2.3.2), as openssl's gost engine does it.</summary>
    internal static class Gost28147Cfb
    {
        private static readonly byte[] MeshingConstant =
        {
            0x69, 0x00, 0x72, 0x22, 0x64, 0xC9, 0x04, 0x23, 0x8D, 0x3A, 0xDB, 0x96, 0x46, 0xE9, 0x2A, 0xC4,
            0x18, 0xFE, 0xAC, 0x94, 0x00, 0xED, 0x07, 0x12, 0xC0, 0x86, 0xDC, 0xC2, 0xEF, 0x4C, 0xA9, 0x2B,
        };

        // id-tc26-gost-28147-param-Z (RFC 7836 App. C, the S-box of GOST R 34.12-2015 Magma), row i for nibble i.
        private static readonly byte[] SBoxZ =
        {
            0xC, 0x4, 0x6, 0x2, 0xA, 0x5, 0xB, 0x9, 0xE, 0x8, 0xD, 0x7, 0x0, 0x3, 0xF, 0x1,
            0x6, 0x8, 0x2, 0x3, 0x9, 0xA, 0x5, 0xC, 0x1, 0xE, 0x4, 0x7, 0xB, 0xD, 0x0, 0xF,
            0xB, 0x3, 0x5, 0x8, 0x2, 0xF, 0xA, 0xD, 0xE, 0x1, 0x7, 0x4, 0xC, 0x9, 0x6, 0x0,
            0xC, 0x8, 0x2, 0x1, 0xD, 0x4, 0xF, 0x6, 0x7, 0x0, 0xA, 0x5, 0x3, 0xE, 0x9, 0xB,
            0x7, 0xF, 0x5, 0xA, 0x8, 0x1, 0x6, 0xD, 0x0, 0x9, 0x3, 0xE, 0xB, 0x4, 0x2, 0xC,
            0x5, 0xD, 0xF, 0x6, 0x9, 0x2, 0xC, 0xA, 0xB, 0x7, 0x8, 0x1, 0x4, 0x3, 0xE, 0x0,
            0x8, 0xE, 0x2, 0x5, 0x6, 0x9, 0x1, 0xC, 0xF, 0x4, 0xB, 0x0, 0xD, 0xA, 0x3, 0x7,
            0x1, 0x7, 0xE, 0xD, 0x0, 0x5, 0x8, 0x3, 0x4, 0xF, 0xA, 0x6, 0x9, 0xC, 0xB, 0x2,
        };

        internal static byte[] SBox(string paramSetOid) => paramSetOid switch
        {
            "1.2.643.7.1.2.5.1.1" => SBoxZ,
            "1.2.643.2.2.31.0" => Gost28147Engine.GetSBox("E-TEST"),
            "1.2.643.2.2.31.1" => Gost28147Engine.GetSBox("E-A"),
            "1.2.643.2.2.31.2" => Gost28147Engine.GetSBox("E-B"),
            "1.2.643.2.2.31.3" => Gost28147Engine.GetSBox("E-C"),
            "1.2.643.2.2.31.4" => Gost28147Engine.GetSBox("E-D"),
            _ => throw new GostCryptoException("Unknown GOST 28147-89 parameter set " + paramSetOid + "."),
        };

        internal static byte[] Decrypt(byte[] key, byte[] iv, string paramSetOid, byte[] data)
        {
            var sbox = SBox(paramSetOid);
            var meshing = paramSetOid != "1.2.643.2.2.31.0";
            var engine = new Gost28147Engine();
            var currentKey = (byte[])key.Clone();
            engine.Init(true, new ParametersWithSBox(new KeyParameter(currentKey), sbox));
            var register = (byte[])iv.Clone();
            var gamma = new byte[8];
            var output = new byte[data.Length];
            var count = 0;
            for (var offset = 0; offset < data.Length; offset += 8)
            {
                if (meshing && count == 1024)
                {
                    // K' = D_K(C); IV' = E_K'(IV)
                    var decryptor = new Gost28147Engine();
                    decryptor.Init(false, new ParametersWithSBox(new KeyParameter(currentKey), sbox));
                    var newKey = new byte[32];
                    for (var b = 0; b < 32; b += 8) decryptor.ProcessBlock(MeshingConstant, b, newKey, b);
                    Secrets.Clear(currentKey);
                    currentKey = newKey;
                    engine.Init(true, new ParametersWithSBox(new KeyParameter(currentKey), sbox));
                    var meshedIv = new byte[8];
                    engine.ProcessBlock(register, 0, meshedIv, 0);
                    register = meshedIv;
                    count = 0;
                }
                engine.ProcessBlock(register, 0, gamma, 0);
                count += 8;
                var n = Math.Min(8, data.Length - offset);
                for (var i = 0; i < n; i++)
                {
                    output[offset + i] = (byte)(data[offset + i] ^ gamma[i]);
                }
                if (n == 8) Array.Copy(data, offset, register, 0, 8);
            }
            Secrets.Clear(currentKey);
            return output;
        }
    }
}
