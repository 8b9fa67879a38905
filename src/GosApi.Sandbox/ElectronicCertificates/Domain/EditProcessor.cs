using System.Text.Json;
using System.Text.Json.Nodes;
using GosApi.Sandbox.ElectronicCertificates.Json;

namespace GosApi.Sandbox.ElectronicCertificates.Domain;

/// <summary>Executes one ec-edit record: changes pid, phoneNumber and nationalPaymentInstrument of an existing, unblocked certificate.</summary>
internal sealed class EditProcessor
{
    public JsonObject Process(JsonElement record, EcAccount account, DateTimeOffset received, DateTimeOffset processed)
    {
        var violations = new List<RuleViolation>();
        var certificate = CertificateLookup.Find(record, account, violations);
        var pid = record.TryGetProperty("pid", out var p) ? p.GetString() : null;
        if (pid is not null) AssignmentRules.CheckSnils(pid, "pid", violations);
        if (certificate is not null && violations.Count == 0)
        {
            if (pid is not null) certificate.Pid = pid;
            if (record.TryGetProperty("phoneNumber", out var phone)) certificate.PhoneNumber = phone.GetString()!;
            if (record.TryGetProperty("nationalPaymentInstrument", out var card)) certificate.NationalPaymentInstrument = card.GetString()!;
        }
        return ResultRecord.Build(record.GetProperty("recordId").ReadInteger(), received, processed, violations, certificate);
    }
}
