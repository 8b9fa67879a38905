namespace GosApi.PowerShell.Tests.Infrastructure;

/// <summary>Locates the repository and the staged module that `dotnet build` produced.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string StagedManifest => Path.Combine(Root, "out", "GosApi", "GosApi.psd1");

    public static string Docs => Path.Combine(Root, "docs", "GosApi");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Cmdlets.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Cmdlets.sln not found above " + AppContext.BaseDirectory);
    }
}
