using System.Text.Json.Nodes;
using GosApi.Sandbox.Esia;

namespace GosApi.Sandbox.Uc.Domain;

/// <summary>One заявка. Read and change it only under <see cref="UcStore"/>'s gate, after <see cref="UcStore.Advance"/>.</summary>
internal sealed class UcRequest(long id, string owner, DateTimeOffset created)
{
    public long Id { get; } = id;
    public string Owner { get; } = owner;
    public DateTimeOffset Created { get; } = created;

    /// <summary>The info object as sent (member names case-insensitive), last create or change.</summary>
    public JsonObject Info { get; set; } = new();
    public int Type { get; set; }
    public int IdentificationKind { get; set; }

    public int Status { get; set; }
    /// <summary>Where status 22 ends, and when.</summary>
    public int AfterProcessing { get; set; }
    public DateTimeOffset ProcessingUntil { get; set; }

    public bool Archived { get; set; }
    public string? Comment { get; set; }

    /// <summary>When the ФНС certificate check and the СМЭВ checks were launched (create or change).</summary>
    public DateTimeOffset ChecksLaunched { get; set; }

    public byte[]? Archive { get; set; }
    public bool ArchiveSigned { get; set; }
    public byte[]? Pkcs10 { get; set; }
    public byte[]? SignedPkcs10 { get; set; }
    public DateTimeOffset? IssueDue { get; set; }
    public byte[]? Certificate { get; set; }
    public List<(string Name, byte[] Content)> ExtraDocuments { get; } = [];
    public List<UcAttachment> Attachments { get; } = [];

    public string LastName => Info["lastName"]?.ToString() ?? "";
}
