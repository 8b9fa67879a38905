namespace GosApi.Sandbox;

/// <summary>What the issued access token says about its bearer (claims of an ESIA organisation token).</summary>
public sealed class TokenRequest
{
    public string ClientId { get; set; } = "SANDBOX_IS";
    public string OrgOid { get; set; } = "1000000001";
    public string[] Scopes { get; set; } = new[] { "http://lk.gosuslugi.ru/api-order" };
    public string Permissions { get; set; } = "APIPGU";
    /// <summary>Zero or negative gives an already expired token.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(1);
    public string Subject { get; set; } = "1000000001";
}
