namespace GosApi.Sandbox.Esia;

/// <summary>A certificate issued by the sandbox's test CA, with its key when the sandbox generated one.</summary>
public sealed class TestCertificate
{
    internal TestCertificate(byte[] certificate, string certificatePem, byte[]? privateKey, byte[]? pkcs12, string? password,
        string serialNumber, string subject, DateTimeOffset notBefore, DateTimeOffset notAfter, string parameterSetOid, int keySize)
    {
        Certificate = certificate;
        CertificatePem = certificatePem;
        PrivateKey = privateKey;
        Pkcs12 = pkcs12;
        Password = password;
        SerialNumber = serialNumber;
        Subject = subject;
        NotBefore = notBefore;
        NotAfter = notAfter;
        ParameterSetOid = parameterSetOid;
        KeySize = keySize;
    }

    /// <summary>DER X.509 certificate.</summary>
    public byte[] Certificate { get; }

    public string CertificatePem { get; }

    /// <summary>Unencrypted PKCS#8 DER (algorithm 1.2.643.7.1.1.1.1/.2, key as little-endian OCTET STRING); null for a supplied public key.</summary>
    public byte[]? PrivateKey { get; }

    /// <summary>PKCS#12 with the key, the certificate and the CA certificate (PBES2/AES-256-CBC, SHA-256 MAC); null for a supplied public key.</summary>
    public byte[]? Pkcs12 { get; }

    /// <summary>Password of <see cref="Pkcs12"/>.</summary>
    public string? Password { get; }

    /// <summary>Hex, as openssl prints it.</summary>
    public string SerialNumber { get; }

    public string Subject { get; }
    public DateTimeOffset NotBefore { get; }
    public DateTimeOffset NotAfter { get; }

    /// <summary>OID of the key's curve parameter set.</summary>
    public string ParameterSetOid { get; }

    /// <summary>256 or 512.</summary>
    public int KeySize { get; }
}
