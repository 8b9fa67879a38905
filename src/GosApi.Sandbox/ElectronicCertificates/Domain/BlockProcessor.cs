using System.Text.Json;
using System.Text.Json.Nodes;
using GosApi.Sandbox.ElectronicCertificates.Json;

namespace GosApi.Sandbox.ElectronicCertificates.Domain;

/// <summary>Executes one ec-block record: ECSTBLKD with the status reason of the block reason (EСВR0003 → ECSR0003).</summary>
internal sealed class BlockProcessor
{
    public JsonObject Process(JsonElement record, EcAccount account, DateTimeOffset received, DateTimeOffset processed)
    {
        var violations = new List<RuleViolation>();
        var certificate = CertificateLookup.Find(record, account, violations);
        if (certificate is not null)
        {
            certificate.StatusCode = "ECSTBLKD";
            certificate.StatusReason = EcCodes.StatusReasonFor(record.GetProperty("blockReason").GetString()!);
            certificate.StatusDateTime = processed;
        }
        return ResultRecord.Build(record.GetProperty("recordId").ReadInteger(), received, processed, violations, certificate);
    }
}
