using GosApi.Sandbox.Esia;
using GosApi.Sandbox.Tests.Esia;

namespace GosApi.Sandbox.Tests.Support;

/// <summary>How a .sig file holds its CMS.</summary>
public enum SignatureEncoding
{
    /// <summary>Binary DER (cryptcp -der, csptest, openssl -outform DER).</summary>
    Der,
    /// <summary>"-----BEGIN CMS-----" (openssl cms -outform PEM).</summary>
    Pem,
    /// <summary>Bare base64 in CRLF-separated lines, no header (cryptcp's default).</summary>
    Base64,
}

/// <summary>Detached .sig files for archive entries, made by BouncyCastle in the test (<see cref="ApiKeyCms"/>).</summary>
internal static class FileSignatures
{
    public static (string Name, byte[] Content) Sign(TestCertificate signer, (string Name, byte[] Content) file,
        CmsOptions? options = null, SignatureEncoding encoding = SignatureEncoding.Der) =>
        (file.Name + ".sig", Encode(ApiKeyCms.Sign(ApiKeyCms.LoadPrivateKey(signer.PrivateKey!), signer.Certificate, file.Content, options ?? new CmsOptions()), encoding));

    /// <summary>The files followed each by its .sig.</summary>
    public static (string Name, byte[] Content)[] SignAll(TestCertificate signer, params (string Name, byte[] Content)[] files) =>
        files.SelectMany(f => new[] { f, Sign(signer, f) }).ToArray();

    public static byte[] Encode(byte[] der, SignatureEncoding encoding) => encoding switch
    {
        SignatureEncoding.Der => der,
        SignatureEncoding.Pem => Encoding.ASCII.GetBytes(new string(System.Security.Cryptography.PemEncoding.Write("CMS", der)) + "\n"),
        SignatureEncoding.Base64 => Encoding.ASCII.GetBytes(Convert.ToBase64String(der, Base64FormattingOptions.InsertLineBreaks) + "\r\n"),
        _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
    };
}
