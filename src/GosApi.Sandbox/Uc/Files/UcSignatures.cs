using GosApi.Sandbox.Crypto;
using GosApi.Sandbox.Esia;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;

namespace GosApi.Sandbox.Uc.Files;

/// <summary>
/// GOST CMS checks of the УЦ files: the detached signature of the archive (fileType 9) and the attached signature
/// of the certificate request (fileType 20). Signers must be certificates of the sandbox test CA, included in the
/// CMS. Throws <see cref="CmsCheckException"/>.
/// </summary>
internal static class UcSignatures
{
    public static void VerifyDetached(TestCertificateAuthority ca, byte[] cms, byte[] content, DateTimeOffset now) =>
        VerifySigners(ca, GostCms.ParseDetached(cms), content, now);

    /// <summary>Checks an attached CMS and returns its content.</summary>
    public static byte[] VerifyAttached(TestCertificateAuthority ca, byte[] cms, DateTimeOffset now)
    {
        SignedData signed;
        try
        {
            var info = ContentInfo.GetInstance(Asn1Object.FromByteArray(cms));
            if (info is null || !CmsObjectIdentifiers.SignedData.Equals(info.ContentType))
                throw new CmsCheckException(CmsProblem.NotCms, "файл не является CMS SignedData");
            signed = SignedData.GetInstance(info.Content);
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or InvalidCastException or InvalidOperationException)
        {
            throw new CmsCheckException(CmsProblem.NotCms, "файл не является CMS SignedData: " + ex.Message);
        }
        if (signed.EncapContentInfo.Content is not Asn1OctetString octets)
            throw new CmsCheckException(CmsProblem.NotCms, "подпись отсоединённая: нужна присоединённая подпись, содержащая сам запрос на сертификат");
        var content = octets.GetOctets();
        VerifySigners(ca, signed, content, now);
        return content;
    }

    private static void VerifySigners(TestCertificateAuthority ca, SignedData signed, byte[] content, DateTimeOffset now)
    {
        var infos = GostCms.SignerInfos(signed);
        if (infos.Count == 0) throw new CmsCheckException(CmsProblem.NotCms, "в подписи нет ни одного подписанта");
        foreach (var info in infos)
        {
            var signer = GostCms.ReadSigner(signed, info, SignedAttributePolicy.Rfc5652);
            var hash = Gost.Hash(signer.Key.Is512, content);
            if (!signer.DigestMatches(hash))
                throw new CmsCheckException(CmsProblem.DigestMismatch, "messageDigest подписи не совпадает с хэшем подписанных данных: подписан другой файл");
            if (!signer.SignatureVerifies(hash))
                throw new CmsCheckException(CmsProblem.BadSignature, $"подпись не проверяется сертификатом {GostCms.Describe(signer.Certificate)}");
            signer.CheckSigningCertificate();
            GostCms.CheckTrust(ca, signer.Certificate, now, signer.Attributes?.SigningTime);
        }
    }
}
