using System.Text.Json.Nodes;

namespace GosApi.Sandbox.FnsMobileSign.Domain;

/// <summary>One activation of the app: the consumer block as registered, its state and certificates.</summary>
internal sealed class FnsConsumer(string id, JsonObject data, DateTimeOffset created)
{
    public string Id { get; } = id;

    /// <summary>The validated consumer block of the registration (last_name … identities), without id and state.</summary>
    public JsonObject Data { get; } = data;

    public DateTimeOffset Created { get; } = created;
    public DateTimeOffset Updated { get; set; } = created;

    /// <summary>unvalidated, identified, temporarily or blocked.</summary>
    public string State { get; set; } = "unvalidated";

    public JsonObject? Entrepreneur { get; set; }
    public List<JsonObject> LegalEntities { get; } = new();
    public List<FnsCertificate> Certificates { get; } = new();
    public JsonObject? IdentificationPoint { get; set; }

    /// <summary>The simulated SMEV check this consumer fails ("Валидация ФИО-СНИЛС"), null when it passes.</summary>
    public string? FailedCheck { get; set; }

    public string Text(string field) => Data[field]?.GetValue<string>() ?? "";
    public string Inn => Text("inn");
    public string Phone => Text("phone");
    public string Snils => Text("snils");
    public string FullName => string.Join(' ', new[] { Text("last_name"), Text("first_name"), Text("middle_name") }.Where(s => s.Length > 0));

    public bool IsBlocked => State is "blocked" or "temporarily";

    /// <summary>Confirmed sign certificates; the newest first.</summary>
    public IEnumerable<FnsCertificate> SignCertificates =>
        Certificates.Where(c => c.Type == "sign" && c.IsConfirmed && c.State == "issued").OrderByDescending(c => c.Id);
}
