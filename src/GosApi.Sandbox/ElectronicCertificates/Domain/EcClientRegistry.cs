using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace GosApi.Sandbox.ElectronicCertificates.Domain;

/// <summary>x-api-key → client (shared secret and everything it owns).</summary>
internal sealed class EcClientRegistry
{
    public const int MaxKeyLength = 256;
    private readonly ConcurrentDictionary<string, EcAccount> _accounts = new(StringComparer.Ordinal);

    /// <summary>Registers a client, replacing one with the same key (and forgetting its tasks and certificates).</summary>
    public ElectronicCertificateClient Register(string? apiKey, string? sharedSecret)
    {
        apiKey ??= Guid.NewGuid().ToString();
        if (apiKey.Length is 0 or > MaxKeyLength || apiKey.Any(c => c <= ' ' || c > '~'))
            throw new ArgumentException($"apiKey: 1 to {MaxKeyLength} printable ASCII characters without spaces");
        sharedSecret ??= Signing.Base64Url.Encode(RandomNumberGenerator.GetBytes(48));
        if (sharedSecret.Length == 0) throw new ArgumentException("sharedSecret: must not be empty");
        var client = new ElectronicCertificateClient(apiKey, sharedSecret);
        _accounts[apiKey] = new EcAccount(client);
        return client;
    }

    public EcAccount? Find(string? apiKey) => apiKey is null ? null : _accounts.GetValueOrDefault(apiKey);

    public IReadOnlyCollection<EcAccount> Accounts => _accounts.Values.ToArray();
}
