using System.Text.Json;

namespace GosApi.Sandbox.ElectronicCertificates.Domain;

/// <summary>
/// The business rules of an ec-create assignment, checked when the task runs (the schema was checked on arrival):
/// СНИЛС and ИНН check digits, endDate after startDate, and which amounts and quantities the certificate type needs.
/// </summary>
internal static class AssignmentRules
{
    public static List<RuleViolation> Check(JsonElement assignment)
    {
        var violations = new List<RuleViolation>();
        CheckSnils(assignment.GetProperty("pid").GetString()!, "assignment.pid", violations);

        var inn = assignment.GetProperty("organization").GetProperty("INN").GetString()!;
        if (!Checksums.InnLegalEntityValid(inn))
            violations.Add(new(RuleCodes.Inn, $"assignment.organization.INN {inn}: wrong check digit, expected {Checksums.InnLegalEntityExpected(inn)}"));

        EcTime.TryParseDateTime(assignment.GetProperty("startDate").GetString()!, out var start);
        EcTime.TryParseDateTime(assignment.GetProperty("endDate").GetString()!, out var end);
        if (end <= start) violations.Add(new(RuleCodes.Period, "assignment.endDate must be after assignment.startDate"));

        CheckType(assignment, violations);
        return violations;
    }

    public static void CheckSnils(string snils, string path, List<RuleViolation> violations)
    {
        if (!Checksums.SnilsValid(snils))
            violations.Add(new(RuleCodes.Snils, $"{path} {snils}: wrong check number, expected {Checksums.SnilsExpected(snils):00}"));
    }

    private static void CheckType(JsonElement assignment, List<RuleViolation> violations)
    {
        var type = assignment.GetProperty("certificateType").GetString()!;
        var (amount, quantity, maxAmount, goodsQuantity) = Needs(type);
        Require(assignment.TryGetProperty("certificateAmount", out _), amount, type, "assignment.certificateAmount", RuleCodes.CertificateAmount, violations);
        Require(assignment.TryGetProperty("certificateQuantity", out _), quantity, type, "assignment.certificateQuantity", RuleCodes.CertificateQuantity, violations);
        var index = 0;
        foreach (var good in assignment.GetProperty("goodsWorksServices").EnumerateArray())
        {
            var path = $"assignment.goodsWorksServices[{index++}]";
            Require(good.TryGetProperty("maxAmount", out _), maxAmount, type, path + ".maxAmount", RuleCodes.GoodsMaxAmount, violations);
            Require(good.TryGetProperty("quantity", out _), goodsQuantity, type, path + ".quantity", RuleCodes.GoodsQuantity, violations);
        }
    }

    /// <summary>Which of certificateAmount, certificateQuantity, goods' maxAmount and goods' quantity the type needs (the others it forbids).</summary>
    public static (bool Amount, bool Quantity, bool MaxAmount, bool GoodsQuantity) Needs(string type) => type switch
    {
        EcCodes.Type1 => (false, false, true, true),
        EcCodes.Type2 => (true, false, false, false),
        EcCodes.Type3 => (true, true, true, false),
        _ => (true, false, false, true), // Type4
    };

    private static void Require(bool present, bool needed, string type, string path, string rule, List<RuleViolation> violations)
    {
        if (present && !needed) violations.Add(new(rule, $"{path} must not be given for certificate type {type}"));
        else if (!present && needed) violations.Add(new(rule, $"{path} is required for certificate type {type}"));
    }
}
