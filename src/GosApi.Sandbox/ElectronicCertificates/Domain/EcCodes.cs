namespace GosApi.Sandbox.ElectronicCertificates.Domain;

/// <summary>Codes of the seed's dictionaries, with their exact characters (Cyrillic where the seed has Cyrillic).</summary>
internal static class EcCodes
{
    // certificateTypeCode: all Cyrillic (Е С Т Р).
    public const string Type1 = "\u0415\u0421\u0422\u04200001";
    public const string Type2 = "\u0415\u0421\u0422\u04200002";
    public const string Type3 = "\u0415\u0421\u0422\u04200003";
    public const string Type4 = "\u0415\u0421\u0422\u04200004";
    public static readonly string[] CertificateTypes = [Type1, Type2, Type3, Type4];

    // programCode: all Cyrillic (ЕСРРАССТ, ЕСРРАССС).
    public static readonly string[] Programs = ["\u0415\u0421\u0420\u0420\u0410\u0421\u0421\u0422", "\u0415\u0421\u0420\u0420\u0410\u0421\u0421\u0421"];

    // blockReason: Latin E, Cyrillic С (U+0421), Cyrillic В (U+0412), Latin R.
    public const string BlockReasonPrefix = "E\u0421\u0412R";
    public static readonly string[] BlockReasons =
        new[] { "0001", "0002", "0003", "0004", "0005", "9010", "9011" }.Select(n => BlockReasonPrefix + n).ToArray();

    public static readonly string[] RequestTypes =
        ["ec_create", "ec_status", "ec_edit", "ec_block", "ec_register_extract", "ec_condition_notice", "ec_tasks_status", "ec_tasks_result", "ec_undef"];

    /// <summary>EСВR0003 → ECSR0003 (the status reason of the same number).</summary>
    public static string StatusReasonFor(string blockReason) => "ECSR" + blockReason[4..];
}
