namespace GosApi.Sandbox.Tests.Support;

internal static class Sandboxes
{
    /// <summary>Tiny chunk limits and a fast clock (a whole order flow takes about 0.1 s).</summary>
    public static SandboxOptions Fast(Action<SandboxOptions>? configure = null)
    {
        var options = new SandboxOptions { ClockSpeed = 2000, MinChunkSize = 1024, MaxChunkSize = 4096 };
        configure?.Invoke(options);
        return options;
    }

    public static Task<SandboxServer> StartFastAsync(Action<SandboxOptions>? configure = null) =>
        SandboxServer.StartAsync(Fast(configure), TestContext.Current.CancellationToken);
}
