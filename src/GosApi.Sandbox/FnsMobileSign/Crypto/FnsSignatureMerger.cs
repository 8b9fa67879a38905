using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Asn1.X509;

namespace GosApi.Sandbox.FnsMobileSign.Crypto;

/// <summary>signatures-merge: one SignedData whose digest algorithms, certificates and signer infos are the union of the inputs'.</summary>
internal static class FnsSignatureMerger
{
    /// <exception cref="ArgumentException">An input is not a CMS SignedData, or the inputs sign different content.</exception>
    public static byte[] Merge(IReadOnlyList<byte[]> inputs)
    {
        if (inputs.Count == 0) throw new ArgumentException("нет подписей для склейки");
        var parsed = inputs.Select((der, i) => Parse(der, i)).ToList();

        var content = parsed[0].EncapContentInfo;
        byte[]? digest = null;
        DerObjectIdentifier? digestAlgorithm = null;
        var digests = new List<Asn1Encodable>();
        var certificates = new List<Asn1Encodable>();
        var signers = new List<Asn1Encodable>();
        for (var i = 0; i < parsed.Count; i++)
        {
            var signed = parsed[i];
            if (!SameContent(content, signed.EncapContentInfo))
                throw new ArgumentException($"подпись {i + 1} сделана над другим содержимым");
            foreach (var item in signed.DigestAlgorithms) AddDistinct(digests, item);
            foreach (var item in signed.Certificates ?? new DerSet()) AddDistinct(certificates, item);
            foreach (var item in signed.SignerInfos)
            {
                var info = SignerInfo.GetInstance(item);
                if (MessageDigest(info) is { } value)
                {
                    if (digest is not null && info.DigestAlgorithm.Algorithm.Equals(digestAlgorithm) && !value.AsSpan().SequenceEqual(digest))
                        throw new ArgumentException($"подпись {i + 1} сделана над другим содержимым (messageDigest не совпадает)");
                    if (digest is null) (digest, digestAlgorithm) = (value, info.DigestAlgorithm.Algorithm);
                }
                AddDistinct(signers, info);
            }
        }
        var merged = new SignedData(new DerSet(digests.ToArray()), content,
            certificates.Count == 0 ? null : new DerSet(certificates.ToArray()), null, new DerSet(signers.ToArray()));
        return new ContentInfo(CmsObjectIdentifiers.SignedData, merged).GetEncoded(Asn1Encodable.Der);
    }

    private static SignedData Parse(byte[] der, int index)
    {
        try
        {
            var info = ContentInfo.GetInstance(Asn1Object.FromByteArray(der));
            if (info is null || !CmsObjectIdentifiers.SignedData.Equals(info.ContentType))
                throw new ArgumentException($"подпись {index + 1} не является CMS SignedData");
            return SignedData.GetInstance(info.Content);
        }
        catch (Exception ex) when (ex is IOException or InvalidCastException or InvalidOperationException or ArgumentNullException
                                   || (ex is ArgumentException && ex.Message.StartsWith("подпись", StringComparison.Ordinal) is false))
        {
            throw new ArgumentException($"подпись {index + 1} не является CMS SignedData");
        }
    }

    private static bool SameContent(ContentInfo a, ContentInfo b)
    {
        if (!a.ContentType.Equals(b.ContentType)) return false;
        if (a.Content is null || b.Content is null) return true; // detached: compared through messageDigest
        return a.Content.ToAsn1Object().Equals(b.Content.ToAsn1Object());
    }

    private static byte[]? MessageDigest(SignerInfo info)
    {
        if (info.SignedAttrs is null) return null;
        var attribute = new Org.BouncyCastle.Asn1.Cms.AttributeTable(info.SignedAttrs)[CmsAttributes.MessageDigest];
        return attribute is null ? null : Asn1OctetString.GetInstance(attribute.AttrValues[0]).GetOctets();
    }

    private static void AddDistinct(List<Asn1Encodable> list, Asn1Encodable item)
    {
        var der = item.GetEncoded(Asn1Encodable.Der);
        if (!list.Any(x => x.GetEncoded(Asn1Encodable.Der).AsSpan().SequenceEqual(der))) list.Add(item);
    }
}
