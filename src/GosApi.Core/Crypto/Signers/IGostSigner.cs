using System.IO;
using System.Threading;
using System.Threading.Tasks;
using GosApi.Crypto.Cms;
using GosApi.Crypto.Pki;

namespace GosApi.Crypto.Signers
{
    /// <summary>
    /// Something that makes GOST R 34.10-2012 CMS signatures with one certificate's key: a key in memory
    /// (<see cref="SoftwareGostSigner"/>), openssl with the gost engine (<see cref="OpenSslGostSigner"/>) or CryptoPro's
    /// cryptcp (<see cref="CryptoProCryptcpSigner"/>). Implementations are safe to call in parallel.
    /// </summary>
    public interface IGostSigner
    {
        /// <summary>The signer's certificate.</summary>
        GostCertificate Certificate { get; }

        /// <summary>A detached CMS signature (DER) of the content, read once from the stream to its end.</summary>
        Task<byte[]> SignDetachedAsync(Stream content, CmsSignatureOptions? options = null, CancellationToken cancellationToken = default);

        /// <summary>An attached CMS signature (DER) that embeds the content: for small documents such as a PKCS#10 request.</summary>
        Task<byte[]> SignAttachedAsync(Stream content, CmsSignatureOptions? options = null, CancellationToken cancellationToken = default);
    }
}
