using System.Text.Json.Nodes;

namespace GosApi.Sandbox.FnsMobileSign.Domain;

/// <summary>
/// Everything of one partner: consumers, workflows, agents, files. All access goes through <see cref="Gate"/>;
/// the engine advances states under it.
/// </summary>
internal sealed class FnsAccount(FnsPartner partner)
{
    public object Gate { get; } = new();
    public FnsPartner Partner { get; set; } = partner;

    public Dictionary<string, FnsConsumer> Consumers { get; } = new(StringComparer.OrdinalIgnoreCase);
    public SortedDictionary<long, FnsWorkflow> Workflows { get; } = new();
    public Dictionary<string, long> ExternalIds { get; } = new(StringComparer.OrdinalIgnoreCase);
    public SortedDictionary<long, FnsAgent> Agents { get; } = new();
    public Dictionary<long, FnsDocument> Documents { get; } = new();
    public Dictionary<long, FnsScan> Scans { get; } = new();
    public Dictionary<long, FnsCertificate> Certificates { get; } = new();
    public List<JsonObject> PushNotifications { get; } = new();
    public List<byte[]> RevocationRequests { get; } = new();

    public FnsWorkflow? Workflow(long id) => Workflows.TryGetValue(id, out var w) && !w.Removed ? w : null;
}
