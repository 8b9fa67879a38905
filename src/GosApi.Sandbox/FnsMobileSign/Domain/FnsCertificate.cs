using GosApi.Sandbox.Esia;

namespace GosApi.Sandbox.FnsMobileSign.Domain;

/// <summary>A consumer's certificate: "auth" (the app's TLS certificate) or "sign" (КЭП), issued by the sandbox test CA.</summary>
internal sealed class FnsCertificate(long id, string type)
{
    public long Id { get; } = id;
    public string Type { get; } = type;

    /// <summary>request-created or issued (or revoked).</summary>
    public string State { get; set; } = "request-created";
    public bool IsConfirmed { get; set; }
    public bool IsReceived { get; set; } = true;

    /// <summary>The certificate and key from the test CA, once issued.</summary>
    public TestCertificate? Issued { get; set; }

    /// <summary>DER PKCS#10 the "app" sent.</summary>
    public byte[]? Request { get; set; }

    /// <summary>For a legal entity's signature: its ИНН (10 digits); null for a natural person or entrepreneur.</summary>
    public string? LegalEntityInn { get; set; }

    /// <summary>A certificate the partner uploaded (PUT workflow/{id}/certificate), DER.</summary>
    public byte[]? Uploaded { get; set; }
}
