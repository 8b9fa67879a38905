using GosApi.Sandbox.Infrastructure;

namespace GosApi.Sandbox.Esia;

/// <summary>
/// Errors of GET /esia-rs/api/public/v1/orgs/ext-app/{apiKey}/tkn as ESIA REST answers them: a JSON body
/// {"code":"ESIA-NNNNNN","message":"…"} (seen from esia-rs, e.g. 401 {"code":"ESIA-005013","message":"SecurityErrorEnum.expiredToken"}).
/// Codes whose published meaning fits (ESIA-007002/007003/007014/007015/007053/008010, Методические рекомендации
/// по использованию ЕСИА) are used as published; ESIA does not publish codes for the remaining signature checks,
/// so those are sandbox-assigned in the ESIA-0990xx range. HTTP status: 400 for a malformed request or signature
/// container, 401 when the caller cannot be authenticated (unknown key, signature or certificate not acceptable),
/// 403 when a valid signer's certificate belongs to another organisation.
/// </summary>
internal static class EsiaErrors
{
    /// <summary>Query parameter signature is missing or empty (real: "Запрос не содержит обязательного параметра").</summary>
    public const string MissingParameter = "ESIA-007014";
    /// <summary>signature is not base64url (real: "неверное значение параметра").</summary>
    public const string BadParameter = "ESIA-007003";
    /// <summary>The API key is not registered (real: "Не удалось произвести аутентификацию системы-клиента").</summary>
    public const string UnknownApiKey = "ESIA-008010";
    /// <summary>The signature does not verify with the signer's certificate (real: "client_secret сформирован некорректно…").</summary>
    public const string BadSignature = "ESIA-007053";
    /// <summary>signingTime too far from the server's time (real: "Неверное время запроса").</summary>
    public const string StaleSigningTime = "ESIA-007015";
    /// <summary>The signer's certificate does not carry the organisation's OGRN (real: "Несоответствие сертификата и мнемоники ИС…").</summary>
    public const string CertificateOfAnotherOrganisation = "ESIA-007002";

    /// <summary>Sandbox-assigned: not a detached CMS SignedData with one signer and its certificate.</summary>
    public const string NotCms = "ESIA-099001";
    /// <summary>Sandbox-assigned: a required signed attribute is missing or malformed (contentType, messageDigest, signingTime, signingCertificateV2).</summary>
    public const string SignedAttributes = "ESIA-099002";
    /// <summary>Sandbox-assigned: algorithms are not GOST R 34.10-2012 / 34.11-2012 of matching sizes.</summary>
    public const string UnsupportedAlgorithm = "ESIA-099003";
    /// <summary>Sandbox-assigned: messageDigest is not the GOST R 34.11-2012 hash of the API key.</summary>
    public const string DigestMismatch = "ESIA-099004";
    /// <summary>Sandbox-assigned: the certificate is not issued by the sandbox's test CA (or may not sign).</summary>
    public const string UntrustedCertificate = "ESIA-099005";
    /// <summary>Sandbox-assigned: the certificate (or the CA) is expired or not yet valid.</summary>
    public const string CertificateNotValidNow = "ESIA-099006";
    /// <summary>Sandbox-assigned: signingCertificateV2 does not identify the certificate that signed.</summary>
    public const string SigningCertificateMismatch = "ESIA-099007";

    public static ApiException BadRequest(string code, string message) => new(StatusCodes.Status400BadRequest, code, message);
    public static ApiException Unauthorized(string code, string message) => new(StatusCodes.Status401Unauthorized, code, message);
    public static ApiException Forbidden(string code, string message) => new(StatusCodes.Status403Forbidden, code, message);
}
