using GosApi.Sandbox.Esia;
using GosApi.Sandbox.FnsMobileSign.Domain;

namespace GosApi.Sandbox.FnsMobileSign.Crypto;

/// <summary>Issues a consumer's certificates from the sandbox test CA, the way the service's CA would after the app's pkcs10.</summary>
internal sealed class FnsCertificateIssuer(TestCertificateAuthority ca, FnsIds ids)
{
    /// <summary>A new certificate in state request-created, with its key and PKCS#10 ready (the app made them).</summary>
    public FnsCertificate Request(FnsConsumer consumer, string type, JsonObjectLegalEntity? legalEntity, string? ogrnip)
    {
        var request = new TestCertificateRequest { CommonName = consumer.FullName.Length > 0 ? consumer.FullName : "Sandbox consumer" };
        if (legalEntity is not null)
        {
            request.Organization = legalEntity.Name;
            request.Ogrn = legalEntity.Ogrn;
            request.Inn = legalEntity.Inn;
        }
        else
        {
            request.Ogrn = ogrnip;
            request.Inn = consumer.Inn.Length == 12 ? consumer.Inn : null;
        }
        var issued = ca.Issue(request);
        return new FnsCertificate(ids.Certificate(), type)
        {
            Issued = issued,
            Request = FnsCmsSigner.CertificationRequest(issued),
            LegalEntityInn = legalEntity?.Inn,
        };
    }
}

/// <summary>The legal entity fields a certificate needs.</summary>
internal sealed record JsonObjectLegalEntity(string Inn, string? Name, string? Ogrn)
{
    public static JsonObjectLegalEntity? From(System.Text.Json.Nodes.JsonObject? block)
    {
        var inn = block?["inn"]?.ToString();
        if (string.IsNullOrEmpty(inn)) return null;
        var ogrn = block!["ogrn"]?.ToString();
        return new JsonObjectLegalEntity(inn, block["name"]?.ToString(), ogrn is { Length: 13 } ? ogrn : null);
    }
}
