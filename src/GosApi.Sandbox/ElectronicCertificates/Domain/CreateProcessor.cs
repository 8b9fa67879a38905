using System.Text.Json;
using System.Text.Json.Nodes;
using GosApi.Sandbox.ElectronicCertificates.Json;

namespace GosApi.Sandbox.ElectronicCertificates.Domain;

/// <summary>Executes one ec-create record: the business rules, then a new active certificate.</summary>
internal sealed class CreateProcessor(CertificateNumbers numbers)
{
    public JsonObject Process(JsonElement record, EcAccount account, DateTimeOffset received, DateTimeOffset processed)
    {
        var recordId = record.GetProperty("recordId").ReadInteger();
        var assignment = record.GetProperty("assignment");
        var violations = AssignmentRules.Check(assignment);
        Certificate? certificate = null;
        if (violations.Count == 0)
        {
            certificate = Issue(assignment, processed);
            account.Certificates[certificate.Number] = certificate;
        }
        return ResultRecord.Build(recordId, received, processed, violations, certificate);
    }

    private Certificate Issue(JsonElement assignment, DateTimeOffset processed)
    {
        var type = assignment.GetProperty("certificateType").GetString()!;
        long? amount = assignment.TryGetProperty("certificateAmount", out var a) ? a.ReadInteger() : null;
        long? quantity = assignment.TryGetProperty("certificateQuantity", out var q) ? q.ReadInteger() : null;
        var goods = assignment.GetProperty("goodsWorksServices").EnumerateArray().Select(g => NewGood(g, type)).ToList();
        return new Certificate
        {
            Number = numbers.NextCertificate(processed),
            FactAssignmentUuid = Guid.NewGuid().ToString(),
            CertificateType = type,
            Program = assignment.GetProperty("program").GetString()!,
            StartDate = EcTime.DateOf(assignment.GetProperty("startDate").GetString()!),
            EndDate = EcTime.DateOf(assignment.GetProperty("endDate").GetString()!),
            Amount = amount,
            Quantity = quantity,
            Goods = goods,
            ActualAmount = type == EcCodes.Type1 ? null : amount,
            ActualQuantity = type == EcCodes.Type3 ? quantity : null,
            StatusDateTime = processed,
            Pid = assignment.GetProperty("pid").GetString()!,
            PhoneNumber = assignment.GetProperty("phoneNumber").GetString()!,
            NationalPaymentInstrument = assignment.GetProperty("nationalPaymentInstrument").GetString()!,
        };
    }

    /// <summary>Balances per the seed: actualAmount = maxAmount × quantity for ЕСТР0001 only; actualQuantity for ЕСТР0001 and ЕСТР0004.</summary>
    private static CertificateGood NewGood(JsonElement good, string type)
    {
        long? maxAmount = good.TryGetProperty("maxAmount", out var m) ? m.ReadInteger() : null;
        long? quantity = good.TryGetProperty("quantity", out var q) ? q.ReadInteger() : null;
        return new CertificateGood
        {
            Code = good.GetProperty("code").GetString()!,
            Name = good.GetProperty("name").GetString()!,
            MaxAmount = maxAmount,
            Quantity = quantity,
            ActualAmount = type == EcCodes.Type1 ? maxAmount * quantity : null,
            ActualQuantity = type is EcCodes.Type1 or EcCodes.Type4 ? quantity : null,
        };
    }
}
