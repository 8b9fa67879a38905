using System;
using GosApi.Crypto.Hashing;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GosApi.Crypto.Pki;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Asn1.Ess;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Attribute = Org.BouncyCastle.Asn1.Cms.Attribute;
using ContentInfo = Org.BouncyCastle.Asn1.Cms.ContentInfo;
using SignedData = Org.BouncyCastle.Asn1.Cms.SignedData;
using SignerInfo = Org.BouncyCastle.Asn1.Cms.SignerInfo;
using Time = Org.BouncyCastle.Asn1.Cms.Time;
using IssuerAndSerialNumber = Org.BouncyCastle.Asn1.Cms.IssuerAndSerialNumber;

namespace GosApi.Crypto.Cms
{
    /// <summary>
    /// CMS SignedData (RFC 5652) with GOST R 34.10-2012 as openssl's gost engine and CryptoPro write it: digestAlgorithm
    /// 1.2.643.7.1.1.2.2/.2.3 and signatureAlgorithm 1.2.643.7.1.1.1.1/.1.2 (both with NULL parameters, as openssl writes
    /// them), signed attributes contentType, signingTime, messageDigest and signingCertificateV2.
    /// </summary>
    internal static class GostCms
    {
        internal const int BufferSize = 81920;
        internal static readonly DerObjectIdentifier SigningCertificateV2Oid = PkcsObjectIdentifiers.IdAASigningCertificateV2;
        internal static readonly DerObjectIdentifier SigningCertificateOid = PkcsObjectIdentifiers.IdAASigningCertificate;

        /// <summary>
        /// The content digest: our table-driven Streebog, several times faster than BouncyCastle's digest (which stays
        /// in use only for small inputs such as signed attributes).
        /// </summary>
        internal static Streebog CreateDigest(string oid) => oid switch
        {
            GostParameterSets.Digest256Oid => Streebog.Create256(),
            GostParameterSets.Digest512Oid => Streebog.Create512(),
            _ => throw new GostCryptoException("Digest algorithm " + oid + " is not supported."),
        };

        /// <summary>Reads the stream to its end once, feeding every digest (and the copy target, for attached signatures).</summary>
        internal static async Task<byte[][]> DigestAsync(Stream content, IReadOnlyList<Streebog> digests, Stream? copyTo, CancellationToken cancellationToken)
        {
            if (content is null) throw new ArgumentNullException(nameof(content));
            // Large reads: per-read overhead of async file I/O otherwise costs about a tenth of the hashing time.
            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(GostHash.BufferSize);
            try
            {
                int read;
                while ((read = await content.ReadAsync(buffer, 0, GostHash.BufferSize, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    foreach (var digest in digests) digest.Append(new ReadOnlySpan<byte>(buffer, 0, read));
                    if (copyTo != null) await copyTo.WriteAsync(buffer, 0, read, cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }
            return digests.Select(d =>
            {
                d.TransformFinalBlock(Array.Empty<byte>(), 0, 0);
                return d.Hash!;
            }).ToArray();
        }

        internal static AlgorithmIdentifier DigestAlgorithm(int keySize) => new AlgorithmIdentifier(GostAlgorithms.DigestOid(keySize), DerNull.Instance);

        internal static AlgorithmIdentifier SignatureAlgorithm(int keySize) =>
            new AlgorithmIdentifier(keySize == 512 ? GostAlgorithms.KeyAlgorithm512 : GostAlgorithms.KeyAlgorithm256, DerNull.Instance);

        /// <summary>The signed attributes as a DER SET (sorted), ready to be signed.</summary>
        internal static Asn1Set SignedAttributes(byte[] contentDigest, GostCertificate signer, CmsSignatureOptions options)
        {
            var attributes = new Asn1EncodableVector
            {
                new Attribute(CmsAttributes.ContentType, new DerSet(CmsObjectIdentifiers.Data)),
            };
            if (options.IncludeSigningTime)
            {
                var time = (options.SigningTime ?? DateTimeOffset.UtcNow).UtcDateTime;
                attributes.Add(new Attribute(CmsAttributes.SigningTime, new DerSet(new Time(time))));
            }
            attributes.Add(new Attribute(CmsAttributes.MessageDigest, new DerSet(new DerOctetString(contentDigest))));
            if (options.IncludeSigningCertificateV2)
            {
                var issuerSerial = new IssuerSerial(new GeneralNames(new GeneralName(signer.Structure.Issuer)), signer.Structure.SerialNumber);
                var hashAlgorithm = new AlgorithmIdentifier(GostAlgorithms.DigestOid(signer.KeySize));
                var certHash = GostAlgorithms.Hash(signer.KeySize, signer.Der);
                var essCertId = new EssCertIDv2(hashAlgorithm, certHash, issuerSerial);
                attributes.Add(new Attribute(SigningCertificateV2Oid, new DerSet(new SigningCertificateV2(new[] { essCertId }))));
            }
            return new DerSet(attributes);
        }

        /// <summary>ContentInfo { signedData } DER, with the content embedded when <paramref name="content"/> is not null.</summary>
        internal static byte[] Assemble(GostCertificate signer, IEnumerable<GostCertificate> certificates, Asn1Set signedAttributes, byte[] signature, byte[]? content)
        {
            var signerInfo = new SignerInfo(
                new SignerIdentifier(new IssuerAndSerialNumber(signer.Structure.Issuer, signer.Structure.SerialNumber)),
                DigestAlgorithm(signer.KeySize),
                signedAttributes,
                SignatureAlgorithm(signer.KeySize),
                new DerOctetString(signature),
                null);
            var certs = certificates.Select(c => (Asn1Encodable)c.Structure).ToArray();
            var signedData = new SignedData(
                new DerSet(DigestAlgorithm(signer.KeySize)),
                new ContentInfo(CmsObjectIdentifiers.Data, content is null ? null : new DerOctetString(content)),
                certs.Length == 0 ? null : new DerSet(certs),
                null,
                new DerSet(signerInfo));
            return new ContentInfo(CmsObjectIdentifiers.SignedData, signedData).GetEncoded(Asn1Encodable.Der);
        }

        internal static IEnumerable<GostCertificate> CertificatesToInclude(GostCertificate signer, IEnumerable<GostCertificate> chain, CmsSignatureOptions options)
        {
            if (options.IncludeCertificate) yield return signer;
            if (options.IncludeChain)
            {
                foreach (var certificate in chain) yield return certificate;
            }
        }
    }
}
