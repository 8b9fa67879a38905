namespace GosApi.Sandbox.ElectronicCertificates.Domain;

/// <summary>ruleCode values of processingProtocol messages (sandbox-assigned; the seed lists none). See README.</summary>
internal static class RuleCodes
{
    public const string Snils = "101";
    public const string Inn = "102";
    public const string Period = "103";
    public const string CertificateAmount = "110";
    public const string CertificateQuantity = "111";
    public const string GoodsMaxAmount = "112";
    public const string GoodsQuantity = "113";
    public const string CertificateNotFound = "201";
    public const string FactAssignmentMismatch = "202";
    public const string CertificateBlocked = "203";
}

/// <summary>One processingProtocol entry: MessageType 1 (error).</summary>
internal sealed record RuleViolation(string RuleCode, string Message);
