using System;
using System.Collections.Generic;

namespace GosApi.FnsMobileSign.Models
{
    /// <summary>An agent account (учётная запись сотрудника). Its password is never kept; its token is not shown.</summary>
    public sealed class FnsAgent
    {
        public long Id { get; internal set; }
        public string? Username { get; internal set; }
        public string? LastName { get; internal set; }
        public string? FirstName { get; internal set; }
        public string? MiddleName { get; internal set; }
        public string? Snils { get; internal set; }
        public string? Phone { get; internal set; }
        public string? Position { get; internal set; }
        public long? CompanyId { get; internal set; }
        public string? CompanyName { get; internal set; }
        public IReadOnlyList<string> Permissions { get; internal set; } = Array.Empty<string>();
        public IReadOnlyList<long> IdentificationPoints { get; internal set; } = Array.Empty<long>();
        public bool IsActive { get; internal set; } = true;
        /// <summary>Whether the service answered with a token for the agent (the value itself is not kept).</summary>
        public bool HasToken { get; internal set; }
        public override string ToString() => $"{Id} {Username}" + (IsActive ? string.Empty : " (blocked)");
    }

    /// <summary>A confirmation document (подтверждающий документ) or a scan for certificate issuing.</summary>
    public sealed class FnsUploadSlot
    {
        public long Id { get; internal set; }
        public long WorkflowId { get; internal set; }
        /// <summary>confirmation-document or document-scan.</summary>
        public string Kind { get; internal set; } = string.Empty;
        /// <summary>What is asked for, e.g. «Скан паспорта».</summary>
        public string? DocumentTitle { get; internal set; }
        public string? State { get; internal set; }
        public string? Type { get; internal set; }
        /// <summary>The uploaded file's name, empty before upload.</summary>
        public string? Title { get; internal set; }
        public string? Path { get; internal set; }
        public string? TemplateUrl { get; internal set; }
        public bool IsReceived => !string.IsNullOrEmpty(Path);
        public override string ToString() => $"{Kind} {Id} {DocumentTitle}" + (IsReceived ? " (received)" : string.Empty);
    }

    /// <summary>What PUT workflow/remove did with each id.</summary>
    public sealed class FnsRemoveResult
    {
        public long WorkflowId { get; internal set; }
        public bool Removed { get; internal set; }
        public override string ToString() => $"{WorkflowId}: " + (Removed ? "removed" : "not removed");
    }

    /// <summary>One document of Invoke-FnsSigning: the workflow's outcome for it and where its files were saved.</summary>
    public sealed class FnsSignedDocument
    {
        public long WorkflowId { get; internal set; }
        public string? ExternalId { get; internal set; }
        public FnsWorkflowState State { get; internal set; }
        public string? ErrorMessage { get; internal set; }
        public long DocumentId { get; internal set; }
        public string? Title { get; internal set; }
        public bool IsSigned { get; internal set; }
        public string? Path { get; internal set; }
        public string? SignaturePath { get; internal set; }
        public string DeepLink => "fns://workflow/" + WorkflowId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        public override string ToString() => $"{Title}: {FnsWorkflowStates.WireName(State)}" + (SignaturePath == null ? string.Empty : " → " + SignaturePath);
    }
}
