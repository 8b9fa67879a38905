using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace GosApi.Sandbox.Esia;

/// <summary>API keys the sandbox's ESIA knows (real ESIA: generated on the technology portal for a registered system).</summary>
internal sealed class EsiaApiKeyRegistry
{
    public const int MaxKeyLength = 256;
    private readonly ConcurrentDictionary<string, EsiaApiKey> _keys = new(StringComparer.Ordinal);

    /// <summary>Registers (or replaces) a key; missing parts are made up: a GUID key, a random 10-digit oid, client id SANDBOX_IS.</summary>
    public EsiaApiKey Register(string? apiKey, string? orgOid, string? clientId, string? ogrn)
    {
        apiKey ??= Guid.NewGuid().ToString();
        if (apiKey.Length is 0 or > MaxKeyLength || apiKey.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '/' or '?' or '#' or '%'))
            throw new ArgumentException($"apiKey: 1 to {MaxKeyLength} characters without whitespace, '/', '?', '#' or '%'");
        orgOid ??= (1_000_000_000L + RandomNumberGenerator.GetInt32(1_000_000_000)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (orgOid.Length == 0 || !orgOid.All(char.IsAsciiDigit)) throw new ArgumentException($"orgOid: \"{orgOid}\" is not an ESIA oid (digits)");
        clientId ??= "SANDBOX_IS";
        if (string.IsNullOrWhiteSpace(clientId)) throw new ArgumentException("clientId: must not be empty");
        if (ogrn is not null && (!ogrn.All(char.IsAsciiDigit) || ogrn.Length is not (13 or 15)))
            throw new ArgumentException($"ogrn: \"{ogrn}\" is not 13 (OGRN) or 15 (OGRNIP) digits");
        var key = new EsiaApiKey(apiKey, orgOid, clientId, ogrn);
        _keys[apiKey] = key;
        return key;
    }

    public EsiaApiKey? Find(string apiKey) => _keys.GetValueOrDefault(apiKey);

    public IReadOnlyList<EsiaApiKey> Snapshot() => _keys.Values.OrderBy(k => k.ApiKey, StringComparer.Ordinal).ToList();
}
