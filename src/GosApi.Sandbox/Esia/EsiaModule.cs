using System.Security.Cryptography;
using GosApi.Sandbox.Epgu;
using GosApi.Sandbox.Infrastructure;

namespace GosApi.Sandbox.Esia;

/// <summary>
/// The ESIA organisation token route ("маркер доступа по идентификационному ключу") and its /sandbox/esia control
/// endpoints: the test CA certificate, API key registration and test certificates.
/// </summary>
internal static class EsiaModule
{
    public const string TokenRoute = "/esia-rs/api/public/v1/orgs/ext-app/{apiKey}/tkn";
    public const string Permissions = "APIPGU";

    public static IServiceCollection AddEsia(this IServiceCollection services, SandboxOptions options)
    {
        // Created here, not lazily, so that a bad EsiaCaCertificate/EsiaCaPrivateKey fails the start.
        services.AddSingleton(new TestCertificateAuthority(options, TimeProvider.System));
        services.AddSingleton<EsiaApiKeyRegistry>();
        services.AddSingleton<ApiKeySignatureVerifier>();
        return services;
    }

    public static void MapEsia(this IEndpointRouteBuilder app)
    {
        app.MapGet(TokenRoute, IssueToken);

        var control = app.MapGroup(SandboxPaths.ControlPrefix + "/esia");
        control.MapGet("/ca", (TestCertificateAuthority ca) => Results.Text(ca.CertificatePem, "application/x-pem-file"));
        control.MapGet("/apikeys", (EsiaApiKeyRegistry keys) => Results.Json(keys.Snapshot(), SandboxJson.Options));
        control.MapPost("/apikeys", async (HttpRequest request, EsiaApiKeyRegistry keys) =>
        {
            var dto = await SandboxControlEndpoints.ReadOptionalJsonAsync<ApiKeyDto>(request) ?? new ApiKeyDto();
            try
            {
                var key = keys.Register(dto.ApiKey, dto.OrgOid, dto.ClientId, dto.Ogrn);
                return Results.Json(key, SandboxJson.Options, statusCode: StatusCodes.Status201Created);
            }
            catch (ArgumentException ex) { throw ApiException.BadRequest(ex.Message); }
        });
        control.MapPost("/certificates", async (HttpRequest request, TestCertificateAuthority ca) =>
        {
            var dto = await SandboxControlEndpoints.ReadOptionalJsonAsync<CertificateDto>(request) ?? new CertificateDto();
            TestCertificate certificate;
            try { certificate = ca.Issue(dto.ToRequest()); }
            catch (ArgumentException ex) { throw ApiException.BadRequest(ex.Message); }
            if (certificate.Pkcs12 is not null && request.Headers.Accept.ToString().Contains("application/x-pkcs12", StringComparison.OrdinalIgnoreCase))
                return Results.File(certificate.Pkcs12, "application/x-pkcs12", "sandbox-signer.pfx");
            return Results.Json(new Dictionary<string, object?>
            {
                ["certificate"] = certificate.CertificatePem,
                ["pkcs12"] = certificate.Pkcs12 is null ? null : Convert.ToBase64String(certificate.Pkcs12),
                ["password"] = certificate.Password,
                ["serialNumber"] = certificate.SerialNumber,
                ["subject"] = certificate.Subject,
                ["notBefore"] = certificate.NotBefore,
                ["notAfter"] = certificate.NotAfter,
                ["parameterSetOid"] = certificate.ParameterSetOid,
                ["keySize"] = certificate.KeySize,
            }, SandboxJson.Options, statusCode: StatusCodes.Status201Created);
        });
    }

    /// <summary>GET …/ext-app/{apiKey}/tkn?signature=… → {"accessTkn","expiresIn"} or an ESIA error (see <see cref="EsiaErrors"/>).</summary>
    private static IResult IssueToken(string apiKey, HttpRequest request, EsiaApiKeyRegistry keys, ApiKeySignatureVerifier verifier,
        TokenIssuer tokens, SandboxOptions options)
    {
        var signatures = request.Query["signature"];
        if (signatures.Count > 1)
            throw EsiaErrors.BadRequest(EsiaErrors.BadParameter, "parameter [signature] is given more than once");
        var registration = keys.Find(apiKey)
            ?? throw EsiaErrors.Unauthorized(EsiaErrors.UnknownApiKey, "the client system could not be authenticated: the API key is not registered");

        var certificate = verifier.Verify(apiKey, signatures.ToString());

        if (registration.Ogrn is { } ogrn && TestCertificateAuthority.OgrnOf(certificate) != ogrn)
            throw EsiaErrors.Forbidden(EsiaErrors.CertificateOfAnotherOrganisation,
                $"certificate {ApiKeySignatureVerifier.Describe(certificate)} does not carry the organisation's OGRN {ogrn}");

        var token = tokens.Issue(new TokenRequest
        {
            ClientId = registration.ClientId,
            OrgOid = registration.OrgOid,
            Subject = registration.OrgOid,
            Scopes = [EpguAuthFilter.OrderScope],
            Permissions = Permissions,
            Lifetime = options.EsiaTokenLifetime,
        });
        var body = new Dictionary<string, object> { ["accessTkn"] = token };
        if (options.EsiaTokenExpiresIn) body["expiresIn"] = (long)options.EsiaTokenLifetime.TotalSeconds;
        return Results.Json(body, SandboxJson.Options);
    }

    private sealed class ApiKeyDto
    {
        public string? ApiKey { get; set; }
        public string? OrgOid { get; set; }
        public string? ClientId { get; set; }
        public string? Ogrn { get; set; }
    }

    private sealed class CertificateDto
    {
        public string? CommonName { get; set; }
        public string? Organization { get; set; }
        public string? Ogrn { get; set; }
        public string? Inn { get; set; }
        public GostParameterSet? ParameterSet { get; set; }
        /// <summary>PEM "PUBLIC KEY" or base64 DER SubjectPublicKeyInfo.</summary>
        public string? PublicKey { get; set; }
        public DateTimeOffset? NotBefore { get; set; }
        public DateTimeOffset? NotAfter { get; set; }
        public string? Password { get; set; }

        public TestCertificateRequest ToRequest()
        {
            var request = new TestCertificateRequest
            {
                Organization = Organization,
                Ogrn = Ogrn,
                Inn = Inn,
                NotBefore = NotBefore,
                NotAfter = NotAfter,
                PublicKey = PublicKey is null ? null : DecodePublicKey(PublicKey),
            };
            if (CommonName is not null) request.CommonName = CommonName;
            if (ParameterSet is not null) request.ParameterSet = ParameterSet.Value;
            if (request.PublicKey is null)
                request.Password = string.IsNullOrEmpty(Password) ? throw new ArgumentException("password: required (it protects the PKCS#12 of the generated key)") : Password;
            return request;
        }

        private static byte[] DecodePublicKey(string text)
        {
            if (PemEncoding.TryFind(text, out var fields))
            {
                if (!text.AsSpan()[fields.Label].SequenceEqual("PUBLIC KEY"))
                    throw new ArgumentException($"publicKey: a \"PUBLIC KEY\" PEM block is expected, not \"{text[fields.Label]}\"");
                return Convert.FromBase64String(text[fields.Base64Data]);
            }
            try { return Convert.FromBase64String(text); }
            catch (FormatException) { throw new ArgumentException("publicKey: neither PEM nor base64 DER SubjectPublicKeyInfo"); }
        }
    }
}
