namespace GosApi.Sandbox.FnsMobileSign.Domain;

internal enum FnsWorkflowType
{
    Identification,
    CertificateIssuing,
    DocumentSigning,
    Blank,
    ExternalActivity,
    FileDecryption,
    TlsCertificateReissuing,
    CertificateReissuing,
}

/// <summary>A scenario number the sandbox knows (design notes: per-customer numbers, fixed in the sandbox).</summary>
internal sealed record FnsScenario(int Id, FnsWorkflowType Type, string Title, bool Simplified = false, bool ForLegalEntity = false);

internal static class FnsScenarios
{
    public static readonly IReadOnlyDictionary<int, FnsScenario> All = new[]
    {
        new FnsScenario(80, FnsWorkflowType.Identification, "Пройдите идентификацию"),
        new FnsScenario(84, FnsWorkflowType.CertificateIssuing, "Получите сертификат"),
        new FnsScenario(82, FnsWorkflowType.DocumentSigning, "Подпишите документы"),
        new FnsScenario(88, FnsWorkflowType.DocumentSigning, "Подпишите документы", ForLegalEntity: true),
        new FnsScenario(102, FnsWorkflowType.ExternalActivity, "WebView"),
        new FnsScenario(134, FnsWorkflowType.Blank, "Ожидайте поступления документов"),
        new FnsScenario(564, FnsWorkflowType.DocumentSigning, "Подпишите документы", Simplified: true),
        new FnsScenario(90, FnsWorkflowType.FileDecryption, "Расшифруйте документы"),
        new FnsScenario(92, FnsWorkflowType.TlsCertificateReissuing, "Перевыпустите сертификат TLS"),
        new FnsScenario(94, FnsWorkflowType.CertificateReissuing, "Перевыпустите сертификат подписи"),
    }.ToDictionary(s => s.Id);

    public const int CertificateIssuingScenario = 84;

    /// <summary>As responses spell it: hyphens.</summary>
    public static string Wire(FnsWorkflowType type) => type switch
    {
        FnsWorkflowType.Identification => "identification",
        FnsWorkflowType.CertificateIssuing => "certificate-issuing",
        FnsWorkflowType.DocumentSigning => "document-signing",
        FnsWorkflowType.Blank => "blank",
        FnsWorkflowType.ExternalActivity => "external-activity",
        FnsWorkflowType.FileDecryption => "file-decryption",
        FnsWorkflowType.TlsCertificateReissuing => "tls-certificate-reissuing",
        FnsWorkflowType.CertificateReissuing => "certificate-reissuing",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>Hyphens or underscores, as in the spec's table.</summary>
    public static FnsWorkflowType? Parse(string text)
    {
        var normalized = text.Trim().Replace('_', '-').ToLowerInvariant();
        foreach (var type in Enum.GetValues<FnsWorkflowType>())
            if (Wire(type) == normalized) return type;
        return null;
    }
}
