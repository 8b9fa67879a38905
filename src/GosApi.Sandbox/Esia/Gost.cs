using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.CryptoPro;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.Rosstandart;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;

namespace GosApi.Sandbox.Esia;

/// <summary>A GOST R 34.10-2012 public key with the parameter set it was encoded with.</summary>
internal sealed record GostPublicKey(ECPublicKeyParameters Key, DerObjectIdentifier ParameterSet, bool Is512);

/// <summary>A GOST R 34.10-2012 key pair.</summary>
internal sealed record GostKeyPair(GostPublicKey Public, ECPrivateKeyParameters Private);

/// <summary>The key or certificate is not a GOST R 34.10-2012 one the sandbox can use; the message says why.</summary>
internal sealed class GostFormatException(string message) : Exception(message);

/// <summary>
/// GOST R 34.10-2012 keys, encodings, digests and signatures (RFC 4491, RFC 9215). The key encodings are built by
/// hand on purpose: BouncyCastle's factories put a 2012 key with a CryptoPro parameter set under the 2001 OID
/// (1.2.643.2.2.19), both in SubjectPublicKeyInfo and in PKCS#8, and cannot read the one-element parameters
/// SEQUENCE that 512-bit keys carry.
/// </summary>
internal static class Gost
{
    public static readonly DerObjectIdentifier KeyAlgorithm256 = RosstandartObjectIdentifiers.id_tc26_gost_3410_12_256; // 1.2.643.7.1.1.1.1
    public static readonly DerObjectIdentifier KeyAlgorithm512 = RosstandartObjectIdentifiers.id_tc26_gost_3410_12_512; // 1.2.643.7.1.1.1.2
    public static readonly DerObjectIdentifier SignatureAlgorithm256 = RosstandartObjectIdentifiers.id_tc26_signwithdigest_gost_3410_12_256; // 1.2.643.7.1.1.3.2
    public static readonly DerObjectIdentifier SignatureAlgorithm512 = RosstandartObjectIdentifiers.id_tc26_signwithdigest_gost_3410_12_512; // 1.2.643.7.1.1.3.3
    public static readonly DerObjectIdentifier Digest256 = RosstandartObjectIdentifiers.id_tc26_gost_3411_12_256; // 1.2.643.7.1.1.2.2
    public static readonly DerObjectIdentifier Digest512 = RosstandartObjectIdentifiers.id_tc26_gost_3411_12_512; // 1.2.643.7.1.1.2.3
    public static readonly DerObjectIdentifier KeyAlgorithm2001 = CryptoProObjectIdentifiers.GostR3410x2001; // 1.2.643.2.2.19

    public static DerObjectIdentifier ParameterSetOid(GostParameterSet set) => set switch
    {
        GostParameterSet.CryptoProXchA => CryptoProObjectIdentifiers.GostR3410x2001CryptoProXchA,
        GostParameterSet.CryptoProXchB => CryptoProObjectIdentifiers.GostR3410x2001CryptoProXchB,
        GostParameterSet.CryptoProA => CryptoProObjectIdentifiers.GostR3410x2001CryptoProA,
        GostParameterSet.CryptoProB => CryptoProObjectIdentifiers.GostR3410x2001CryptoProB,
        GostParameterSet.CryptoProC => CryptoProObjectIdentifiers.GostR3410x2001CryptoProC,
        GostParameterSet.Tc26256A => RosstandartObjectIdentifiers.id_tc26_gost_3410_12_256_paramSetA,
        GostParameterSet.Tc26512A => RosstandartObjectIdentifiers.id_tc26_gost_3410_12_512_paramSetA,
        GostParameterSet.Tc26512B => RosstandartObjectIdentifiers.id_tc26_gost_3410_12_512_paramSetB,
        GostParameterSet.Tc26512C => RosstandartObjectIdentifiers.id_tc26_gost_3410_12_512_paramSetC,
        _ => throw new ArgumentOutOfRangeException(nameof(set), set, "unknown GOST parameter set"),
    };

    public static bool Is512(GostParameterSet set) => set is GostParameterSet.Tc26512A or GostParameterSet.Tc26512B or GostParameterSet.Tc26512C;

    public static GostKeyPair Generate(GostParameterSet set, SecureRandom random)
    {
        var oid = ParameterSetOid(set);
        var is512 = Is512(set);
        var generator = new ECKeyPairGenerator("ECGOST3410");
        generator.Init(new ECKeyGenerationParameters(DomainParameters(oid, is512), random));
        var pair = generator.GenerateKeyPair();
        return new GostKeyPair(new GostPublicKey((ECPublicKeyParameters)pair.Public, oid, is512), (ECPrivateKeyParameters)pair.Private);
    }

    /// <summary>AlgorithmIdentifier of a 2012 key: 256-bit keys name the digest too (RFC 9215 §4), 512-bit keys only the curve.</summary>
    public static AlgorithmIdentifier KeyAlgorithmIdentifier(DerObjectIdentifier parameterSet, bool is512) => is512
        ? new AlgorithmIdentifier(KeyAlgorithm512, new DerSequence(parameterSet))
        : new AlgorithmIdentifier(KeyAlgorithm256, new DerSequence(parameterSet, Digest256));

    public static SubjectPublicKeyInfo EncodePublicKey(GostPublicKey key)
    {
        var size = key.Is512 ? 64 : 32;
        var q = key.Key.Q.Normalize();
        var point = new byte[2 * size];
        LittleEndian(q.AffineXCoord.ToBigInteger(), size).CopyTo(point, 0);
        LittleEndian(q.AffineYCoord.ToBigInteger(), size).CopyTo(point, size);
        return new SubjectPublicKeyInfo(KeyAlgorithmIdentifier(key.ParameterSet, key.Is512), new DerOctetString(point));
    }

    /// <summary>PKCS#8 with the key as an OCTET STRING of the little-endian scalar inside privateKey (the form openssl's gost engine and BouncyCastle both read).</summary>
    public static PrivateKeyInfo EncodePrivateKey(GostKeyPair pair) =>
        new(KeyAlgorithmIdentifier(pair.Public.ParameterSet, pair.Public.Is512),
            new DerOctetString(LittleEndian(pair.Private.D, pair.Public.Is512 ? 64 : 32)));

    public static GostPublicKey DecodePublicKey(SubjectPublicKeyInfo info)
    {
        var (parameterSet, is512) = ReadAlgorithm(info.Algorithm, "public key");
        byte[] point;
        try
        {
            point = Asn1OctetString.GetInstance(info.ParsePublicKey()).GetOctets();
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or InvalidOperationException)
        {
            throw new GostFormatException("public key: subjectPublicKey is not an OCTET STRING with the curve point");
        }
        var size = is512 ? 64 : 32;
        if (point.Length != 2 * size)
            throw new GostFormatException($"public key: the curve point has {point.Length} bytes, expected {2 * size} for a {(is512 ? 512 : 256)}-bit key");
        var domain = DomainParameters(parameterSet, is512);
        try
        {
            var q = domain.Curve.CreatePoint(FromLittleEndian(point.AsSpan(0, size)), FromLittleEndian(point.AsSpan(size, size)));
            return new GostPublicKey(new ECPublicKeyParameters("ECGOST3410", q, domain), parameterSet, is512);
        }
        catch (ArgumentException ex)
        {
            throw new GostFormatException("public key: the point is not on the curve: " + ex.Message);
        }
    }

    /// <summary>Reads a PKCS#8 GOST key in any of the forms in use: OCTET STRING (little-endian), INTEGER (big-endian) or raw little-endian bytes.</summary>
    public static GostKeyPair DecodePrivateKey(PrivateKeyInfo info)
    {
        var (parameterSet, is512) = ReadAlgorithm(info.PrivateKeyAlgorithm, "private key");
        var size = is512 ? 64 : 32;
        var octets = info.PrivateKey.GetOctets();
        BigInteger d;
        if (octets.Length == size)
        {
            d = FromLittleEndian(octets);
        }
        else
        {
            Asn1Object inner;
            try { inner = Asn1Object.FromByteArray(octets); }
            catch (IOException) { throw new GostFormatException($"private key: {octets.Length} bytes is neither a raw {size}-byte key nor DER"); }
            d = inner switch
            {
                Asn1OctetString s when s.GetOctets().Length == size => FromLittleEndian(s.GetOctets()),
                DerInteger i => i.PositiveValue,
                _ => throw new GostFormatException("private key: unsupported encoding (masked CryptoPro keys are not supported; export with openssl or BouncyCastle)"),
            };
        }
        var domain = DomainParameters(parameterSet, is512);
        if (d.SignValue <= 0 || d.CompareTo(domain.N) >= 0) throw new GostFormatException("private key: scalar out of range");
        var priv = new ECPrivateKeyParameters("ECGOST3410", d, domain);
        var q = domain.G.Multiply(d).Normalize();
        return new GostKeyPair(new GostPublicKey(new ECPublicKeyParameters("ECGOST3410", q, domain), parameterSet, is512), priv);
    }

    public static IDigest CreateDigest(bool is512) => is512 ? new Gost3411_2012_512Digest() : new Gost3411_2012_256Digest();

    public static byte[] Hash(bool is512, ReadOnlySpan<byte> data)
    {
        var digest = CreateDigest(is512);
        digest.BlockUpdate(data);
        var result = new byte[digest.GetDigestSize()];
        digest.DoFinal(result, 0);
        return result;
    }

    /// <summary>Signature value as in certificates and CMS: s || r, big-endian, over the little-endian interpreted digest (RFC 4491 §2.2.2).</summary>
    public static byte[] Sign(GostKeyPair pair, byte[] data, SecureRandom random)
    {
        var signer = new Gost3410DigestSigner(new ECGost3410Signer(), CreateDigest(pair.Public.Is512));
        signer.Init(true, new ParametersWithRandom(pair.Private, random));
        signer.BlockUpdate(data, 0, data.Length);
        return signer.GenerateSignature();
    }

    public static bool Verify(GostPublicKey key, byte[] data, byte[] signature)
    {
        if (signature.Length != (key.Is512 ? 128 : 64)) return false;
        var signer = new Gost3410DigestSigner(new ECGost3410Signer(), CreateDigest(key.Is512));
        signer.Init(false, key.Key);
        signer.BlockUpdate(data, 0, data.Length);
        return signer.VerifySignature(signature);
    }

    /// <summary>
    /// Verifies s || r over a GOST R 34.11-2012 hash already computed (CMS without signed attributes, where the
    /// content is hashed while it streams): the same as <see cref="Verify"/> over the data that gave the hash.
    /// </summary>
    public static bool VerifyHash(GostPublicKey key, byte[] hash, byte[] signature)
    {
        var size = key.Is512 ? 64 : 32;
        if (signature.Length != 2 * size || hash.Length != size) return false;
        var s = new BigInteger(1, signature, 0, size);
        var r = new BigInteger(1, signature, size, size);
        var verifier = new ECGost3410Signer();
        verifier.Init(false, key.Key);
        return verifier.VerifySignature(hash, r, s);
    }

    public static bool SamePublicKey(GostPublicKey a, GostPublicKey b) => a.Is512 == b.Is512 && a.Key.Q.Equals(b.Key.Q);

    private static (DerObjectIdentifier ParameterSet, bool Is512) ReadAlgorithm(AlgorithmIdentifier algorithm, string what)
    {
        bool is512;
        if (algorithm.Algorithm.Equals(KeyAlgorithm256)) is512 = false;
        else if (algorithm.Algorithm.Equals(KeyAlgorithm512)) is512 = true;
        else if (algorithm.Algorithm.Equals(KeyAlgorithm2001))
            throw new GostFormatException($"{what}: algorithm 1.2.643.2.2.19 is GOST R 34.10-2001; a GOST R 34.10-2012 key (1.2.643.7.1.1.1.1 or 1.2.643.7.1.1.1.2) is required " +
                "(BouncyCastle's SubjectPublicKeyInfoFactory/PrivateKeyInfoFactory write 2012 keys with CryptoPro parameter sets under the 2001 OID)");
        else throw new GostFormatException($"{what}: algorithm {algorithm.Algorithm} is not GOST R 34.10-2012");

        if (algorithm.Parameters is not Asn1Sequence parameters || parameters.Count is < 1 or > 3 || parameters[0] is not DerObjectIdentifier parameterSet)
            throw new GostFormatException($"{what}: algorithm parameters must be a SEQUENCE starting with the publicKeyParamSet OID");
        if (ECGost3410NamedCurves.GetByOid(parameterSet) is not { } curve)
            throw new GostFormatException($"{what}: unknown parameter set {parameterSet}");
        if ((curve.Curve.FieldSize > 256) != is512)
            throw new GostFormatException($"{what}: parameter set {parameterSet} does not fit a {(is512 ? 512 : 256)}-bit key");
        return (parameterSet, is512);
    }

    private static ECGost3410Parameters DomainParameters(DerObjectIdentifier parameterSet, bool is512)
    {
        var curve = ECGost3410NamedCurves.GetByOid(parameterSet) ?? throw new GostFormatException($"unknown parameter set {parameterSet}");
        return new ECGost3410Parameters(new ECNamedDomainParameters(parameterSet, curve), parameterSet, is512 ? Digest512 : Digest256, null);
    }

    private static byte[] LittleEndian(BigInteger value, int size)
    {
        var bytes = Org.BouncyCastle.Utilities.BigIntegers.AsUnsignedByteArray(size, value);
        Array.Reverse(bytes);
        return bytes;
    }

    private static BigInteger FromLittleEndian(ReadOnlySpan<byte> bytes)
    {
        var copy = bytes.ToArray();
        Array.Reverse(copy);
        return new BigInteger(1, copy);
    }
}
