using System.Text.Json.Nodes;

namespace GosApi.Sandbox.ElectronicCertificates.Domain;

/// <summary>A result record: {recordId, protocol:{receivingTime, processingTime, isProcessedSuccessfully, processingProtocol?}, factAssignmentUuid?, eCertificate?}.</summary>
internal static class ResultRecord
{
    public static JsonObject Build(long recordId, DateTimeOffset received, DateTimeOffset processed, IReadOnlyList<RuleViolation> violations, Certificate? certificate)
    {
        var protocol = new JsonObject
        {
            ["receivingTime"] = EcTime.Format(received),
            ["processingTime"] = EcTime.Format(processed),
            ["isProcessedSuccessfully"] = violations.Count == 0,
        };
        if (violations.Count > 0)
        {
            protocol["processingProtocol"] = new JsonArray(violations.Select(v => (JsonNode)new JsonObject
            {
                ["MessageType"] = 1,
                ["ruleCode"] = v.RuleCode,
                ["MessageMetadata"] = v.Message.Length <= 500 ? v.Message : v.Message[..500],
            }).ToArray());
        }
        var record = new JsonObject { ["recordId"] = recordId, ["protocol"] = protocol };
        if (violations.Count == 0 && certificate is not null)
        {
            record["factAssignmentUuid"] = certificate.FactAssignmentUuid;
            record["eCertificate"] = certificate.ToJson();
        }
        return record;
    }
}
