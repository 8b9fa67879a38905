using System;
using System.Collections.Generic;

namespace GosApi.FnsMobileSign.Models
{
    /// <summary>A workflow (поток работ): one scenario run for one client. Also what a callback describes.</summary>
    public sealed class FnsWorkflow
    {
        /// <summary>Deep link that opens the app (seed 003, «Ссылки для прямого открытия приложения»).</summary>
        public const string AppLink = "fns://main";

        public long Id { get; internal set; }
        public FnsWorkflowType Type { get; internal set; }
        public FnsWorkflowState State { get; internal set; }
        /// <summary>The state as the service wrote it (kept when it is one the spec does not list).</summary>
        public string? StateName { get; internal set; }
        /// <summary>state_display, or the spec's meaning of the state.</summary>
        public string? StateDisplay { get; internal set; }
        public int? Scenario { get; internal set; }
        public string? ScenarioTitle { get; internal set; }
        public string? ConsumerId { get; internal set; }
        public FnsConsumer? Consumer { get; internal set; }
        public string? ExternalId { get; internal set; }
        public string? Callback { get; internal set; }
        public string? Title { get; internal set; }
        public long? ParentId { get; internal set; }
        public IReadOnlyList<long> Children { get; internal set; } = Array.Empty<long>();
        public string? ErrorCode { get; internal set; }
        public string? ErrorMessage { get; internal set; }
        public IReadOnlyList<FnsDocument> Documents { get; internal set; } = Array.Empty<FnsDocument>();
        public string? ExternalActivityUrl { get; internal set; }
        public string? IdpInfo { get; internal set; }
        public string? AgentInfo { get; internal set; }
        public string? AgentUsername { get; internal set; }
        public DateTimeOffset? Created { get; internal set; }
        public DateTimeOffset? Updated { get; internal set; }
        /// <summary>True when the answer was a repeat of a create with an external_id already used (nothing new was made).</summary>
        public bool IsExisting { get; internal set; }

        /// <summary>fns://workflow/{id}: opens this workflow in the app.</summary>
        public string DeepLink => "fns://workflow/" + Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        public string AppDeepLink => AppLink;
        public bool IsFinal => FnsWorkflowStates.IsFinal(State);
        public bool IsSuccessful => State == FnsWorkflowState.Complete;
        public long? ChildId => Children.Count > 0 ? Children[0] : (long?)null;

        public override string ToString() => $"{FnsWorkflowTypes.WireName(Type)} {Id}: {StateName}";
    }

    /// <summary>A document of a workflow: the file, and after signing its detached signature (.p7s).</summary>
    public sealed class FnsDocument
    {
        public long Id { get; internal set; }
        public long WorkflowId { get; internal set; }
        public string? Title { get; internal set; }
        public string? Description { get; internal set; }
        /// <summary>normal or not-rejectable.</summary>
        public string? Type { get; internal set; }
        /// <summary>Service path of the file, e.g. /api/rb/document/2960797/path/usn.pdf.</summary>
        public string? Path { get; internal set; }
        /// <summary>Service path of the signature once signed, e.g. /api/rb/document/2499947/signature/XHOLEJ96.p7s.</summary>
        public string? Signature { get; internal set; }
        public bool IsViewed { get; internal set; }
        public bool Encrypted { get; internal set; }
        public DateTimeOffset? Created { get; internal set; }
        public DateTimeOffset? Updated { get; internal set; }
        public bool IsSigned => !string.IsNullOrEmpty(Signature);
        public override string ToString() => $"{Id} {Title}" + (IsSigned ? " (signed)" : string.Empty);
    }

    /// <summary>A client of the service (клиент, consumer) with the certificates issued to them.</summary>
    public sealed class FnsConsumer
    {
        public string? Id { get; internal set; }
        /// <summary>The same as <see cref="Id"/>, so that a client pipes into -ConsumerId.</summary>
        public string? ConsumerId => Id;
        public string? LastName { get; internal set; }
        public string? FirstName { get; internal set; }
        public string? MiddleName { get; internal set; }
        public string? Gender { get; internal set; }
        public DateTime? Birthed { get; internal set; }
        public string? Snils { get; internal set; }
        public string? Inn { get; internal set; }
        public string? Phone { get; internal set; }
        /// <summary>unvalidated, temporarily, blocked or identified.</summary>
        public string? State { get; internal set; }
        public bool IsRemotelyIdentified { get; internal set; }
        public string? Ogrnip { get; internal set; }
        public IReadOnlyList<string> LegalEntityInns { get; internal set; } = Array.Empty<string>();
        public IReadOnlyList<FnsCertificateInfo> Certificates { get; internal set; } = Array.Empty<FnsCertificateInfo>();
        public DateTimeOffset? Created { get; internal set; }

        /// <summary>Identified, with a confirmed signing certificate: documents can be sent for signature.</summary>
        public bool CanSign => State == "identified" && HasConfirmedSigningCertificate;
        public bool HasConfirmedSigningCertificate
        {
            get
            {
                foreach (var c in Certificates) if (c.Type == "sign" && c.IsConfirmed) return true;
                return false;
            }
        }

        public string FullName => string.Join(" ", new[] { LastName?.Trim(), FirstName?.Trim(), MiddleName?.Trim() }).Trim();
        public override string ToString() => $"{Id} {FullName} ({State})";
    }

    /// <summary>A certificate of a client as the search shows it.</summary>
    public sealed class FnsCertificateInfo
    {
        public long Id { get; internal set; }
        /// <summary>sign (КЭП) or auth (TLS).</summary>
        public string? Type { get; internal set; }
        public string? State { get; internal set; }
        public bool IsConfirmed { get; internal set; }
        public DateTimeOffset? NotAfter { get; internal set; }
        public string? Serial { get; internal set; }
        public string? SubjectName { get; internal set; }
        public string? IssuerName { get; internal set; }
        public string? CertificateLink { get; internal set; }
        public string? RequestLink { get; internal set; }
        public override string ToString() => $"{Type} {Id} {State}" + (IsConfirmed ? " confirmed" : string.Empty);
    }
}
