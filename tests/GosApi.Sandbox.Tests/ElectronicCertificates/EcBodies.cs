using System.Text.Json.Nodes;

namespace GosApi.Sandbox.Tests.ElectronicCertificates;

/// <summary>Request bodies with valid data (СНИЛС 112-233-445 95, ИНН 7707083893) unless a test spoils them.</summary>
internal static class EcBodies
{
    // The seed's exact characters: certificate types and programs all Cyrillic; block reasons Latin E, Cyrillic С В, Latin R.
    public const string Type1 = "\u0415\u0421\u0422\u04200001";
    public const string Type2 = "\u0415\u0421\u0422\u04200002";
    public const string Type3 = "\u0415\u0421\u0422\u04200003";
    public const string Type4 = "\u0415\u0421\u0422\u04200004";
    public const string ProgramTsr = "\u0415\u0421\u0420\u0420\u0410\u0421\u0421\u0422";
    public const string Block0001 = "E\u0421\u0412R0001";
    public const string Block9010 = "E\u0421\u0412R9010";

    public static JsonObject Good(long? maxAmount = 1_500_000, long? quantity = 2, string code = "30.92.20.000-00001")
    {
        var good = new JsonObject { ["code"] = code, ["name"] = "Кресло-коляска с ручным приводом" };
        if (maxAmount is not null) good["maxAmount"] = maxAmount;
        if (quantity is not null) good["quantity"] = quantity;
        return good;
    }

    public static JsonObject Assignment(string type = Type1, long? amount = null, long? quantity = null, params JsonObject[] goods)
    {
        var assignment = new JsonObject
        {
            ["pid"] = "11223344595",
            ["phoneNumber"] = "9104560011",
            ["organization"] = new JsonObject
            {
                ["rid"] = "0100А001",
                ["fullname"] = "ГКУ «Центр социальной поддержки населения»",
                ["account"] = "03951000012",
                ["INN"] = "7707083893",
                ["KPP"] = "773601001",
            },
            ["mspCode"] = "0001",
            ["budgetaryClassificationCode"] = "12345678901234567890",
            ["startDate"] = "2025-01-01T00:00:00+03:00",
            ["endDate"] = "2025-12-31T23:59:59+03:00",
            ["nationalPaymentInstrument"] = "2200123456789012",
            ["certificateType"] = type,
            ["program"] = ProgramTsr,
            ["goodsWorksServices"] = new JsonArray((goods.Length == 0 ? [Good()] : goods).Select(g => (JsonNode)g).ToArray()),
        };
        if (amount is not null) assignment["certificateAmount"] = amount;
        if (quantity is not null) assignment["certificateQuantity"] = quantity;
        return assignment;
    }

    public static JsonArray Create(params JsonObject[] assignments) =>
        new(assignments.Select((a, i) => (JsonNode)new JsonObject { ["recordId"] = i + 1, ["assignment"] = a }).ToArray());

    public static JsonArray Edit(string number, string uuid, string? pid = null, string? phone = null, string? card = null, int recordId = 1)
    {
        var record = new JsonObject { ["recordId"] = recordId, ["factAssignmentUuid"] = uuid, ["certificateNumber"] = number };
        if (pid is not null) record["pid"] = pid;
        if (phone is not null) record["phoneNumber"] = phone;
        if (card is not null) record["nationalPaymentInstrument"] = card;
        return new JsonArray(record);
    }

    public static JsonArray Block(string number, string uuid, string reason = Block0001) =>
        new(new JsonObject { ["recordId"] = 1, ["factAssignmentUuid"] = uuid, ["certificateNumber"] = number, ["blockReason"] = reason });
}
