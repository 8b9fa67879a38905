namespace GosApi.Sandbox.Infrastructure;

internal static class SandboxPaths
{
    /// <summary>Control endpoints: no auth, never faulted, not recorded.</summary>
    public const string ControlPrefix = "/sandbox";

    public static bool IsControl(PathString path) => path.StartsWithSegments(ControlPrefix, StringComparison.OrdinalIgnoreCase);
}
