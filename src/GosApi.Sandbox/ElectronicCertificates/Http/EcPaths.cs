namespace GosApi.Sandbox.ElectronicCertificates.Http;

/// <summary>
/// The two spellings of the base path: the manual's Cyrillic /api/1.2.1-У/ес (У U+0423, е U+0435, с U+0441; sent
/// percent-encoded, Kestrel decodes it into Request.Path) and the OpenAPI servers entry's Latin /api/1.2.1-Y/ec.
/// </summary>
internal static class EcPaths
{
    public const string Cyrillic = "/api/1.2.1-\u0423/\u0435\u0441";
    public const string Latin = "/api/1.2.1-Y/ec";
    public static readonly string[] Bases = [Cyrillic, Latin];

    public static bool IsEc(PathString path) => Bases.Any(b => path.StartsWithSegments(b, StringComparison.OrdinalIgnoreCase));
}
