namespace GosApi.Sandbox.Epgu;

/// <summary>A service the sandbox knows (in life: the service's own specification).</summary>
internal sealed record EpguService(
    string ServiceCode,
    string TargetCode,
    string Name,
    string StateStructureName,
    string StateStructureId,
    string StateOrgCode,
    /// <summary>Every file x in the archive must come with a detached signature x.sig.</summary>
    bool RequiresSignatures,
    /// <summary>req.xml must contain the EPGU order number, so the order is created first via /order.</summary>
    bool RequiresOrderNumberInXml);
