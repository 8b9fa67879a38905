using System.Text.Json;
using System.Text.Json.Nodes;

namespace GosApi.Sandbox.ElectronicCertificates.Domain;

/// <summary>One queued ec-create/ec-edit/ec-block request: its records, what the client was last told, and its results once executed.</summary>
internal sealed class EcTask(string id, string type, DateTimeOffset createdAt, JsonElement records)
{
    public string Id { get; } = id;
    /// <summary>ec_create, ec_edit or ec_block.</summary>
    public string Type { get; } = type;
    public DateTimeOffset CreatedAt { get; } = createdAt;
    public JsonElement Records { get; } = records;
    /// <summary>The status last reported by ec-tasks-status, null before the first report.</summary>
    public string? ToldStatus { get; set; }
    /// <summary>Result records, set when the task is executed.</summary>
    public JsonArray? Results { get; set; }
}
