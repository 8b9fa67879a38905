using GosApi.PowerShell.Tests.Infrastructure;
using GosApi.Sandbox;

namespace GosApi.PowerShell.Tests.ElectronicCertificate;

/// <summary>A sandbox with a registered ИС ЭС client and an engine connected to it (fast clock: tasks execute in ~0.3 s).</summary>
public class EcFixture : SandboxFixture
{
    public GosApi.Sandbox.ElectronicCertificates.ElectronicCertificateClient Client { get; private set; } = null!;

    /// <summary>The Cyrillic base path of the manual, as a person types it.</summary>
    public Uri BaseUri => new(Sandbox.BaseUri, "api/1.2.1-У/ес/");

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Client = Sandbox.RegisterElectronicCertificateClient();
        ConnectEc();
    }

    /// <summary>Connects the engine's default ИС ЭС session (fresh variables each time).</summary>
    public void ConnectEc(string? apiKey = null, string? secret = null, Uri? baseUri = null) =>
        Engine.Invoke(EcScripts.Connect, new Dictionary<string, object>
        {
            ["ecUri"] = baseUri ?? BaseUri, ["ecKey"] = apiKey ?? Client.ApiKey, ["ecSecret"] = secret ?? Client.SharedSecret,
        }).AssertSuccess();
}

/// <summary>The same with a real-time clock: tasks stay pending for minutes.</summary>
public sealed class SlowEcFixture : EcFixture
{
    protected override SandboxOptions CreateOptions() => new() { ClockSpeed = 1 };
}
