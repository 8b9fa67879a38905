namespace GosApi.Sandbox.ElectronicCertificates.Http;

/// <summary>An ИС ЭС error answer {"Errors":[{"code","msg"}]}; <see cref="Signed"/> false only when the caller is unknown.</summary>
internal sealed class EcError(int statusCode, string code, string message, bool signed = true) : Exception(message)
{
    public const string SchemaMismatch = "EC00201";
    public const string SystemError = "EC00200";
    public const string WrongRequestType = "EC00203";
    public const string NotFound = "EC00216";
    public const string NotAvailable = "EC00272";
    public const int MaxMessageLength = 256;

    public int StatusCode { get; } = statusCode;
    public string Code { get; } = code;
    public bool Signed { get; } = signed;

    public static EcError BadRequest(string message) => new(StatusCodes.Status400BadRequest, SchemaMismatch, message);

    public static System.Text.Json.Nodes.JsonObject Body(string code, string message) => new()
    {
        ["Errors"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
        {
            ["code"] = code,
            ["msg"] = message.Length <= MaxMessageLength ? message : message[..(MaxMessageLength - 1)] + "…",
        }),
    };

    /// <summary>The code for a status produced outside the module (faults, unhandled exceptions).</summary>
    public static string CodeFor(int statusCode) => statusCode switch
    {
        400 or 422 => SchemaMismatch,
        401 or 403 => NotAvailable,
        404 or 405 => WrongRequestType,
        _ => SystemError,
    };
}
