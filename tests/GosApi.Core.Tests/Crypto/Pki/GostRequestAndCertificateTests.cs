using GosApi.Crypto.Pki;
using GosApi.Validation;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Xunit;

namespace GosApi.Core.Tests.Crypto;

public class GostRequestAndCertificateTests
{
    // Checksums valid: SNILS 112-233-445 95, OGRN 1027700132195, OGRNIP 304500116000157, INN 500100732259, INNLE 7707083893.
    internal static GostSubject Person() => new()
    {
        CommonName = "Иванов Иван Иванович",
        Surname = "Иванов",
        GivenName = "Иван Иванович",
        Title = "Генеральный директор",
        Organization = "ООО \"Ромашка\"",
        OrganizationalUnit = "Бухгалтерия",
        Locality = "г. Москва",
        State = "77 г. Москва",
        Street = "ул. Тверская, д. 1",
        Country = "RU",
        Email = "ivanov@example.ru",
        Snils = "112-233-445 95",
        Ogrn = "1027700132195",
        Inn = "500100732259",
        InnLe = "7707083893",
    };

    [Fact]
    public void Subject_encodes_russian_identifiers_as_NumericString()
    {
        var subject = Person();
        subject.Ogrnip = "304500116000157";
        var name = Asn1Sequence.GetInstance(Asn1Object.FromByteArray(subject.ToDer()));
        var types = new Dictionary<string, (int Tag, string Value)>();
        foreach (var rdn in name)
        {
            var atv = Asn1Sequence.GetInstance(Asn1Set.GetInstance(rdn)[0]);
            var value = atv[1].ToAsn1Object();
            types[DerObjectIdentifier.GetInstance(atv[0]).Id] = (value.GetDerEncoded()[0], ((IAsn1String)value).GetString());
        }

        Assert.Equal((0x12, "11223344595"), types["1.2.643.100.3"]);      // SNILS, NumericString, normalized
        Assert.Equal((0x12, "1027700132195"), types["1.2.643.100.1"]);    // OGRN
        Assert.Equal((0x12, "304500116000157"), types["1.2.643.100.5"]);  // OGRNIP
        Assert.Equal((0x12, "500100732259"), types["1.2.643.3.131.1.1"]); // INN
        Assert.Equal((0x12, "7707083893"), types["1.2.643.100.4"]);       // INNLE
        Assert.Equal((0x16, "ivanov@example.ru"), types["1.2.840.113549.1.9.1"]); // E, IA5String
        Assert.Equal((0x13, "RU"), types["2.5.4.6"]);                      // C, PrintableString
        Assert.Equal((0x0C, "Иванов Иван Иванович"), types["2.5.4.3"]);    // CN, UTF8String
        Assert.Equal(0x0C, types["2.5.4.12"].Tag);
    }

    [Fact]
    public void Invalid_subject_fields_are_reported_together_before_any_key_is_made()
    {
        var subject = Person();
        subject.Snils = "112-233-445 96";
        subject.Inn = "7707083893"; // a legal entity's INN where a person's is required
        subject.InnLe = "7707083894";
        subject.Ogrn = "1027700132194";
        subject.Country = "Russia";
        subject.Email = "почта@пример.рф";

        var builder = new GostCertificateRequestBuilder { Subject = subject };
        var error = Assert.Throws<InputValidationException>(() => builder.Build());

        Assert.Contains("SNILS 112-233-445 96: checksum is 96, expected 95", error.Message);
        Assert.Contains("INN 7707083893: must be 12 digits (person or sole proprietor), got 10", error.Message);
        Assert.Contains("INNLE 7707083894: checksum is 4, expected 3", error.Message);
        Assert.Contains("OGRN 1027700132194: checksum is 4, expected 5", error.Message);
        Assert.Contains("C Russia: must be a two-letter upper-case country code such as RU", error.Message);
        Assert.Contains("E почта@пример.рф: must be ASCII (IA5String)", error.Message);
        Assert.Equal(6, error.Errors.Count);
    }

    [Fact]
    public void Common_name_is_required()
    {
        var error = Assert.Throws<InputValidationException>(() => new GostSubject { Organization = "X" }.ToDer());
        Assert.Equal("CN: must not be empty", error.Message);
    }

    [Theory]
    [InlineData(GostParameterSet.CryptoProA)]
    [InlineData(GostParameterSet.CryptoProXchA)]
    [InlineData(GostParameterSet.Tc26256A)]
    [InlineData(GostParameterSet.Tc26512A)]
    [InlineData(GostParameterSet.Tc26512C)]
    public void Openssl_verifies_our_request(GostParameterSet set)
    {
        var builder = new GostCertificateRequestBuilder
        {
            Subject = Person(),
            ParameterSet = set,
            IdentificationKind = GostIdentificationKind.RemoteWithQualifiedSignature,
            SubjectSignTool = "GosApi",
        };
        builder.ExtendedKeyUsage.Add(GostOids.ClientAuthentication);
        builder.ExtendedKeyUsage.Add(GostOids.EmailProtection);
        builder.CertificatePolicies.Add(GostOids.PolicyKc1);
        var request = builder.Build();
        using var openssl = new OpenSsl();
        openssl.Write("req.pem", request.ToPem());

        // openssl 3.0 req -verify exits 0 even for a bad signature: the "verify OK" line is what counts.
        var output = openssl.RunOk("req", "-in", "@req.pem", "-verify", "-noout", "-text", "-nameopt", "utf8");

        Assert.Contains("verify OK", output);
        Assert.Contains(set.KeySize() == 512 ? "GOST R 34.10-2012 with 512 bit modulus" : "GOST R 34.10-2012 with 256 bit modulus", output);
        Assert.Contains("TLS Web Client Authentication", output);
        Assert.Contains("SNILS", output);
        Assert.True(request.VerifySignature());
        Assert.Equal(set, request.PrivateKey!.ParameterSet);
        Assert.Equal(GostIdentificationKind.RemoteWithQualifiedSignature, request.IdentificationKind);
    }

    [Fact]
    public void A_tampered_request_fails_openssl_and_our_check()
    {
        var request = new GostCertificateRequestBuilder { Subject = Person() }.Build();
        var der = request.RawData;
        var at = IndexOf(der, System.Text.Encoding.UTF8.GetBytes("Бухгалтерия"));
        der[at + 1] ^= 0x01; // still valid UTF-8, a different letter
        using var openssl = new OpenSsl();
        openssl.Write("bad.der", der);

        var (_, output, _) = openssl.Run("req", "-in", "@bad.der", "-inform", "DER", "-verify", "-noout");

        Assert.DoesNotContain("verify OK", output);
        Assert.False(GostCertificateRequest.Load(der).VerifySignature());
    }

    [Fact]
    public void Request_carries_identification_kind_key_usage_and_2012_key_algorithm()
    {
        var builder = new GostCertificateRequestBuilder { Subject = Person(), ParameterSet = GostParameterSet.CryptoProB, IdentificationKind = GostIdentificationKind.RemoteWithQualifiedSignature };
        var request = GostCertificateRequest.Load(System.Text.Encoding.ASCII.GetBytes(builder.Build().ToPem()));
        var info = CertificationRequest.GetInstance(Asn1Object.FromByteArray(request.RawData)).GetCertificationRequestInfo();

        Assert.Equal("1.2.643.7.1.1.1.1", info.SubjectPublicKeyInfo.Algorithm.Algorithm.Id); // not the 2001 OID 1.2.643.2.2.19
        var attribute = AttributePkcs.GetInstance(info.Attributes[0]);
        var extensions = X509Extensions.GetInstance(attribute.AttrValues[0]);
        var kind = extensions.GetExtension(new DerObjectIdentifier("1.2.643.100.114"));
        Assert.False(kind.IsCritical);
        Assert.Equal(new byte[] { 0x02, 0x01, 0x01 }, kind.Value.GetOctets()); // "Флаги = 0, Длина = 3" in УЦ's words
        Assert.True(extensions.GetExtension(X509Extensions.KeyUsage).IsCritical);
        Assert.Equal(GostKeyUsage.DigitalSignature | GostKeyUsage.NonRepudiation | GostKeyUsage.KeyEncipherment | GostKeyUsage.DataEncipherment, request.KeyUsage);
        Assert.Equal("1.2.643.7.1.1.3.2", CertificationRequest.GetInstance(Asn1Object.FromByteArray(request.RawData)).SignatureAlgorithm.Algorithm.Id);
        Assert.Null(request.PrivateKey);
        Assert.Equal("11223344595", request.SubjectFields["SNILS"]);
    }

    [Fact]
    public void Test_ca_issues_leaf_certificates_that_openssl_verifies()
    {
        var ca = GostCertificateBuilder.CreateTestCertificateAuthority("GosApi Test Root", GostParameterSet.Tc26512A);
        var leafBuilder = new GostCertificateBuilder { Subject = Person(), ParameterSet = GostParameterSet.CryptoProA, IdentificationKind = GostIdentificationKind.Personal };
        leafBuilder.ExtendedKeyUsage.Add(GostOids.ClientAuthentication);
        var leaf = leafBuilder.Issue(ca);
        var stranger = GostCertificateBuilder.CreateTestCertificateAuthority("Someone Else");
        using var openssl = new OpenSsl();
        openssl.Write("ca.pem", ca.Certificate.ToPem());
        openssl.Write("leaf.pem", leaf.Certificate.ToPem());
        openssl.Write("other.pem", stranger.Certificate.ToPem());

        Assert.Contains("leaf.pem: OK", openssl.RunOk("verify", "-CAfile", "@ca.pem", "@leaf.pem"));
        var text = openssl.RunOk("x509", "-in", "@leaf.pem", "-noout", "-text");
        Assert.Contains("GOST R 34.10-2012 with GOST R 34.11-2012 (512 bit)", text); // signed by the 512-bit CA
        Assert.Contains("X509v3 Authority Key Identifier", text);
        var (exit, output, _) = openssl.Run("verify", "-CAfile", "@other.pem", "@leaf.pem");
        Assert.NotEqual(0, exit);
        Assert.DoesNotContain("leaf.pem: OK", output);

        Assert.True(ca.Certificate.IsCa);
        Assert.False(leaf.Certificate.IsCa);
        Assert.Equal(ca.Certificate.SubjectKeyIdentifier, leaf.Certificate.AuthorityKeyIdentifier);
        Assert.Equal(new[] { ca.Certificate }, leaf.Chain);
        Assert.Equal(GostIdentificationKind.Personal, leaf.Certificate.IdentificationKind);
        Assert.Equal(new[] { GostOids.ClientAuthentication }, leaf.Certificate.ExtendedKeyUsage);
        Assert.Equal(GostKeyUsage.KeyCertSign | GostKeyUsage.CrlSign | GostKeyUsage.DigitalSignature, ca.Certificate.KeyUsage);
        Assert.Equal("1027700132195", leaf.Certificate.SubjectFields["OGRN"]);
        Assert.Equal("500100732259", leaf.Certificate.SubjectFields["INN"]);
        Assert.StartsWith("CN=Иванов Иван Иванович, E=ivanov@example.ru, INN=500100732259", leaf.Certificate.Subject);
        Assert.Contains("O=\"ООО \"\"Ромашка\"\"\"", leaf.Certificate.Subject);
    }

    [Fact]
    public void Self_signed_certificate_reads_in_openssl_and_thumbprints_match()
    {
        var credential = new GostCertificateBuilder { Subject = new GostSubject { CommonName = "Self", Organization = "Org" }, ParameterSet = GostParameterSet.Tc26256B }.CreateSelfSigned();
        using var openssl = new OpenSsl();
        openssl.Write("cert.pem", credential.Certificate.ToPem());
        openssl.Write("cert.der", credential.Certificate.RawData);

        var sha1 = openssl.RunOk("x509", "-in", "@cert.pem", "-noout", "-fingerprint", "-sha1");
        var streebog = openssl.RunOk("dgst", "-md_gost12_256", "-r", "@cert.der");
        Assert.Contains("Issuer: O = Org, CN = Self", openssl.RunOk("x509", "-in", "@cert.pem", "-noout", "-text"));

        Assert.Contains(string.Join(":", Enumerable.Range(0, 20).Select(i => credential.Certificate.Thumbprint.Substring(2 * i, 2))), sha1);
        Assert.StartsWith(credential.Certificate.GostThumbprint.ToLowerInvariant(), streebog.Trim());
        Assert.Contains("cert.pem: OK", openssl.RunOk("verify", "-CAfile", "@cert.pem", "@cert.pem"));
    }

    [Theory]
    [InlineData("gost2012_256", "A", GostParameterSet.CryptoProA, "-md_gost12_256")]
    [InlineData("gost2012_256", "TCA", GostParameterSet.Tc26256A, "-md_gost12_256")]
    [InlineData("gost2012_512", "C", GostParameterSet.Tc26512C, "-md_gost12_512")]
    public void We_read_certificates_that_openssl_makes(string algorithm, string paramset, GostParameterSet expected, string digest)
    {
        using var openssl = new OpenSsl();
        openssl.RunOk("genpkey", "-algorithm", algorithm, "-pkeyopt", "paramset:" + paramset, "-out", "@key.pem");
        openssl.RunOk("req", "-new", "-x509", "-key", "@key.pem", digest, "-days", "30", "-subj", "/CN=Тест/O=Org/INN=500100732259", "-utf8", "-out", "@cert.pem",
            "-addext", "keyUsage=critical,digitalSignature,nonRepudiation", "-addext", "extendedKeyUsage=clientAuth");

        var certificate = GostCertificate.FromPem(File.ReadAllText(openssl.File("cert.pem")));
        var key = GostPrivateKey.ImportPem(File.ReadAllText(openssl.File("key.pem")), (string?)null);

        Assert.Equal(expected, certificate.ParameterSet);
        Assert.True(key.Matches(certificate));
        Assert.Equal("Тест", certificate.SubjectFields["CN"]);
        Assert.Equal(GostKeyUsage.DigitalSignature | GostKeyUsage.NonRepudiation, certificate.KeyUsage);
        Assert.Equal(new[] { GostOids.ClientAuthentication }, certificate.ExtendedKeyUsage);
        Assert.True(certificate.IsSignedBy(certificate));
        Assert.True(certificate.IsValidAt(DateTimeOffset.UtcNow));
        Assert.False(certificate.IsValidAt(DateTimeOffset.UtcNow.AddDays(31)));
    }

    [Fact]
    public void Test_ca_issues_a_certificate_for_a_request()
    {
        var ca = GostCertificateBuilder.CreateTestCertificateAuthority("Root");
        var request = new GostCertificateRequestBuilder { Subject = Person(), IdentificationKind = GostIdentificationKind.RemoteWithQualifiedSignature }.Build();

        var certificate = new GostCertificateBuilder().IssueForRequest(GostCertificateRequest.Load(request.RawData), ca);

        Assert.True(request.PrivateKey!.Matches(certificate));
        Assert.Equal(request.Subject, certificate.Subject);
        Assert.Equal(GostIdentificationKind.RemoteWithQualifiedSignature, certificate.IdentificationKind);
        Assert.Equal(request.KeyUsage, certificate.KeyUsage);
        Assert.True(certificate.IsSignedBy(ca.Certificate));
        var bad = request.RawData;
        bad[bad.Length - 5] ^= 0xFF;
        Assert.Throws<GostCryptoException>(() => new GostCertificateBuilder().IssueForRequest(GostCertificateRequest.Load(bad), ca));
    }

    [Fact]
    public void Certificates_load_from_der_pem_and_base64()
    {
        var credential = new GostCertificateBuilder { Subject = new GostSubject { CommonName = "A" } }.CreateSelfSigned();
        var other = new GostCertificateBuilder { Subject = new GostSubject { CommonName = "B" } }.CreateSelfSigned();
        var der = credential.Certificate.RawData;

        Assert.Equal(credential.Certificate, GostCertificate.Load(der));
        Assert.Equal(credential.Certificate, GostCertificate.Load(System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(der))));
        var both = GostCertificate.LoadAll(System.Text.Encoding.ASCII.GetBytes(credential.Certificate.ToPem() + other.Certificate.ToPem()));
        Assert.Equal(new[] { credential.Certificate, other.Certificate }, both);
        Assert.Throws<GostCryptoException>(() => GostCertificate.FromDer(new byte[] { 0x30, 0x03, 0x02, 0x01, 0x01 }));
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i <= haystack.Length - needle.Length; i++)
        {
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle)) return i;
        }
        throw new InvalidOperationException("not found");
    }
}
