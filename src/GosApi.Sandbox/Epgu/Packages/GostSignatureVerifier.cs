using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using GosApi.Sandbox.Crypto;
using GosApi.Sandbox.Esia;
using Org.BouncyCastle.Crypto;

namespace GosApi.Sandbox.Epgu.Packages;

/// <summary>
/// The real check of x.sig (001: detached УКЭП, ГОСТ Р 34.10-2012; EPGU has it validated by the head CA, the sandbox
/// by its test CA): a detached CMS SignedData over the bytes of x, DER or PEM/base64 text, one or more signers, each
/// GOST R 34.10-2012 256/512 with the 34.11-2012 digest of its size, the signer's certificate in the CMS, issued by
/// the sandbox test CA, valid now and at signingTime. x is hashed as it streams from the zip, once for all signers.
/// Every failure names the .sig, a short reason and the detail: "scan.pdf.sig: digest mismatch: …".
/// </summary>
internal sealed class GostSignatureVerifier(TestCertificateAuthority ca, TimeProvider time) : ISignatureVerifier
{
    /// <summary>A detached signature with a certificate chain is a few KiB; more than this is not one.</summary>
    public const int MaxSignatureBytes = 1024 * 1024;

    private const int BufferSize = 81920;

    public SignatureVerdict Verify(string fileName, Func<Stream> openContent, Func<Stream> openSignature, long signatureLength)
    {
        var signatureName = fileName + ".sig";
        SignatureVerdict Fail(string reason, string detail) => SignatureVerdict.Invalid($"{signatureName}: {reason}: {detail}");

        if (signatureLength == 0) return SignatureVerdict.Invalid($"{signatureName}: empty: the detached signature file has no bytes");
        if (signatureLength > MaxSignatureBytes)
            return Fail(Reason(CmsProblem.NotCms), $"{signatureLength} bytes is far more than a detached signature (at most {MaxSignatureBytes} accepted)");

        byte[] raw;
        try { raw = ReadAtMost(openSignature, MaxSignatureBytes); }
        catch (InvalidDataException ex) { return Fail("unreadable", "the archive entry cannot be read: " + ex.Message); }
        if (raw.Length == 0) return SignatureVerdict.Invalid($"{signatureName}: empty: the detached signature file has no bytes");
        if (!SignatureFileEncoding.TryDecode(raw, out var der, out var encodingProblem))
            return Fail(Reason(CmsProblem.NotCms), encodingProblem);

        var signerNumber = 0;
        var signerCount = 0;
        try
        {
            var signed = GostCms.ParseDetached(der);
            var infos = GostCms.SignerInfos(signed);
            signerCount = infos.Count;
            if (infos.Count == 0) throw new CmsCheckException(CmsProblem.NotCms, "the CMS has no SignerInfo");
            var signers = new List<GostCmsSigner>();
            for (signerNumber = 1; signerNumber <= infos.Count; signerNumber++)
                signers.Add(GostCms.ReadSigner(signed, infos[signerNumber - 1], SignedAttributePolicy.Rfc5652));

            signerNumber = 0;
            Dictionary<bool, byte[]> hashes;
            try { hashes = HashContent(openContent, signers.Select(s => s.Key.Is512).Distinct()); }
            catch (InvalidDataException ex) { return SignatureVerdict.Invalid($"{fileName}: unreadable: the archive entry cannot be read: {ex.Message}"); }

            var now = time.GetUtcNow();
            for (signerNumber = 1; signerNumber <= signers.Count; signerNumber++)
            {
                var signer = signers[signerNumber - 1];
                var hash = hashes[signer.Key.Is512];
                if (!signer.DigestMatches(hash))
                    throw new CmsCheckException(CmsProblem.DigestMismatch,
                        $"messageDigest is not the GOST R 34.11-2012 hash of {fileName}: the file was changed after signing, or the signature belongs to another file");
                if (!signer.SignatureVerifies(hash))
                    throw new CmsCheckException(CmsProblem.BadSignature, signer.Attributes is null
                        ? $"the signature (no signed attributes, so over {fileName} itself) does not verify with certificate {GostCms.Describe(signer.Certificate)}: the file was changed after signing, or the signature value is corrupt"
                        : $"the signature over the signed attributes does not verify with certificate {GostCms.Describe(signer.Certificate)}");
                signer.CheckSigningCertificate();
                GostCms.CheckTrust(ca, signer.Certificate, now, signer.Attributes?.SigningTime);
            }
            return SignatureVerdict.Ok;
        }
        catch (CmsCheckException ex)
        {
            var which = signerCount > 1 && signerNumber > 0 ? $"signer {signerNumber} of {signerCount}: " : "";
            return Fail(Reason(ex.Problem), which + ex.Message);
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException))
        {
            // A structure BouncyCastle chokes on in a way the checks above do not foresee: still an answer, not a 500.
            return Fail(Reason(CmsProblem.NotCms), $"malformed CMS ({ex.GetType().Name}: {ex.Message})");
        }
    }

    /// <summary>The short reason that follows the .sig name in the processing message.</summary>
    internal static string Reason(CmsProblem problem) => problem switch
    {
        CmsProblem.NotCms => "not a detached CMS signature",
        CmsProblem.SignedAttributes => "bad signed attributes",
        CmsProblem.UnsupportedAlgorithm => "unsupported algorithm",
        CmsProblem.DigestMismatch => "digest mismatch",
        CmsProblem.BadSignature => "bad signature",
        CmsProblem.SigningCertificateMismatch => "signing certificate mismatch",
        CmsProblem.UntrustedCertificate => "untrusted certificate",
        CmsProblem.CertificateNotValid => "certificate not valid",
        _ => problem.ToString(),
    };

    /// <summary>Reads the entry, refusing to buffer more than <paramref name="limit"/> bytes whatever its header says.</summary>
    private static byte[] ReadAtMost(Func<Stream> open, int limit)
    {
        using var stream = open();
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > limit) throw new InvalidDataException($"more than {limit} bytes");
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>One pass over the content for every digest size the signers need; memory stays one buffer.</summary>
    private static Dictionary<bool, byte[]> HashContent(Func<Stream> open, IEnumerable<bool> sizes)
    {
        var digests = sizes.ToDictionary(is512 => is512, Gost.CreateDigest);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            using var stream = open();
            int read;
            while ((read = stream.Read(buffer, 0, BufferSize)) > 0)
                foreach (var digest in digests.Values) digest.BlockUpdate(buffer, 0, read);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return digests.ToDictionary(d => d.Key, d => Finish(d.Value));
    }

    private static byte[] Finish(IDigest digest)
    {
        var result = new byte[digest.GetDigestSize()];
        digest.DoFinal(result, 0);
        return result;
    }
}

/// <summary>
/// What a .sig file may hold: DER (CryptoPro -der, csptest, openssl -outform DER), PEM with the label CMS, PKCS7 or
/// "PKCS #7 SIGNED DATA" (openssl cms/smime -outform PEM), or bare base64 with or without line breaks (cryptcp's
/// default). A UTF-8 BOM before text is skipped.
/// </summary>
internal static class SignatureFileEncoding
{
    private static readonly string[] PemLabels = ["CMS", "PKCS7", "PKCS #7 SIGNED DATA"];

    public static bool TryDecode(byte[] raw, out byte[] der, out string problem)
    {
        der = [];
        problem = "";
        if (raw[0] == 0x30)
        {
            der = raw;
            return true;
        }
        var offset = raw.Length >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF ? 3 : 0;
        for (var i = offset; i < raw.Length; i++)
        {
            if (raw[i] is >= 0x80 or (< 0x20 and not (byte)'\r' and not (byte)'\n' and not (byte)'\t'))
            {
                problem = "neither DER (it does not start with a SEQUENCE) nor PEM/base64 text";
                return false;
            }
        }
        var text = Encoding.ASCII.GetString(raw, offset, raw.Length - offset);
        if (text.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            if (!PemEncoding.TryFind(text, out var fields))
            {
                problem = "the PEM block is malformed";
                return false;
            }
            var label = text[fields.Label];
            if (!PemLabels.Contains(label))
            {
                problem = $"PEM label \"{label}\" is not one of {string.Join(", ", PemLabels.Select(l => $"\"{l}\""))}";
                return false;
            }
            der = Convert.FromBase64String(text[fields.Base64Data]);
            return true;
        }
        var compact = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        try
        {
            der = Convert.FromBase64String(compact);
        }
        catch (FormatException)
        {
            problem = "neither DER nor PEM nor base64 text";
            return false;
        }
        if (der.Length == 0 || der[0] != 0x30)
        {
            problem = "base64 text that does not decode to a DER SEQUENCE";
            return false;
        }
        return true;
    }
}
