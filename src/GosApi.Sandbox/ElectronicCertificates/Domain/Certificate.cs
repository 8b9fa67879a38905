using System.Text.Json.Nodes;

namespace GosApi.Sandbox.ElectronicCertificates.Domain;

/// <summary>One issued electronic certificate and its balances; <see cref="ToJson"/> gives the seed's eCertificate.</summary>
internal sealed class Certificate
{
    public required string Number { get; init; }
    public required string FactAssignmentUuid { get; init; }
    public required string CertificateType { get; init; }
    public required string Program { get; init; }
    public required string StartDate { get; init; }
    public required string EndDate { get; init; }
    public long? Amount { get; init; }
    public long? Quantity { get; init; }
    public required List<CertificateGood> Goods { get; init; }

    public long? ActualAmount { get; set; }
    public long? ActualQuantity { get; set; }
    public string UsageStatus { get; set; } = "ECUSNONE";
    public string StatusCode { get; set; } = "ECSTACTV";
    public string StatusReason { get; set; } = "ECSR9999";
    public DateTimeOffset StatusDateTime { get; set; }

    // Kept from the assignment and changed by ec-edit; the seed's eCertificate has no place for them.
    public required string Pid { get; set; }
    public required string PhoneNumber { get; set; }
    public required string NationalPaymentInstrument { get; set; }

    public List<JsonObject> Transactions { get; } = [];

    public bool IsBlocked => StatusCode == "ECSTBLKD";

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["factAssignmentUuid"] = FactAssignmentUuid,
            ["certificateNumber"] = Number,
            ["startDate"] = StartDate,
            ["endDate"] = EndDate,
            ["program"] = Program,
        };
        if (Amount is not null) json["certificateAmount"] = Amount;
        if (Quantity is not null) json["certificateQuantity"] = Quantity;
        json["goodsWorksServices"] = new JsonArray(Goods.Select(g => (JsonNode)g.ToJson()).ToArray());
        json["usageStatus"] = UsageStatus;
        json["currentStatus"] = new JsonObject
        {
            ["statusCode"] = StatusCode,
            ["statusReason"] = StatusReason,
            ["statusDateTime"] = EcTime.Format(StatusDateTime),
        };
        // The seed's minimum for both remainders is 1: a used-up remainder is left out.
        if (ActualAmount is > 0) json["certificateActualAmount"] = ActualAmount;
        if (ActualQuantity is > 0) json["certificateActualQuantity"] = ActualQuantity;
        if (Transactions.Count > 0) json["usageTransactions"] = new JsonArray(Transactions.Select(t => (JsonNode)t.DeepClone()).ToArray());
        json["eCertificateBalance"] = new JsonArray(Goods.Select(g => (JsonNode)g.BalanceJson()).ToArray());
        return json;
    }
}

/// <summary>A good, work or service of a certificate with its remainders (eCertificateBalance).</summary>
internal sealed class CertificateGood
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public long? MaxAmount { get; init; }
    public long? Quantity { get; init; }
    public long? ActualAmount { get; set; }
    public long? ActualQuantity { get; set; }

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["code"] = Code, ["name"] = Name };
        if (MaxAmount is not null) json["maxAmount"] = MaxAmount;
        if (Quantity is not null) json["quantity"] = Quantity;
        return json;
    }

    public JsonObject BalanceJson()
    {
        var json = new JsonObject { ["code"] = Code };
        if (ActualAmount is not null) json["actualAmount"] = ActualAmount;
        if (ActualQuantity is not null) json["actualQuantity"] = ActualQuantity;
        return json;
    }
}
