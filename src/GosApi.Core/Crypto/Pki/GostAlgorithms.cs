using System;
using System.IO;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.CryptoPro;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Math.EC.Multiplier;
using Org.BouncyCastle.Security;

namespace GosApi.Crypto.Pki
{
    /// <summary>A GOST R 34.10-2012 public key: the parameter set and the curve point.</summary>
    internal sealed class GostPublicKey
    {
        internal GostPublicKey(GostParameterSet parameterSet, ECPoint q)
        {
            ParameterSet = parameterSet;
            Q = q.Normalize();
        }

        internal GostParameterSet ParameterSet { get; }
        internal ECPoint Q { get; }
        internal int KeySize => ParameterSet.KeySize();

        internal bool SameAs(GostPublicKey other) => KeySize == other.KeySize && Q.Equals(other.Q);
    }

    /// <summary>
    /// GOST R 34.10-2012 keys, encodings, digests and signatures on top of BouncyCastle primitives.
    /// Key encodings are built by hand (RFC 9215, as openssl's gost engine writes them): BouncyCastle's
    /// factories put 2012 keys with CryptoPro parameter sets under the 2001 OID 1.2.643.2.2.19 and cannot
    /// read the one-element parameters SEQUENCE ("Bad sequence size: 1") of TC26 keys.
    /// </summary>
    internal static class GostAlgorithms
    {
        internal static readonly DerObjectIdentifier KeyAlgorithm256 = new DerObjectIdentifier(GostParameterSets.KeyAlgorithm256Oid);
        internal static readonly DerObjectIdentifier KeyAlgorithm512 = new DerObjectIdentifier(GostParameterSets.KeyAlgorithm512Oid);
        internal static readonly DerObjectIdentifier Digest256 = new DerObjectIdentifier(GostParameterSets.Digest256Oid);
        internal static readonly DerObjectIdentifier Digest512 = new DerObjectIdentifier(GostParameterSets.Digest512Oid);
        internal static readonly DerObjectIdentifier SignatureWithDigest256 = new DerObjectIdentifier(GostParameterSets.SignatureWithDigest256Oid);
        internal static readonly DerObjectIdentifier SignatureWithDigest512 = new DerObjectIdentifier(GostParameterSets.SignatureWithDigest512Oid);
        internal const string KeyAlgorithm2001Oid = "1.2.643.2.2.19";

        private static readonly SecureRandom Random = new SecureRandom();

        internal static ECDomainParameters Domain(GostParameterSet set)
        {
            var oid = new DerObjectIdentifier(set.Oid());
            var curve = ECGost3410NamedCurves.GetByOid(oid) ?? throw new GostCryptoException("BouncyCastle does not know the curve of " + set + ".");
            return new ECDomainParameters(curve.Curve, curve.G, curve.N, curve.H, curve.GetSeed());
        }

        internal static int ByteLength(GostParameterSet set) => set.KeySize() / 8;

        internal static DerObjectIdentifier KeyAlgorithm(GostParameterSet set) => set.KeySize() == 512 ? KeyAlgorithm512 : KeyAlgorithm256;

        internal static DerObjectIdentifier DigestOid(int keySize) => keySize == 512 ? Digest512 : Digest256;

        internal static DerObjectIdentifier SignatureOid(int keySize) => keySize == 512 ? SignatureWithDigest512 : SignatureWithDigest256;

        /// <summary>Signature AlgorithmIdentifier for certificates and requests: parameters absent (RFC 9215 §3.1).</summary>
        internal static AlgorithmIdentifier SignatureAlgorithm(int keySize) => new AlgorithmIdentifier(SignatureOid(keySize));

        internal static IDigest CreateDigest(int keySize) => keySize == 512 ? new Gost3411_2012_512Digest() : (IDigest)new Gost3411_2012_256Digest();

        internal static byte[] Hash(int size, byte[] data)
        {
            var digest = CreateDigest(size);
            digest.BlockUpdate(data, 0, data.Length);
            var result = new byte[digest.GetDigestSize()];
            digest.DoFinal(result, 0);
            return result;
        }

        internal static (BigInteger D, GostPublicKey Public) Generate(GostParameterSet set)
        {
            var domain = Domain(set);
            BigInteger d;
            do
            {
                d = new BigInteger(domain.N.BitLength, Random);
            }
            while (d.SignValue == 0 || d.CompareTo(domain.N) >= 0);
            return (d, PublicFromPrivate(set, d));
        }

        internal static GostPublicKey PublicFromPrivate(GostParameterSet set, BigInteger d) =>
            new GostPublicKey(set, new FixedPointCombMultiplier().Multiply(Domain(set).G, d));

        /// <summary>The key's AlgorithmIdentifier: {publicKeyParamSet[, digestParamSet]} as openssl's gost engine writes it.</summary>
        internal static AlgorithmIdentifier KeyAlgorithmIdentifier(GostParameterSet set)
        {
            var parameters = set.NamesDigest()
                ? new DerSequence(new DerObjectIdentifier(set.Oid()), DigestOid(set.KeySize()))
                : new DerSequence(new DerObjectIdentifier(set.Oid()));
            return new AlgorithmIdentifier(KeyAlgorithm(set), parameters);
        }

        internal static SubjectPublicKeyInfo EncodePublicKey(GostPublicKey key)
        {
            var size = ByteLength(key.ParameterSet);
            var point = new byte[2 * size];
            LittleEndian(key.Q.AffineXCoord.ToBigInteger(), size).CopyTo(point, 0);
            LittleEndian(key.Q.AffineYCoord.ToBigInteger(), size).CopyTo(point, size);
            return new SubjectPublicKeyInfo(KeyAlgorithmIdentifier(key.ParameterSet), new DerOctetString(point));
        }

        internal static GostPublicKey DecodePublicKey(SubjectPublicKeyInfo info)
        {
            var set = ReadKeyAlgorithm(info.Algorithm, "public key");
            byte[] point;
            try
            {
                point = Asn1OctetString.GetInstance(Asn1Object.FromByteArray(info.PublicKey.GetOctets())).GetOctets();
            }
            catch (Exception ex) when (ex is ArgumentException || ex is IOException || ex is InvalidOperationException)
            {
                throw new GostCryptoException("The public key is not an OCTET STRING with the curve point.", ex);
            }
            var size = ByteLength(set);
            if (point.Length != 2 * size)
            {
                throw new GostCryptoException("The public key's curve point has " + point.Length + " bytes, expected " + 2 * size + " for a " + set.KeySize() + "-bit key.");
            }
            var domain = Domain(set);
            try
            {
                var q = domain.Curve.ValidatePoint(FromLittleEndian(point, 0, size), FromLittleEndian(point, size, size));
                return new GostPublicKey(set, q);
            }
            catch (ArgumentException ex)
            {
                throw new GostCryptoException("The public key is not a point on the curve of " + set + ".", ex);
            }
        }

        /// <summary>PKCS#8 PrivateKeyInfo with the key as an OCTET STRING of the little-endian scalar (RFC 9215 §6).</summary>
        internal static PrivateKeyInfo EncodePrivateKey(GostParameterSet set, BigInteger d) =>
            new PrivateKeyInfo(KeyAlgorithmIdentifier(set), new DerOctetString(LittleEndian(d, ByteLength(set))));

        /// <summary>
        /// Reads a PKCS#8 GOST key in every form in use: OCTET STRING (little-endian), INTEGER (big-endian), raw
        /// little-endian bytes, and CryptoPro's masked keys (raw key||mask…, or SEQUENCE {masked OCTET STRING, public OCTET STRING}).
        /// </summary>
        internal static (GostParameterSet Set, BigInteger D) DecodePrivateKey(PrivateKeyInfo info)
        {
            var set = ReadKeyAlgorithm(info.PrivateKeyAlgorithm, "private key");
            var size = ByteLength(set);
            var domain = Domain(set);
            var octets = info.PrivateKey.GetOctets();
            BigInteger d;
            byte[]? expectedPublic = null;
            // DER forms of one key are 2–4 bytes longer than the key, so a multiple of the key length is raw (as gostprov reads it).
            if (octets.Length % size == 0 && octets.Length > 0)
            {
                d = Unmask(octets, size, domain.N);
            }
            else
            {
                Asn1Object inner;
                try
                {
                    inner = Asn1Object.FromByteArray(octets);
                }
                catch (IOException ex)
                {
                    throw new GostCryptoException("The private key (" + octets.Length + " bytes) is neither raw " + size + "-byte values nor DER.", ex);
                }
                switch (inner)
                {
                    case Asn1OctetString s when s.GetOctets().Length % size == 0 && s.GetOctets().Length > 0:
                        d = Unmask(s.GetOctets(), size, domain.N);
                        break;
                    case DerInteger i:
                        d = i.PositiveValue;
                        break;
                    case Asn1Sequence seq when seq.Count >= 1 && seq[0] is Asn1OctetString masked && masked.GetOctets().Length % size == 0:
                        d = Unmask(masked.GetOctets(), size, domain.N);
                        if (seq.Count > 1 && seq[1] is Asn1OctetString pub) expectedPublic = pub.GetOctets();
                        break;
                    default:
                        throw new GostCryptoException("The private key has an encoding this module cannot read (" + inner.GetType().Name + ").");
                }
            }
            if (d.SignValue <= 0 || d.CompareTo(domain.N) >= 0)
            {
                throw new GostCryptoException("The private key is out of range for " + set + " (wrong parameter set or damaged key).");
            }
            if (expectedPublic != null && expectedPublic.Length == 2 * size)
            {
                var actual = EncodePublicKey(PublicFromPrivate(set, d));
                var point = Asn1OctetString.GetInstance(Asn1Object.FromByteArray(actual.PublicKey.GetOctets())).GetOctets();
                if (!Org.BouncyCastle.Utilities.Arrays.AreEqual(point, expectedPublic))
                {
                    throw new GostCryptoException("The unmasked private key does not match the public key stored with it.");
                }
            }
            return (set, d);
        }

        /// <summary>key·mask₁·…·maskₙ mod q, every value little-endian (openssl gost engine's unmask_priv_key).</summary>
        private static BigInteger Unmask(byte[] data, int size, BigInteger q)
        {
            var count = data.Length / size;
            var value = FromLittleEndian(data, 0, size);
            for (var i = 1; i < count; i++)
            {
                value = value.Multiply(FromLittleEndian(data, i * size, size)).Mod(q);
            }
            return value;
        }

        internal static GostParameterSet ReadKeyAlgorithm(AlgorithmIdentifier algorithm, string what)
        {
            var oid = algorithm.Algorithm.Id;
            int keySize;
            if (oid == GostParameterSets.KeyAlgorithm256Oid) keySize = 256;
            else if (oid == GostParameterSets.KeyAlgorithm512Oid) keySize = 512;
            else if (oid == KeyAlgorithm2001Oid)
            {
                throw new GostCryptoException("The " + what + " is a GOST R 34.10-2001 key (1.2.643.2.2.19); only GOST R 34.10-2012 keys (1.2.643.7.1.1.1.1, 1.2.643.7.1.1.1.2) are supported.");
            }
            else
            {
                throw new GostCryptoException("The " + what + " is not a GOST R 34.10-2012 key: its algorithm is " + oid + ".");
            }

            var parameters = algorithm.Parameters?.ToAsn1Object();
            if (!(parameters is Asn1Sequence seq) || seq.Count < 1 || seq.Count > 3 || !(seq[0] is DerObjectIdentifier paramSet))
            {
                throw new GostCryptoException("The " + what + "'s algorithm parameters must be a SEQUENCE that starts with the parameter-set OID.");
            }
            if (!GostParameterSets.TryFromOid(paramSet.Id, out var set))
            {
                throw new GostCryptoException("The " + what + " uses parameter set " + paramSet.Id + ", which is not a GOST R 34.10-2012 parameter set this module knows.");
            }
            if (set.KeySize() != keySize)
            {
                throw new GostCryptoException("The " + what + "'s parameter set " + set + " does not fit a " + keySize + "-bit key.");
            }
            return set;
        }

        /// <summary>Signs a digest: the signature value as in certificates and CMS, s || r big-endian (RFC 7091, RFC 4491 §2.2.2).</summary>
        internal static byte[] SignHash(GostParameterSet set, BigInteger d, byte[] hash) => SignHash(Domain(set), ByteLength(set), d, hash, Random);

        /// <summary>GOST R 34.10-2012 signing on any curve (the digest is read as a little-endian number); s || r, each <paramref name="size"/> bytes.</summary>
        internal static byte[] SignHash(ECDomainParameters domain, int size, BigInteger d, byte[] hash, SecureRandom random)
        {
            var signer = new ECGost3410Signer();
            signer.Init(true, new ParametersWithRandom(new ECPrivateKeyParameters("ECGOST3410", d, domain), random));
            var rs = signer.GenerateSignature(hash);
            var result = new byte[2 * size];
            Org.BouncyCastle.Utilities.BigIntegers.AsUnsignedByteArray(size, rs[1]).CopyTo(result, 0);
            Org.BouncyCastle.Utilities.BigIntegers.AsUnsignedByteArray(size, rs[0]).CopyTo(result, size);
            return result;
        }

        internal static bool VerifyHash(GostPublicKey key, byte[] hash, byte[] signature) =>
            VerifyHash(Domain(key.ParameterSet), ByteLength(key.ParameterSet), key.Q, hash, signature);

        internal static bool VerifyHash(ECDomainParameters domain, int size, ECPoint q, byte[] hash, byte[] signature)
        {
            if (signature.Length != 2 * size) return false;
            var s = new BigInteger(1, signature, 0, size);
            var r = new BigInteger(1, signature, size, size);
            var verifier = new ECGost3410Signer();
            verifier.Init(false, new ECPublicKeyParameters("ECGOST3410", q, domain));
            return verifier.VerifySignature(hash, r, s);
        }

        internal static byte[] Sign(GostParameterSet set, BigInteger d, byte[] data) => SignHash(set, d, Hash(set.KeySize(), data));

        internal static bool Verify(GostPublicKey key, byte[] data, byte[] signature) => VerifyHash(key, Hash(key.KeySize, data), signature);

        internal static byte[] LittleEndian(BigInteger value, int size)
        {
            var bytes = Org.BouncyCastle.Utilities.BigIntegers.AsUnsignedByteArray(size, value);
            Array.Reverse(bytes);
            return bytes;
        }

        internal static BigInteger FromLittleEndian(byte[] bytes, int offset, int length)
        {
            var copy = new byte[length];
            Array.Copy(bytes, offset, copy, 0, length);
            Array.Reverse(copy);
            return new BigInteger(1, copy);
        }
    }
}
