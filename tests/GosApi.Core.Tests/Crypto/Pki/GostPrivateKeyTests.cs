using System.Security;
using GosApi.Crypto.Pki;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Math;
using Xunit;

namespace GosApi.Core.Tests.Crypto;

public class GostPrivateKeyTests
{
    public static IEnumerable<object[]> AllSets => GostParameterSets.All.Select(s => new object[] { s });

    [Theory]
    [MemberData(nameof(AllSets))]
    public void Public_key_info_uses_the_2012_algorithm_and_openssl_parameters(GostParameterSet set)
    {
        var key = GostPrivateKey.Generate(set);
        var spki = SubjectPublicKeyInfo.GetInstance(Asn1Object.FromByteArray(key.ExportSubjectPublicKeyInfo()));

        Assert.Equal(set.KeySize() == 512 ? "1.2.643.7.1.1.1.2" : "1.2.643.7.1.1.1.1", spki.Algorithm.Algorithm.Id);
        var parameters = (Asn1Sequence)spki.Algorithm.Parameters;
        Assert.Equal(set.Oid(), ((DerObjectIdentifier)parameters[0]).Id);
        var namesDigest = set is not (GostParameterSet.Tc26256A or GostParameterSet.Tc26256B or GostParameterSet.Tc26256C or GostParameterSet.Tc26256D or GostParameterSet.Tc26512C);
        Assert.Equal(namesDigest ? 2 : 1, parameters.Count);
        if (namesDigest) Assert.Equal(set.KeySize() == 512 ? "1.2.643.7.1.1.2.3" : "1.2.643.7.1.1.2.2", ((DerObjectIdentifier)parameters[1]).Id);
        Assert.Equal((set.KeySize() == 512 ? 3 : 2) + 2 * set.KeySize() / 8, spki.PublicKey.GetOctets().Length); // OCTET STRING header + x||y
    }

    [Theory]
    [InlineData(GostParameterSet.CryptoProA)]
    [InlineData(GostParameterSet.Tc26256B)]
    [InlineData(GostParameterSet.Tc26512C)]
    public void Encrypted_pkcs8_round_trips(GostParameterSet set)
    {
        var key = GostPrivateKey.Generate(set);
        var pem = key.ExportEncryptedPkcs8Pem("пароль-1");

        Assert.StartsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----", pem);
        var back = GostPrivateKey.ImportPem(pem, "пароль-1");
        Assert.Equal(set, back.ParameterSet);
        Assert.Equal(key.ExportSubjectPublicKeyInfo(), back.ExportSubjectPublicKeyInfo());

        var der = key.ExportEncryptedPkcs8(Secure("x"));
        Assert.Equal(key.ExportSubjectPublicKeyInfo(), GostPrivateKey.Import(der, Secure("x")).ExportSubjectPublicKeyInfo());
    }

    [Fact]
    public void Encrypted_pkcs8_is_pbes2_with_aes256_and_hmac_sha256()
    {
        var der = GostPrivateKey.Generate(GostParameterSet.CryptoProA).ExportEncryptedPkcs8("x");
        var info = EncryptedPrivateKeyInfo.GetInstance(Asn1Object.FromByteArray(der));
        Assert.Equal("1.2.840.113549.1.5.13", info.EncryptionAlgorithm.Algorithm.Id);
        var pbes2 = PbeS2Parameters.GetInstance(info.EncryptionAlgorithm.Parameters);
        Assert.Equal("2.16.840.1.101.3.4.1.42", pbes2.EncryptionScheme.Algorithm.Id);
        Assert.Equal("1.2.840.113549.2.9", Pbkdf2Params.GetInstance(pbes2.KeyDerivationFunc.Parameters).Prf.Algorithm.Id);
    }

    [Fact]
    public void Wrong_or_missing_password_is_a_clear_error()
    {
        var key = GostPrivateKey.Generate(GostParameterSet.Tc26256A);
        var der = key.ExportEncryptedPkcs8("right");

        var wrong = Assert.Throws<GostCryptoException>(() => GostPrivateKey.Import(der, "wrong"));
        Assert.Contains("wrong password", wrong.Message);
        var missing = Assert.Throws<GostCryptoException>(() => GostPrivateKey.Import(der, (string?)null));
        Assert.Contains("password is required", missing.Message);
    }

    [Theory]
    [MemberData(nameof(AllSets))]
    public void Unencrypted_pkcs8_round_trips_in_der_and_pem(GostParameterSet set)
    {
        var key = GostPrivateKey.Generate(set);
        Assert.Equal(key.ExportSubjectPublicKeyInfo(), GostPrivateKey.Import(key.ExportUnencryptedPkcs8(), (string?)null).ExportSubjectPublicKeyInfo());
        var pem = key.ExportUnencryptedPkcs8Pem();
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", pem);
        Assert.Equal(key.ExportSubjectPublicKeyInfo(), GostPrivateKey.Import(System.Text.Encoding.ASCII.GetBytes(pem), (string?)null).ExportSubjectPublicKeyInfo());
    }

    [Fact]
    public void ToString_shows_algorithm_and_parameter_set_only()
    {
        var key = GostPrivateKey.Generate(GostParameterSet.CryptoProB);
        var text = key.ToString();
        Assert.Equal("GOST R 34.10-2012 256-bit private key (CryptoProB)", text);
        var raw = Convert.ToHexString(key.ExportUnencryptedPkcs8());
        Assert.DoesNotContain(raw.Substring(raw.Length - 16), text);
    }

    [Fact]
    public void CryptoPro_masked_keys_are_unmasked()
    {
        var key = GostPrivateKey.Generate(GostParameterSet.CryptoProA);
        var domain = GostAlgorithms.Domain(GostParameterSet.CryptoProA);
        var mask = new BigInteger("1234567890ABCDEF1234567890ABCDEF1234567890ABCDEF1234567890ABCDE", 16);
        var masked = key.D.Multiply(mask.ModInverse(domain.N)).Mod(domain.N);
        var raw = GostAlgorithms.LittleEndian(masked, 32).Concat(GostAlgorithms.LittleEndian(mask, 32)).ToArray();
        var algorithm = GostAlgorithms.KeyAlgorithmIdentifier(GostParameterSet.CryptoProA);

        // privateKey holds the raw bytes (no inner tag), as CryptoPro writes them; also inside an OCTET STRING.
        var rawForm = new DerSequence(new DerInteger(0), algorithm, new DerOctetString(raw)).GetDerEncoded();
        Assert.Equal(key.ExportSubjectPublicKeyInfo(), GostPrivateKey.Import(rawForm, (string?)null).ExportSubjectPublicKeyInfo());
        rawForm = new PrivateKeyInfo(algorithm, new DerOctetString(raw)).GetDerEncoded();
        Assert.Equal(key.ExportSubjectPublicKeyInfo(), GostPrivateKey.Import(rawForm, (string?)null).ExportSubjectPublicKeyInfo());

        var point = Asn1OctetString.GetInstance(Asn1Object.FromByteArray(SubjectPublicKeyInfo.GetInstance(Asn1Object.FromByteArray(key.ExportSubjectPublicKeyInfo())).PublicKey.GetOctets())).GetOctets();
        var sequenceForm = new PrivateKeyInfo(algorithm, new DerSequence(new DerOctetString(raw), new DerOctetString(point))).GetDerEncoded();
        Assert.Equal(key.ExportSubjectPublicKeyInfo(), GostPrivateKey.Import(sequenceForm, (string?)null).ExportSubjectPublicKeyInfo());

        var wrongPoint = (byte[])point.Clone();
        wrongPoint[0] ^= 1;
        var mismatched = new PrivateKeyInfo(algorithm, new DerSequence(new DerOctetString(raw), new DerOctetString(wrongPoint))).GetDerEncoded();
        Assert.Throws<GostCryptoException>(() => GostPrivateKey.Import(mismatched, (string?)null));
    }

    [Fact]
    public void Gost2001_keys_are_refused_with_a_reason()
    {
        var key = GostPrivateKey.Generate(GostParameterSet.CryptoProA);
        var info = PrivateKeyInfo.GetInstance(Asn1Object.FromByteArray(key.ExportUnencryptedPkcs8()));
        var as2001 = new PrivateKeyInfo(new AlgorithmIdentifier(new DerObjectIdentifier("1.2.643.2.2.19"), info.PrivateKeyAlgorithm.Parameters), info.ParsePrivateKey()).GetDerEncoded();
        var error = Assert.Throws<GostCryptoException>(() => GostPrivateKey.Import(as2001, (string?)null));
        Assert.Contains("GOST R 34.10-2001", error.Message);
    }

    [Theory]
    [MemberData(nameof(AllSets))]
    public void Openssl_reads_our_encrypted_key_and_derives_the_same_public_key(GostParameterSet set)
    {
        using var openssl = new OpenSsl();
        var key = GostPrivateKey.Generate(set);
        openssl.Write("key.pem", key.ExportEncryptedPkcs8Pem("secret"));

        var (exit, output, stdout) = openssl.Run("pkey", "-in", "@key.pem", "-passin", "pass:secret", "-pubout", "-outform", "DER");

        Assert.True(exit == 0, output);
        Assert.Equal(key.ExportSubjectPublicKeyInfo(), stdout);
    }

    [Theory]
    [InlineData("gost2012_256", "A", GostParameterSet.CryptoProA)]
    [InlineData("gost2012_256", "B", GostParameterSet.CryptoProB)]
    [InlineData("gost2012_256", "C", GostParameterSet.CryptoProC)]
    [InlineData("gost2012_256", "XA", GostParameterSet.CryptoProXchA)]
    [InlineData("gost2012_256", "XB", GostParameterSet.CryptoProXchB)]
    [InlineData("gost2012_256", "TCA", GostParameterSet.Tc26256A)]
    [InlineData("gost2012_256", "TCB", GostParameterSet.Tc26256B)]
    [InlineData("gost2012_256", "TCC", GostParameterSet.Tc26256C)]
    [InlineData("gost2012_256", "TCD", GostParameterSet.Tc26256D)]
    [InlineData("gost2012_512", "A", GostParameterSet.Tc26512A)]
    [InlineData("gost2012_512", "B", GostParameterSet.Tc26512B)]
    [InlineData("gost2012_512", "C", GostParameterSet.Tc26512C)]
    public void We_read_keys_that_openssl_generates(string algorithm, string paramset, GostParameterSet expected)
    {
        using var openssl = new OpenSsl();
        openssl.RunOk("genpkey", "-engine", "gost", "-algorithm", algorithm, "-pkeyopt", "paramset:" + paramset, "-out", "@key.pem");
        var (_, _, openSslPublic) = openssl.Run("pkey", "-in", "@key.pem", "-pubout", "-outform", "DER");
        openssl.RunOk("pkcs8", "-topk8", "-in", "@key.pem", "-out", "@enc.pem", "-passout", "pass:pw", "-v2", "aes-256-cbc");

        var plain = GostPrivateKey.ImportPem(File.ReadAllText(openssl.File("key.pem")), (string?)null);
        var encrypted = GostPrivateKey.Import(openssl.Read("enc.pem"), "pw");

        Assert.Equal(expected, plain.ParameterSet);
        Assert.Equal(openSslPublic, plain.ExportSubjectPublicKeyInfo());
        Assert.Equal(openSslPublic, encrypted.ExportSubjectPublicKeyInfo());
    }

    internal static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var c in text) secure.AppendChar(c);
        secure.MakeReadOnly();
        return secure;
    }
}
