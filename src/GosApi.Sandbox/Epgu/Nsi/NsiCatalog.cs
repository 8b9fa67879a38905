namespace GosApi.Sandbox.Epgu.Nsi;

/// <summary>The dictionaries the sandbox serves, by code.</summary>
internal sealed class NsiCatalog
{
    private readonly Dictionary<string, NsiDictionary> _dictionaries =
        new[] { BicDictionary.Create(), OkatoDictionary.Create() }.ToDictionary(d => d.Code, StringComparer.Ordinal);

    public NsiDictionary? Find(string code) => _dictionaries.GetValueOrDefault(code);

    public IEnumerable<string> Codes => _dictionaries.Keys;
}
