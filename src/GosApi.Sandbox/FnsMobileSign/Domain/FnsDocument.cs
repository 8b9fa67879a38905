namespace GosApi.Sandbox.FnsMobileSign.Domain;

/// <summary>A file of a workflow: to sign (then with its detached CMS) or to decrypt.</summary>
internal sealed class FnsDocument(long id, string title, byte[] content, DateTimeOffset created)
{
    public long Id { get; } = id;
    public string Title { get; } = title;
    public byte[] Content { get; } = content;
    public DateTimeOffset Created { get; } = created;
    public DateTimeOffset Updated { get; set; } = created;
    public string? Description { get; init; }
    public bool Encrypted { get; init; }
    public bool IsViewed { get; set; }

    /// <summary>Detached GOST CMS (DER) over <see cref="Content"/>, once signed.</summary>
    public byte[]? Signature { get; set; }
    public string? SignatureName { get; set; }

    public string PathLink => $"/api/rb/document/{Id}/path/{Uri.EscapeDataString(Title)}";
    public string? SignatureLink => SignatureName is null ? null : $"/api/rb/document/{Id}/signature/{SignatureName}.p7s";
}

/// <summary>A scan the partner uploads (confirmation-document of an identification, document-scan of a certificate issuing).</summary>
internal sealed class FnsScan(long id, long workflowId, string kind, string documentTitle, string? type, bool hasTemplate, DateTimeOffset created)
{
    public long Id { get; } = id;
    public long WorkflowId { get; } = workflowId;

    /// <summary>"confirmation-document" or "document-scan" (the route prefix).</summary>
    public string Kind { get; } = kind;
    public string DocumentTitle { get; } = documentTitle;
    public string? Type { get; } = type;
    public bool HasTemplate { get; } = hasTemplate;
    public DateTimeOffset Created { get; } = created;
    public DateTimeOffset Updated { get; set; } = created;
    public string Title { get; set; } = "";
    public byte[]? Content { get; set; }
    public bool Received => Content is not null;

    public string? TemplateUrl => HasTemplate ? $"/api/rb/{Kind}/{Id}/template" : null;
    public string? TemplateTextUrl => HasTemplate ? $"/api/rb/{Kind}/{Id}/template-text" : null;
    public string? PathLink => Content is null ? null : $"/api/rb/{Kind}/{Id}/path/{Uri.EscapeDataString(Title)}";
}
