namespace GosApi.Sandbox.Esia;

/// <summary>What an end-entity certificate issued by the sandbox's test CA should say and hold.</summary>
public sealed class TestCertificateRequest
{
    /// <summary>Subject CN.</summary>
    public string CommonName { get; set; } = "Sandbox test signer";

    /// <summary>Subject O (optional).</summary>
    public string? Organization { get; set; }

    /// <summary>13 digits (OGRN, 1.2.643.100.1) or 15 digits (OGRNIP, 1.2.643.100.5), optional.</summary>
    public string? Ogrn { get; set; }

    /// <summary>10 digits (INNLE, 1.2.643.100.4) or 12 digits (INN, 1.2.643.3.131.1.1), optional.</summary>
    public string? Inn { get; set; }

    /// <summary>Curve of the generated key; ignored when <see cref="PublicKey"/> is given. Default: CryptoPro CSP's usual XchA (256-bit).</summary>
    public GostParameterSet ParameterSet { get; set; } = GostParameterSet.CryptoProXchA;

    /// <summary>DER SubjectPublicKeyInfo of a GOST R 34.10-2012 key to certify; the sandbox then generates no key and no PKCS#12.</summary>
    public byte[]? PublicKey { get; set; }

    /// <summary>Default: one hour before now.</summary>
    public DateTimeOffset? NotBefore { get; set; }

    /// <summary>Default: one year after now. A past value gives an expired certificate.</summary>
    public DateTimeOffset? NotAfter { get; set; }

    /// <summary>Exact subject (e.g. copied from a PKCS#10); replaces CommonName, Organization, Ogrn and Inn when set.</summary>
    internal Org.BouncyCastle.Asn1.X509.X509Name? Subject { get; set; }

    /// <summary>Password of the PKCS#12 (PBES2, AES-256-CBC, HMAC-SHA-256).</summary>
    public string Password { get; set; } = "sandbox";
}
