using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GosApi.Crypto.Pki;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Asn1.Ess;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Utilities;
using Attribute = Org.BouncyCastle.Asn1.Cms.Attribute;
using ContentInfo = Org.BouncyCastle.Asn1.Cms.ContentInfo;
using SignedData = Org.BouncyCastle.Asn1.Cms.SignedData;
using SignerInfo = Org.BouncyCastle.Asn1.Cms.SignerInfo;
using IssuerAndSerialNumber = Org.BouncyCastle.Asn1.Cms.IssuerAndSerialNumber;
using AttributeTable = Org.BouncyCastle.Asn1.Cms.AttributeTable;
using Time = Org.BouncyCastle.Asn1.Cms.Time;

namespace GosApi.Crypto.Cms
{
    /// <summary>Settings of <see cref="CmsSignatureVerifier"/>.</summary>
    public sealed class CmsVerificationOptions
    {
        /// <summary>Roots (or other anchors) to build the signer's chain to. Empty: the chain is not checked (<see cref="GostChainStatus.NotChecked"/>).</summary>
        public IList<GostCertificate> TrustedRoots { get; } = new List<GostCertificate>();

        /// <summary>Certificates to look in besides those in the signature: the signer's when the signature holds none, intermediates.</summary>
        public IList<GostCertificate> ExtraCertificates { get; } = new List<GostCertificate>();

        /// <summary>The time certificates must be valid at; default now.</summary>
        public DateTimeOffset? VerificationTime { get; set; }
    }

    /// <summary>
    /// Verifies GOST R 34.10-2012 CMS signatures, detached (content as a stream, read once, never buffered) or attached.
    /// A tampered file or signature, an unknown algorithm or a broken chain gives <see cref="GostSignatureInfo.IsValid"/> = false
    /// with plain-English <see cref="GostSignatureInfo.Problems"/>; it never throws for bad input (only for null arguments,
    /// cancellation, and I/O errors of the content stream).
    /// </summary>
    public sealed class CmsSignatureVerifier
    {
        private static readonly HashSet<string> SignatureOids = new HashSet<string>
        {
            GostParameterSets.KeyAlgorithm256Oid, GostParameterSets.KeyAlgorithm512Oid,
            GostParameterSets.SignatureWithDigest256Oid, GostParameterSets.SignatureWithDigest512Oid,
        };

        public CmsSignatureVerifier(CmsVerificationOptions? options = null)
        {
            Options = options ?? new CmsVerificationOptions();
        }

        public CmsVerificationOptions Options { get; }

        /// <summary>Verifies a detached signature (DER, PEM or base64) over the content stream.</summary>
        public async Task<GostSignatureInfo> VerifyDetachedAsync(Stream content, byte[] signature, CancellationToken cancellationToken = default)
        {
            if (content is null) throw new ArgumentNullException(nameof(content));
            if (signature is null) throw new ArgumentNullException(nameof(signature));
            var parsed = Parse(signature);
            if (parsed.Failure != null) return parsed.Failure;
            var digests = parsed.DigestOids.Select(GostCms.CreateDigest).ToList();
            var values = await GostCms.DigestAsync(content, digests, null, cancellationToken).ConfigureAwait(false);
            var problems = new List<string>();
            if (parsed.EmbeddedContent != null)
            {
                problems.Add("The signature is attached (it holds its own content); the given content was checked against it.");
            }
            return Verify(parsed, Zip(parsed.DigestOids, values), true, problems);
        }

        /// <summary>Verifies a detached signature over a file, streaming it.</summary>
        public async Task<GostSignatureInfo> VerifyDetachedFileAsync(string contentPath, string signaturePath, CancellationToken cancellationToken = default)
        {
            var signature = File.ReadAllBytes(signaturePath);
            using (var content = new FileStream(contentPath, FileMode.Open, FileAccess.Read, FileShare.Read, GostCms.BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan))
            {
                return await VerifyDetachedAsync(content, signature, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>Verifies an attached signature (DER, PEM or base64); the embedded content is written to <paramref name="contentOutput"/> when given.</summary>
        public async Task<GostSignatureInfo> VerifyAttachedAsync(byte[] signature, Stream? contentOutput = null, CancellationToken cancellationToken = default)
        {
            if (signature is null) throw new ArgumentNullException(nameof(signature));
            var parsed = Parse(signature);
            if (parsed.Failure != null) return parsed.Failure;
            if (parsed.EmbeddedContent is null)
            {
                return Failure("The signature is detached: it holds no content. Verify it together with the signed file.", false);
            }
            var digests = parsed.DigestOids.Select(GostCms.CreateDigest).ToList();
            byte[][] values;
            using (var content = new MemoryStream(parsed.EmbeddedContent, false))
            {
                values = await GostCms.DigestAsync(content, digests, contentOutput, cancellationToken).ConfigureAwait(false);
            }
            return Verify(parsed, Zip(parsed.DigestOids, values), false, new List<string>());
        }

        /// <summary>Verifies an attached signature and returns the embedded content too (null when there is none).</summary>
        public GostSignatureInfo VerifyAttached(byte[] signature, out byte[]? content)
        {
            using (var output = new MemoryStream())
            {
                var info = VerifyAttachedAsync(signature, output).GetAwaiter().GetResult();
                content = output.Length > 0 || info.SignerCount > 0 ? output.ToArray() : null;
                return info;
            }
        }

        private static Dictionary<string, byte[]> Zip(IReadOnlyList<string> oids, byte[][] values)
        {
            var map = new Dictionary<string, byte[]>();
            for (var i = 0; i < oids.Count; i++) map[oids[i]] = values[i];
            return map;
        }

        private sealed class Parsed
        {
            internal GostSignatureInfo? Failure;
            internal SignedData SignedData = null!;
            internal byte[]? EmbeddedContent;
            internal string ContentType = CmsObjectIdentifiers.Data.Id;
            internal List<GostCertificate> Certificates = new List<GostCertificate>();
            internal List<SignerInfo> Signers = new List<SignerInfo>();
            internal List<string> DigestOids = new List<string>();
        }

        private Parsed Parse(byte[] signature)
        {
            var parsed = new Parsed();
            byte[] der;
            try
            {
                der = CmsEncoding.Decode(signature);
                var info = ContentInfo.GetInstance(Asn1Object.FromByteArray(der));
                if (!info.ContentType.Equals(CmsObjectIdentifiers.SignedData))
                {
                    parsed.Failure = Failure("The file is CMS of type " + info.ContentType.Id + ", not a signature (SignedData).", false);
                    return parsed;
                }
                parsed.SignedData = SignedData.GetInstance(info.Content);
                parsed.ContentType = parsed.SignedData.EncapContentInfo.ContentType.Id;
                if (parsed.SignedData.EncapContentInfo.Content is Asn1OctetString octets) parsed.EmbeddedContent = octets.GetOctets();
                foreach (var signer in parsed.SignedData.SignerInfos) parsed.Signers.Add(SignerInfo.GetInstance(signer));
            }
            catch (Exception ex) when (ex is IOException || ex is ArgumentException || ex is InvalidCastException || ex is InvalidOperationException || ex is GostCryptoException || ex is FormatException)
            {
                parsed.Failure = Failure("The signature is not a readable CMS/PKCS#7 structure (damaged, truncated or not a signature): " + ex.Message, false);
                return parsed;
            }
            if (parsed.Signers.Count == 0)
            {
                parsed.Failure = Failure("The signature has no signers.", parsed.EmbeddedContent is null);
                return parsed;
            }
            if (parsed.SignedData.Certificates != null)
            {
                foreach (var element in parsed.SignedData.Certificates)
                {
                    if (!(element.ToAsn1Object() is Asn1Sequence)) continue;
                    try
                    {
                        parsed.Certificates.Add(GostCertificate.FromDer(element.GetDerEncoded()));
                    }
                    catch (GostCryptoException)
                    {
                        // Not a GOST 2012 certificate: cannot be the signer's; ignore it.
                    }
                }
            }
            parsed.DigestOids = parsed.Signers.Select(s => s.DigestAlgorithm.Algorithm.Id)
                .Where(o => o == GostParameterSets.Digest256Oid || o == GostParameterSets.Digest512Oid).Distinct().ToList();
            return parsed;
        }

        private GostSignatureInfo Verify(Parsed parsed, Dictionary<string, byte[]> digests, bool detached, List<string> problems)
        {
            var signatureValid = true;
            GostCertificate? firstCertificate = null;
            DateTimeOffset? firstTime = null;
            string? firstDigest = null, firstSignatureAlgorithm = null;
            var hasSigningCertificateV2 = false;
            var candidates = parsed.Certificates.Concat(Options.ExtraCertificates).ToList();
            for (var index = 0; index < parsed.Signers.Count; index++)
            {
                var signer = parsed.Signers[index];
                var prefix = parsed.Signers.Count > 1 ? "Signer " + (index + 1) + ": " : string.Empty;
                var signerProblems = new List<string>();
                var certificate = FindSigner(signer.SignerID, candidates);
                var digestOid = signer.DigestAlgorithm.Algorithm.Id;
                var signatureOid = signer.DigestEncryptionAlgorithm.Algorithm.Id;
                DateTimeOffset? signingTime = null;
                var ok = VerifySigner(parsed, signer, certificate, digests, signerProblems, ref signingTime, ref hasSigningCertificateV2);
                if (index == 0)
                {
                    firstCertificate = certificate;
                    firstTime = signingTime;
                    firstDigest = digestOid;
                    firstSignatureAlgorithm = signatureOid;
                }
                signatureValid &= ok;
                problems.AddRange(signerProblems.Select(p => prefix + p));
            }

            var chainStatus = GostChainStatus.NotChecked;
            IReadOnlyList<GostCertificate> chain = Array.Empty<GostCertificate>();
            if (Options.TrustedRoots.Count > 0)
            {
                (chainStatus, chain) = BuildChain(firstCertificate, candidates, problems);
            }
            else if (firstCertificate != null)
            {
                var now = Options.VerificationTime ?? DateTimeOffset.UtcNow;
                if (!firstCertificate.IsValidAt(now))
                {
                    problems.Add("Warning: the signer's certificate is not valid at " + now.ToString("u", System.Globalization.CultureInfo.InvariantCulture) + " (valid " + Range(firstCertificate) + ").");
                }
            }
            var isValid = signatureValid && (chainStatus == GostChainStatus.NotChecked || chainStatus == GostChainStatus.Trusted);
            return new GostSignatureInfo(signatureValid, isValid, firstCertificate, firstTime, firstDigest, firstSignatureAlgorithm, chainStatus, chain, problems, detached, parsed.Signers.Count, hasSigningCertificateV2);
        }

        private static bool VerifySigner(Parsed parsed, SignerInfo signer, GostCertificate? certificate, Dictionary<string, byte[]> digests, List<string> problems, ref DateTimeOffset? signingTime, ref bool hasSigningCertificateV2)
        {
            var digestOid = signer.DigestAlgorithm.Algorithm.Id;
            var signatureOid = signer.DigestEncryptionAlgorithm.Algorithm.Id;
            if (!digests.TryGetValue(digestOid, out var contentDigest))
            {
                problems.Add("The digest algorithm " + digestOid + " is not supported (only GOST R 34.11-2012 1.2.643.7.1.1.2.2 and 1.2.643.7.1.1.2.3).");
                return false;
            }
            if (!SignatureOids.Contains(signatureOid))
            {
                problems.Add("The signature algorithm " + signatureOid + " is not GOST R 34.10-2012.");
                return false;
            }
            if (certificate is null)
            {
                problems.Add("The signer's certificate is neither in the signature nor among the extra certificates (or it is not a GOST R 34.10-2012 certificate), so the signature cannot be checked.");
                return false;
            }
            var digestSize = digestOid == GostParameterSets.Digest512Oid ? 512 : 256;
            if (certificate.KeySize != digestSize)
            {
                problems.Add("The digest size (" + digestSize + " bits) does not match the signer's " + certificate.KeySize + "-bit key.");
                return false;
            }

            var attributes = signer.AuthenticatedAttributes;
            if (attributes != null)
            {
                var table = new AttributeTable(attributes);
                var messageDigest = Single(table, CmsAttributes.MessageDigest, problems, "messageDigest");
                if (messageDigest is null) return false;
                var claimed = Asn1OctetString.GetInstance(messageDigest).GetOctets();
                if (!Arrays.FixedTimeEquals(claimed, contentDigest))
                {
                    problems.Add("The content does not match the signature: its digest differs from the signed one (the file was changed, or it is not the signed file).");
                    return false;
                }
                var contentType = Single(table, CmsAttributes.ContentType, problems, "contentType");
                if (contentType is null) return false;
                if (DerObjectIdentifier.GetInstance(contentType).Id != parsed.ContentType)
                {
                    problems.Add("The signed contentType attribute differs from the content type of the signature.");
                    return false;
                }
                var time = table[CmsAttributes.SigningTime];
                if (time != null && time.AttrValues.Count == 1)
                {
                    try
                    {
                        signingTime = new DateTimeOffset(Time.GetInstance(time.AttrValues[0]).ToDateTime().ToUniversalTime(), TimeSpan.Zero);
                    }
                    catch (Exception ex) when (ex is ArgumentException || ex is FormatException || ex is InvalidOperationException)
                    {
                        problems.Add("Warning: the signingTime attribute cannot be read.");
                    }
                }
                if (!CheckSigningCertificate(table, certificate, problems, ref hasSigningCertificateV2)) return false;
                var ordered = attributes.GetEncoded(Asn1Encodable.Der);
                var asSent = EncodeAsSent(attributes);
                var signature = signer.EncryptedDigest.GetOctets();
                if (GostAlgorithms.Verify(certificate.PublicKey, ordered, signature) || (!Arrays.AreEqual(ordered, asSent) && GostAlgorithms.Verify(certificate.PublicKey, asSent, signature)))
                {
                    return true;
                }
                problems.Add("The signature value does not verify with the signer's certificate: the signature was changed or made with another key.");
                return false;
            }
            // No signed attributes: the signature is over the content's digest itself.
            if (GostAlgorithms.VerifyHash(certificate.PublicKey, contentDigest, signer.EncryptedDigest.GetOctets())) return true;
            problems.Add("The signature value does not verify: the content or the signature was changed, or it was made with another key.");
            return false;
        }

        private static Asn1Encodable? Single(AttributeTable table, DerObjectIdentifier oid, List<string> problems, string name)
        {
            var all = table.GetAll(oid);
            if (all.Count != 1 || Attribute.GetInstance(all[0]).AttrValues.Count != 1)
            {
                problems.Add("The signed attributes must hold exactly one " + name + " attribute.");
                return null;
            }
            return Attribute.GetInstance(all[0]).AttrValues[0];
        }

        private static bool CheckSigningCertificate(AttributeTable table, GostCertificate certificate, List<string> problems, ref bool hasV2)
        {
            var v2 = table[GostCms.SigningCertificateV2Oid];
            if (v2 != null)
            {
                hasV2 = true;
                try
                {
                    var ids = SigningCertificateV2.GetInstance(v2.AttrValues[0]).GetCerts();
                    if (ids.Length == 0) return true;
                    var id = ids[0];
                    var algorithm = id.HashAlgorithm.Algorithm.Id;
                    byte[] expected;
                    if (algorithm == GostParameterSets.Digest256Oid) expected = GostAlgorithms.Hash(256, certificate.Der);
                    else if (algorithm == GostParameterSets.Digest512Oid) expected = GostAlgorithms.Hash(512, certificate.Der);
                    else if (algorithm == "2.16.840.1.101.3.4.2.1") expected = Org.BouncyCastle.Security.DigestUtilities.CalculateDigest("SHA-256", certificate.Der);
                    else
                    {
                        problems.Add("Warning: signingCertificateV2 uses hash " + algorithm + ", which is not checked.");
                        return true;
                    }
                    if (!Arrays.AreEqual(expected, id.GetCertHash()))
                    {
                        problems.Add("The signingCertificateV2 attribute names another certificate than the signer's (certificate substituted).");
                        return false;
                    }
                }
                catch (Exception ex) when (ex is ArgumentException || ex is InvalidCastException)
                {
                    problems.Add("The signingCertificateV2 attribute cannot be read.");
                    return false;
                }
            }
            var v1 = table[GostCms.SigningCertificateOid];
            if (v1 != null)
            {
                try
                {
                    var ids = SigningCertificate.GetInstance(v1.AttrValues[0]).GetCerts();
                    if (ids.Length > 0 && !Arrays.AreEqual(ids[0].GetCertHash(), Org.BouncyCastle.Security.DigestUtilities.CalculateDigest("SHA-1", certificate.Der)))
                    {
                        problems.Add("The signingCertificate attribute names another certificate than the signer's (certificate substituted).");
                        return false;
                    }
                }
                catch (Exception ex) when (ex is ArgumentException || ex is InvalidCastException)
                {
                    problems.Add("The signingCertificate attribute cannot be read.");
                    return false;
                }
            }
            return true;
        }

        /// <summary>The SET in the order the signer wrote it (for signers that did not sort their DER SET).</summary>
        private static byte[] EncodeAsSent(Asn1Set set)
        {
            using (var body = new MemoryStream())
            {
                foreach (var element in set)
                {
                    var bytes = element.GetEncoded(Asn1Encodable.Der);
                    body.Write(bytes, 0, bytes.Length);
                }
                var content = body.ToArray();
                using (var output = new MemoryStream())
                {
                    output.WriteByte(0x31);
                    WriteLength(output, content.Length);
                    output.Write(content, 0, content.Length);
                    return output.ToArray();
                }
            }
        }

        private static void WriteLength(Stream output, int length)
        {
            if (length < 128)
            {
                output.WriteByte((byte)length);
                return;
            }
            var bytes = new List<byte>();
            for (var l = length; l > 0; l >>= 8) bytes.Insert(0, (byte)(l & 0xFF));
            output.WriteByte((byte)(0x80 | bytes.Count));
            foreach (var b in bytes) output.WriteByte(b);
        }

        private static GostCertificate? FindSigner(SignerIdentifier id, IEnumerable<GostCertificate> candidates)
        {
            var value = id.ID;
            if (value is Asn1OctetString keyId || (value is Asn1TaggedObject tagged && (keyId = Asn1OctetString.GetInstance(tagged, false)) != null))
            {
                var hex = Org.BouncyCastle.Utilities.Encoders.Hex.ToHexString(keyId.GetOctets()).ToUpperInvariant();
                return candidates.FirstOrDefault(c => c.SubjectKeyIdentifier == hex);
            }
            var issuerAndSerial = IssuerAndSerialNumber.GetInstance(value);
            return candidates.FirstOrDefault(c => c.Structure.SerialNumber.Value.Equals(issuerAndSerial.SerialNumber.Value)
                && c.Structure.Issuer.Equivalent(issuerAndSerial.Name));
        }

        private (GostChainStatus, IReadOnlyList<GostCertificate>) BuildChain(GostCertificate? signer, List<GostCertificate> candidates, List<string> problems) =>
            GostChainBuilder.Build(signer, candidates, Options.TrustedRoots, Options.VerificationTime ?? DateTimeOffset.UtcNow, problems);

        private static string Range(GostCertificate certificate) =>
            certificate.NotBefore.ToString("u", System.Globalization.CultureInfo.InvariantCulture) + " to " + certificate.NotAfter.ToString("u", System.Globalization.CultureInfo.InvariantCulture);

        private static GostSignatureInfo Failure(string problem, bool detached) =>
            new GostSignatureInfo(false, false, null, null, null, null, GostChainStatus.NotChecked, Array.Empty<GostCertificate>(), new[] { problem }, detached, 0, false);
    }
}
