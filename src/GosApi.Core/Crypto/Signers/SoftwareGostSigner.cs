using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using GosApi.Crypto.Cms;
using GosApi.Crypto.Pki;

namespace GosApi.Crypto.Signers
{
    /// <summary>
    /// Signs with a key held in memory (pure managed, BouncyCastle): CMS with contentType, signingTime, messageDigest and
    /// signingCertificateV2; content streamed, never buffered for detached signatures.
    /// </summary>
    public sealed class SoftwareGostSigner : IGostSigner
    {
        private readonly GostCredential credential;

        public SoftwareGostSigner(GostCredential credential)
        {
            this.credential = credential ?? throw new ArgumentNullException(nameof(credential));
        }

        public SoftwareGostSigner(GostCertificate certificate, GostPrivateKey privateKey, IEnumerable<GostCertificate>? chain = null)
            : this(new GostCredential(certificate, privateKey, chain))
        {
        }

        public GostCertificate Certificate => credential.Certificate;

        public async Task<byte[]> SignDetachedAsync(Stream content, CmsSignatureOptions? options = null, CancellationToken cancellationToken = default)
        {
            if (content is null) throw new ArgumentNullException(nameof(content));
            var digest = await DigestAsync(content, null, cancellationToken).ConfigureAwait(false);
            return Build(digest, null, options ?? new CmsSignatureOptions());
        }

        public async Task<byte[]> SignAttachedAsync(Stream content, CmsSignatureOptions? options = null, CancellationToken cancellationToken = default)
        {
            if (content is null) throw new ArgumentNullException(nameof(content));
            using (var copy = new MemoryStream())
            {
                var digest = await DigestAsync(content, copy, cancellationToken).ConfigureAwait(false);
                return Build(digest, copy.ToArray(), options ?? new CmsSignatureOptions());
            }
        }

        /// <summary>A detached signature of a file, streamed from disk.</summary>
        public async Task<byte[]> SignDetachedFileAsync(string path, CmsSignatureOptions? options = null, CancellationToken cancellationToken = default)
        {
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, GostCms.BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan))
            {
                return await SignDetachedAsync(stream, options, cancellationToken).ConfigureAwait(false);
            }
        }

        public override string ToString() => "Software GOST signer for " + Certificate;

        private async Task<byte[]> DigestAsync(Stream content, Stream? copy, CancellationToken cancellationToken)
        {
            var digest = GostCms.CreateDigest(Certificate.KeySize == 512 ? GostParameterSets.Digest512Oid : GostParameterSets.Digest256Oid);
            var values = await GostCms.DigestAsync(content, new[] { digest }, copy, cancellationToken).ConfigureAwait(false);
            return values[0];
        }

        private byte[] Build(byte[] contentDigest, byte[]? content, CmsSignatureOptions options)
        {
            var attributes = GostCms.SignedAttributes(contentDigest, Certificate, options);
            var signature = credential.PrivateKey.Sign(attributes.GetEncoded(Org.BouncyCastle.Asn1.Asn1Encodable.Der));
            return GostCms.Assemble(Certificate, GostCms.CertificatesToInclude(Certificate, credential.Chain, options), attributes, signature, content);
        }
    }
}
