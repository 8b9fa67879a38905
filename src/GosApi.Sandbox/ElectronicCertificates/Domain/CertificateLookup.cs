using System.Text.Json;

namespace GosApi.Sandbox.ElectronicCertificates.Domain;

/// <summary>Finds the certificate an ec-edit/ec-block record names: it must be the client's, match factAssignmentUuid and not be blocked.</summary>
internal static class CertificateLookup
{
    public static Certificate? Find(JsonElement record, EcAccount account, List<RuleViolation> violations)
    {
        var number = record.GetProperty("certificateNumber").GetString()!;
        var uuid = record.GetProperty("factAssignmentUuid").GetString()!;
        if (!account.Certificates.TryGetValue(number, out var certificate))
        {
            violations.Add(new(RuleCodes.CertificateNotFound, $"certificateNumber {number}: no such certificate"));
            return null;
        }
        if (!string.Equals(certificate.FactAssignmentUuid, uuid, StringComparison.OrdinalIgnoreCase))
        {
            violations.Add(new(RuleCodes.FactAssignmentMismatch, $"factAssignmentUuid {uuid} is not the assignment of certificate {number}"));
            return null;
        }
        if (certificate.IsBlocked)
        {
            violations.Add(new(RuleCodes.CertificateBlocked, $"certificate {number} is blocked"));
            return null;
        }
        return certificate;
    }
}
