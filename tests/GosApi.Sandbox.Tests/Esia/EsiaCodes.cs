namespace GosApi.Sandbox.Tests.Esia;

/// <summary>The error codes of the token route, as the README documents them (the contract the tests hold the sandbox to).</summary>
internal static class EsiaCodes
{
    public const string MissingParameter = "ESIA-007014";
    public const string BadParameter = "ESIA-007003";
    public const string UnknownApiKey = "ESIA-008010";
    public const string BadSignature = "ESIA-007053";
    public const string StaleSigningTime = "ESIA-007015";
    public const string CertificateOfAnotherOrganisation = "ESIA-007002";
    public const string NotCms = "ESIA-099001";
    public const string SignedAttributes = "ESIA-099002";
    public const string UnsupportedAlgorithm = "ESIA-099003";
    public const string DigestMismatch = "ESIA-099004";
    public const string UntrustedCertificate = "ESIA-099005";
    public const string CertificateNotValidNow = "ESIA-099006";
    public const string SigningCertificateMismatch = "ESIA-099007";
}
