using System.Text.Json.Nodes;

namespace GosApi.Sandbox.FnsMobileSign.Domain;

/// <summary>One workflow (поток работ): a scenario run for a consumer. Its state moves on in <see cref="FnsWorkflowEngine"/>.</summary>
internal sealed class FnsWorkflow(long id, FnsScenario scenario, FnsConsumer consumer, DateTimeOffset created)
{
    public long Id { get; } = id;
    public FnsScenario Scenario { get; } = scenario;
    public FnsWorkflowType Type => Scenario.Type;
    public FnsConsumer Consumer { get; } = consumer;
    public DateTimeOffset Created { get; } = created;
    public DateTimeOffset Updated { get; set; } = created;

    public string State { get; set; } = FnsStates.Start;

    /// <summary>When <see cref="State"/> was entered: the timed transitions count from here.</summary>
    public DateTimeOffset StateSince { get; set; } = created;

    public string? Callback { get; init; }
    public string ExternalId { get; init; } = Guid.NewGuid().ToString();
    public string Title { get; set; } = scenario.Title;
    public string? Backref { get; init; }
    public JsonNode? Data { get; init; }
    public JsonObject? LegalEntity { get; init; }
    public JsonObject? Entrepreneur { get; init; }
    public JsonObject? ExternalActivity { get; init; }

    /// <summary>True when the registration created the consumer (the create answer then carries the consumer object).</summary>
    public bool CreatedConsumer { get; init; }

    public long? ParentId { get; init; }
    public long? ChildId { get; set; }
    public string? ErrorCode { get; set; }
    public string? ErrorMessage { get; set; }
    public bool Removed { get; set; }

    public List<FnsDocument> Documents { get; } = new();
    public List<FnsDocument> DecryptedDocuments { get; } = new();
    public List<FnsScan> Scans { get; } = new();

    /// <summary>The certificate this workflow issues (auth for identification/TLS reissuing, sign otherwise).</summary>
    public FnsCertificate? Certificate { get; set; }

    /// <summary>Who identified the consumer (PUT state identify).</summary>
    public JsonObject? Agent { get; set; }
    public JsonObject? IdentificationPoint { get; set; }
    public string? IdpInfo { get; set; }
    public string? AgentInfo { get; set; }
    public string? AgentExternalData { get; set; }

    /// <summary>scan_confirm_received arrived.</summary>
    public bool ScanConfirmed { get; set; }

    /// <summary>A forced outcome of a test hook, taken at the next transition (null: the normal path).</summary>
    public string? ForcedState { get; set; }

    /// <summary>Every state entered, in order (the callback sender reads it).</summary>
    public List<(string State, DateTimeOffset At)> History { get; } = new();

    public string Wire => FnsScenarios.Wire(Type);

    public string ConsumerRoleType => LegalEntity is not null && Type != FnsWorkflowType.DocumentSigning ? "legal_entity"
        : Entrepreneur is not null ? "entrepreneur" : "natural_entity";
}
