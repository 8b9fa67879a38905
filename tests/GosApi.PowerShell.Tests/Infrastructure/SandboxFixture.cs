using GosApi.Sandbox;

namespace GosApi.PowerShell.Tests.Infrastructure;

/// <summary>
/// One sandbox on a free loopback port and one engine with the module imported, shared by a test class;
/// the clock runs fast so order statuses progress in seconds.
/// </summary>
public class SandboxFixture : IAsyncLifetime
{
    public SandboxServer Sandbox { get; private set; } = null!;
    public ModuleHost Engine { get; private set; } = null!;

    protected virtual SandboxOptions CreateOptions() => new() { ClockSpeed = 600 };

    public virtual async ValueTask InitializeAsync()
    {
        Sandbox = await SandboxServer.StartAsync(CreateOptions());
        Engine = new ModuleHost();
    }

    public string NewToken(TokenRequest? request = null) => Sandbox.IssueToken(request);

    /// <summary>Connects the engine's default session to the sandbox with a fresh token; returns the token.</summary>
    public string Connect(string extra = "")
    {
        var token = NewToken();
        Engine.Invoke($"Connect-Epgu -BaseUri $baseUri -AccessToken (ConvertTo-SecureString $token -AsPlainText -Force) -RetryDelay 00:00:00.05 {extra} | Out-Null",
            new Dictionary<string, object> { ["baseUri"] = Sandbox.BaseUri, ["token"] = token }).AssertSuccess();
        return token;
    }

    public virtual async ValueTask DisposeAsync()
    {
        Engine?.Dispose();
        if (Sandbox != null) await Sandbox.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
