using GosApi.PowerShell.Tests.Infrastructure;
using GosApi.Sandbox;

namespace GosApi.PowerShell.Tests.Epgu;

/// <summary>Get-EpguTokenInfo: the token's claims and warnings, never the token.</summary>
public sealed class EpguTokenInfoTests : IClassFixture<SandboxFixture>
{
    private const string InfoType = "GosApi.Http.AccessTokenInfo";
    private readonly SandboxFixture fx;

    public EpguTokenInfoTests(SandboxFixture fx) => this.fx = fx;

    private HostedResult Run(string token, string script) =>
        fx.Engine.Invoke("Connect-Epgu -BaseUri $baseUri -AccessToken (ConvertTo-SecureString $token -AsPlainText -Force) -WarningAction SilentlyContinue | Out-Null; " + script,
            new Dictionary<string, object> { ["baseUri"] = fx.Sandbox.BaseUri, ["token"] = token });

    [Fact]
    public void The_claims_of_the_token_are_shown_and_the_token_is_not()
    {
        var token = fx.NewToken(new TokenRequest { ClientId = "MY_IS", OrgOid = "1000299999" });
        var result = Run(token, "Get-EpguTokenInfo; Get-EpguTokenInfo | Format-List * | Out-String; (Get-EpguTokenInfo).ToString()").AssertSuccess();
        var info = result.Single(InfoType);
        Assert.Equal("MY_IS", info.Get<string>("ClientId"));
        Assert.Equal("1000299999", info.Get<string>("OrgOid"));
        Assert.True(info.Get<bool>("HasRequiredPermission"));
        Assert.Contains("http://lk.gosuslugi.ru/api-order", info.Get<string[]>("Scopes"));
        Assert.True(info.Get<DateTimeOffset>("ExpiresAt") > DateTimeOffset.UtcNow.AddMinutes(50));
        Assert.Empty(result.Warnings);
        Assert.DoesNotContain(token, result.Everything());
        Assert.DoesNotContain(token.Split('.')[2], result.Everything());
    }

    [Fact]
    public void A_token_without_APIPGU_or_close_to_expiry_is_warned_about()
    {
        var noPermission = Run(fx.NewToken(new TokenRequest { Permissions = "OTHER" }), "Get-EpguTokenInfo").AssertSuccess();
        Assert.False(noPermission.Single(InfoType).Get<bool>("HasRequiredPermission"));
        Assert.Contains(noPermission.Warnings, w => w.Contains("APIPGU") && w.Contains("access_denied_system"));

        var expiring = Run(fx.NewToken(new TokenRequest { Lifetime = TimeSpan.FromSeconds(90) }), "Get-EpguTokenInfo -WarnWithinSec 300").AssertSuccess();
        Assert.Contains(expiring.Warnings, w => w.Contains("expires"));
    }
}
