using System.Text;
using GosApi.Sandbox.Crypto;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;

namespace GosApi.Sandbox.Esia;

/// <summary>
/// Checks the signature of GET …/ext-app/{apiKey}/tkn: a detached CMS SignedData (CAdES-BES as CryptoPro and
/// openssl -cades make it) over the UTF-8 bytes of the API key, made with a GOST R 34.10-2012 certificate of the
/// sandbox's test CA. Every failure is an <see cref="Infrastructure.ApiException"/> with its own ESIA code
/// (<see cref="EsiaErrors"/>); checks run in a fixed order so that one defect gives one answer. The CMS checks
/// themselves are <see cref="GostCms"/>'s, shared with the EPGU archive signature check.
/// </summary>
internal sealed class ApiKeySignatureVerifier(TestCertificateAuthority ca, SandboxOptions options, TimeProvider time)
{
    /// <summary>Returns the signer's certificate when everything holds; throws the ESIA error of the first check that fails.</summary>
    public BcCertificate Verify(string apiKey, string? signature)
    {
        if (string.IsNullOrEmpty(signature))
            throw EsiaErrors.BadRequest(EsiaErrors.MissingParameter, "the request does not contain the mandatory parameter [signature]");
        var der = DecodeBase64Url(signature);
        try
        {
            return VerifyCms(apiKey, der);
        }
        catch (CmsCheckException ex)
        {
            throw ex.Problem switch
            {
                CmsProblem.NotCms => EsiaErrors.BadRequest(EsiaErrors.NotCms, "signature: " + ex.Message),
                CmsProblem.SignedAttributes => EsiaErrors.BadRequest(EsiaErrors.SignedAttributes, ex.Message),
                CmsProblem.UnsupportedAlgorithm => EsiaErrors.BadRequest(EsiaErrors.UnsupportedAlgorithm, ex.Message),
                CmsProblem.DigestMismatch => EsiaErrors.Unauthorized(EsiaErrors.DigestMismatch, ex.Message),
                CmsProblem.BadSignature => EsiaErrors.Unauthorized(EsiaErrors.BadSignature, ex.Message),
                CmsProblem.SigningCertificateMismatch => EsiaErrors.Unauthorized(EsiaErrors.SigningCertificateMismatch, ex.Message),
                CmsProblem.UntrustedCertificate => EsiaErrors.Unauthorized(EsiaErrors.UntrustedCertificate, ex.Message),
                CmsProblem.CertificateNotValid => EsiaErrors.Unauthorized(EsiaErrors.CertificateNotValidNow, ex.Message),
                _ => new InvalidOperationException("unmapped CMS problem " + ex.Problem, ex),
            };
        }
        catch (Exception ex) when (ex is not (Infrastructure.ApiException or OutOfMemoryException or OperationCanceledException))
        {
            // A structure BouncyCastle chokes on in a way the checks do not foresee: a 400, not a 500.
            throw EsiaErrors.BadRequest(EsiaErrors.NotCms, $"signature: malformed CMS ({ex.GetType().Name}: {ex.Message})");
        }
    }

    private BcCertificate VerifyCms(string apiKey, byte[] der)
    {
        var signed = GostCms.ParseDetached(der);
        var signers = GostCms.SignerInfos(signed);
        if (signers.Count != 1)
            throw new CmsCheckException(CmsProblem.NotCms, $"the CMS has {signers.Count} signers; exactly one is required");
        var signer = GostCms.ReadSigner(signed, signers[0], SignedAttributePolicy.CadesBes);

        // What was signed: the key string itself.
        var expected = Gost.Hash(signer.Key.Is512, Encoding.UTF8.GetBytes(apiKey));
        if (!signer.DigestMatches(expected))
            throw new CmsCheckException(CmsProblem.DigestMismatch,
                "messageDigest is not the GOST R 34.11-2012 hash of the API key in the path: the CMS signs other data (sign the UTF-8 bytes of the key string, nothing else)");

        // The signature over the DER SET OF signed attributes (RFC 5652 §5.4).
        if (!signer.SignatureVerifies(expected))
            throw new CmsCheckException(CmsProblem.BadSignature, "the signature does not verify with the signer's certificate");

        signer.CheckSigningCertificate();
        var now = time.GetUtcNow();
        GostCms.CheckTrust(ca, signer.Certificate, now, signingTime: null);

        var signingTime = signer.Attributes!.SigningTime!.Value;
        var skew = signingTime - now;
        if (skew.Duration() > options.EsiaSigningTimeTolerance)
            throw EsiaErrors.Unauthorized(EsiaErrors.StaleSigningTime,
                $"signingTime {signingTime:yyyy-MM-ddTHH:mm:ssZ} is {Math.Abs(skew.TotalSeconds):0} s {(skew < TimeSpan.Zero ? "before" : "after")} the server time {now:yyyy-MM-ddTHH:mm:ssZ}; " +
                $"at most {options.EsiaSigningTimeTolerance.TotalSeconds:0} s allowed: sign anew for every token request");
        return signer.Certificate;
    }

    /// <summary>
    /// base64url as java.util.Base64.getUrlDecoder() reads it (ESIA is a Java service): the URL-safe alphabet only,
    /// trailing '=' padding tolerated but not required. '+' and '/' of standard base64 are rejected ('+' reaches the
    /// server as a space when it is not percent-encoded).
    /// </summary>
    internal static byte[] DecodeBase64Url(string value)
    {
        var end = value.Length;
        var padding = 0;
        while (end > 0 && value[end - 1] == '=' && padding < 2) { end--; padding++; }
        for (var i = 0; i < end; i++)
        {
            var c = value[i];
            if (c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_') continue;
            var hint = c switch
            {
                '+' or '/' or ' ' => " (standard base64 alphabet? use base64url: '-' for '+', '_' for '/', no '=')",
                '=' => " (padding only at the end, at most two '=')",
                _ => "",
            };
            throw EsiaErrors.BadRequest(EsiaErrors.BadParameter, $"parameter [signature] is not base64url: illegal character '{c}' at position {i}{hint}");
        }
        if (end % 4 == 1 || (padding > 0 && (end + padding) % 4 != 0))
            throw EsiaErrors.BadRequest(EsiaErrors.BadParameter, "parameter [signature] is not base64url: wrong length");
        var text = value[..end].Replace('-', '+').Replace('_', '/');
        text = text.PadRight(text.Length + (4 - text.Length % 4) % 4, '=');
        return Convert.FromBase64String(text);
    }

    internal static string Describe(BcCertificate certificate) => GostCms.Describe(certificate);
}
