using GosApi.PowerShell.Tests.Infrastructure;
using GosApi.Sandbox;

namespace GosApi.PowerShell.Tests.FnsMobileSign;

/// <summary>A sandbox with an ФНС partner and a signing-ready client; the engine is connected (fast clock: workflows move in well under a second).</summary>
public class FnsFixture : SandboxFixture
{
    public FnsPartner Partner { get; private set; } = null!;
    public FnsConsumerInfo Signer { get; private set; } = null!;
    public TestFiles Files { get; } = new();

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Partner = Sandbox.RegisterFnsPartner();
        Signer = Sandbox.RegisterFnsConsumer(Partner.Username);
        ConnectFns();
    }

    public void ConnectFns(string authentication = "Token", string? password = null) =>
        Engine.Invoke(FnsScripts.Connect + " -Authentication $auth | Out-Null", new Dictionary<string, object>
        {
            ["u"] = Sandbox.BaseUri, ["user"] = Partner.Username, ["pass"] = password ?? Partner.Password, ["auth"] = authentication,
        }).AssertSuccess();

    /// <summary>Requests to the partner API so far (to show that a command sent nothing).</summary>
    public int ApiRequests => Sandbox.Requests.Count(r => r.Path.StartsWith("/api/rb/", StringComparison.Ordinal));

    /// <summary>The sandbox's test CA certificate as a file, for Test-GostSignature -TrustedRoot.</summary>
    public string CaFile
    {
        get
        {
            var path = Path.Combine(Files.Root, "sandbox-ca.cer");
            if (!File.Exists(path)) File.WriteAllBytes(path, Sandbox.EsiaCaCertificate);
            return path;
        }
    }

    public override async ValueTask DisposeAsync()
    {
        Files.Dispose();
        await base.DisposeAsync();
    }
}

internal static class FnsScripts
{
    public const string Connect = "Connect-FnsMobileSign -BaseUri $u -Credential (New-Object pscredential($user, (ConvertTo-SecureString $pass -AsPlainText -Force))) -RetryDelay 00:00:00.05";

    /// <summary>New-Doc -Name a.pdf -Text …: a small file to sign in $dir.</summary>
    public const string Helpers = @"
        function New-Doc([string] $Name, [string] $Text = 'Заявление') {
            $path = Join-Path $dir $Name
            [System.IO.File]::WriteAllText($path, ""$Text $(New-Guid)"")
            $path
        }
    ";
}
