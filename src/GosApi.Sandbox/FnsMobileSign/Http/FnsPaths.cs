namespace GosApi.Sandbox.FnsMobileSign.Http;

internal static class FnsPaths
{
    public const string Prefix = "/api/rb";

    public static bool IsFns(PathString path) => path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);
}
