using System.Text.Json;
using GosApi.Sandbox.ElectronicCertificates.Domain;

namespace GosApi.Sandbox.ElectronicCertificates.Http;

/// <summary>A request that passed every check: its client, its x-request-id, its schema-valid body (null for a GET) and its query.</summary>
internal sealed class EcCall(EcAccount account, string requestId, JsonDocument? body, IQueryCollection query) : IDisposable
{
    public EcAccount Account { get; } = account;
    public string RequestId { get; } = requestId;
    public JsonElement Body => body?.RootElement ?? throw new InvalidOperationException("the request has no body");
    public IQueryCollection Query { get; } = query;

    public void Dispose() => body?.Dispose();
}
