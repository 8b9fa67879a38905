using System.Text.RegularExpressions;
using GosApi.Sandbox.ElectronicCertificates.Domain;

namespace GosApi.Sandbox.ElectronicCertificates.Schema;

/// <summary>
/// The request schemas of seed 002 (OpenAPI 1.2.1-У, components/schemas). Patterns are anchored; where the seed's
/// pattern cannot be meant literally the reading is noted (see README, "Schema readings").
/// </summary>
internal static class EcSchemas
{
    private static StringSchema Digits(int length, string? what = null) => new()
    {
        MinLength = length, MaxLength = length,
        Pattern = new Regex($"^[0-9]{{{length}}}\\z", RegexOptions.CultureInvariant),
        PatternText = what ?? $"{length} digits",
    };

    public static readonly StringSchema Uuid = new()
    {
        MaxLength = 36,
        Pattern = new Regex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[34][0-9a-fA-F]{3}-[89ab][0-9a-fA-F]{3}-[0-9a-fA-F]{12}\\z", RegexOptions.CultureInvariant),
        PatternText = "a UUID (version 3 or 4, variant 8, 9, a or b)",
    };

    public static readonly StringSchema CertificateNumber = Digits(25);

    private static readonly StringSchema IsoDateTime = new()
    {
        Format = text => EcTime.TryParseDateTime(text, out _),
        FormatText = "an ISO 8601 date-time with seconds and offset, e.g. 2021-04-05T10:43:07+00:00",
    };

    private static readonly StringSchema Snils = Digits(11);
    private static readonly StringSchema Phone = Digits(10);

    /// <summary>Seed: 16..19 characters, pattern '^(\d{4}…{4}) | (\d{4}…{5})$' (spaces and a 20-digit branch that maxLength forbids): read as 16 to 19 digits.</summary>
    private static readonly StringSchema NationalPaymentInstrument = new()
    {
        MinLength = 16, MaxLength = 19,
        Pattern = new Regex("^[0-9]{16,19}\\z", RegexOptions.CultureInvariant),
        PatternText = "16 to 19 digits",
    };

    private static StringSchema Alphanumeric(int length) => new()
    {
        MinLength = length, MaxLength = length,
        Pattern = new Regex($"^[a-zA-Z\u0430-\u044F\u0410-\u042F0-9]{{{length}}}\\z", RegexOptions.CultureInvariant),
        PatternText = $"{length} Latin or Cyrillic letters or digits",
    };

    private static readonly ObjectSchema Organization = new(
    [
        ("rid", Alphanumeric(8)),
        ("fullname", new StringSchema { MaxLength = 2000 }),
        ("account", Alphanumeric(11)),
        ("INN", Digits(10)),
        ("KPP", Digits(9)),
    ], ["rid", "fullname", "account", "INN", "KPP"]);

    /// <summary>goodsWorkService has no additionalProperties: false in the seed, so other members are allowed (and ignored).</summary>
    private static readonly ObjectSchema Good = new(
    [
        ("code", new StringSchema { MinLength = 15, MaxLength = 30 }),
        ("name", new StringSchema { MaxLength = 1000 }),
        ("maxAmount", new IntegerSchema(0, 999_999_999_999)),
        ("quantity", new IntegerSchema(0, 99_999_999)),
    ], ["code", "name"], additionalProperties: true);

    private static readonly ObjectSchema Assignment = new(
    [
        ("pid", Snils),
        ("phoneNumber", Phone),
        ("organization", Organization),
        ("mspCode", Digits(4)),
        ("lmspCode", new StringSchema { MinLength = 20, MaxLength = 20 }),
        ("budgetaryClassificationCode", Digits(20)),
        ("startDate", IsoDateTime),
        ("endDate", IsoDateTime),
        ("nationalPaymentInstrument", NationalPaymentInstrument),
        ("certificateType", new StringSchema { Enum = EcCodes.CertificateTypes }),
        ("program", new StringSchema { Enum = EcCodes.Programs }),
        ("certificateAmount", new IntegerSchema(1, 999_999_999_999)),
        ("certificateQuantity", new IntegerSchema(0, 99_999_999)),
        ("goodsWorksServices", new ArraySchema(Good, minItems: 1)),
    ], ["pid", "phoneNumber", "organization", "mspCode", "budgetaryClassificationCode", "startDate", "endDate",
        "nationalPaymentInstrument", "certificateType", "program", "goodsWorksServices"]);

    private static readonly IntegerSchema RecordId = new(1, 100);

    /// <summary>ecCreateCertificatesRequest: 1..100 rows {recordId, assignment}.</summary>
    public static readonly SchemaNode Create = new ArraySchema(new ObjectSchema(
        [("recordId", RecordId), ("assignment", Assignment)], ["recordId", "assignment"]), 1, 100, "recordId");

    /// <summary>ecEditRequest: 1..100 eCertificatesEditRequestRecord.</summary>
    public static readonly SchemaNode Edit = new ArraySchema(new ObjectSchema(
    [
        ("recordId", RecordId),
        ("factAssignmentUuid", Uuid),
        ("certificateNumber", CertificateNumber),
        ("pid", Snils),
        ("phoneNumber", Phone),
        ("nationalPaymentInstrument", NationalPaymentInstrument),
    ], ["recordId", "factAssignmentUuid", "certificateNumber"]), 1, 100, "recordId");

    /// <summary>ecBlockRequest: 1..100 eCertificatesBlockRequestRecord.</summary>
    public static readonly SchemaNode Block = new ArraySchema(new ObjectSchema(
    [
        ("recordId", RecordId),
        ("factAssignmentUuid", Uuid),
        ("certificateNumber", CertificateNumber),
        ("blockReason", new StringSchema { Enum = EcCodes.BlockReasons }),
    ], ["recordId", "factAssignmentUuid", "certificateNumber", "blockReason"]), 1, 100, "recordId");

    /// <summary>ec_tasks_status_Request_schema.</summary>
    public static readonly SchemaNode TasksStatus = new ObjectSchema(
    [
        ("Request_Types", new ArraySchema(new StringSchema { Enum = EcCodes.RequestTypes }, minItems: 1)),
        ("Task_Quantity", new IntegerSchema(1, 100)),
    ], ["Request_Types", "Task_Quantity"]);

    /// <summary>ec_result_Request_schema.</summary>
    public static readonly SchemaNode TasksResults = new ObjectSchema(
    [
        ("eCertificateRequest_TaskResult", new ArraySchema(new ObjectSchema([("taskId", Uuid)], ["taskId"]), 1, 100)),
    ], ["eCertificateRequest_TaskResult"]);
}
