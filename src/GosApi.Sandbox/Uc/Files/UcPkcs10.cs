using GosApi.Sandbox.Esia;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;

namespace GosApi.Sandbox.Uc.Files;

/// <summary>A PKCS#10 request (fileType 0): GOST R 34.10-2012 key, valid self-signature, extensions.</summary>
internal sealed class UcPkcs10
{
    /// <summary>«Тип идентификации при выдаче сертификата» (seed 004, 3.2.3).</summary>
    public static readonly DerObjectIdentifier IdentificationKindOid = new("1.2.643.100.114");

    private UcPkcs10(CertificationRequest request, GostPublicKey key)
    {
        Request = request;
        Key = key;
    }

    public CertificationRequest Request { get; }
    public CertificationRequestInfo Info => Request.GetCertificationRequestInfo();
    public GostPublicKey Key { get; }

    /// <summary>Parses and verifies; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static UcPkcs10 Parse(byte[] der)
    {
        CertificationRequest request;
        try { request = CertificationRequest.GetInstance(Asn1Object.FromByteArray(der)); }
        catch (Exception ex) when (ex is IOException or ArgumentException or InvalidCastException or InvalidOperationException)
        {
            throw new FormatException("файл не является запросом на сертификат PKCS#10 (DER или PEM): " + ex.Message);
        }
        if (request is null) throw new FormatException("файл не является запросом на сертификат PKCS#10");
        GostPublicKey key;
        try { key = Gost.DecodePublicKey(request.GetCertificationRequestInfo().SubjectPublicKeyInfo); }
        catch (GostFormatException ex) { throw new FormatException("ключ запроса на сертификат не ГОСТ Р 34.10-2012: " + ex.Message); }
        var algorithm = request.SignatureAlgorithm.Algorithm;
        var expected = key.Is512 ? new[] { Gost.SignatureAlgorithm512, Gost.KeyAlgorithm512 } : [Gost.SignatureAlgorithm256, Gost.KeyAlgorithm256];
        if (!expected.Any(algorithm.Equals))
            throw new FormatException($"алгоритм подписи запроса {algorithm} не ГОСТ Р 34.10-2012 {(key.Is512 ? 512 : 256)} бит ({expected[0]})");
        if (!Gost.Verify(key, request.GetCertificationRequestInfo().GetEncoded(Asn1Encodable.Der), request.Signature.GetOctets()))
            throw new FormatException("подпись запроса на сертификат не проверяется его открытым ключом");
        return new UcPkcs10(request, key);
    }

    /// <summary>The request asks for extension <paramref name="oid"/> (PKCS#9 extensionRequest).</summary>
    public bool HasExtension(DerObjectIdentifier oid)
    {
        foreach (var item in Info.Attributes ?? new DerSet())
        {
            var attribute = AttributePkcs.GetInstance(item);
            if (!attribute.AttrType.Equals(PkcsObjectIdentifiers.Pkcs9AtExtensionRequest)) continue;
            foreach (var value in attribute.AttrValues)
                if (X509Extensions.GetInstance(value).GetExtension(oid) is not null) return true;
        }
        return false;
    }
}
