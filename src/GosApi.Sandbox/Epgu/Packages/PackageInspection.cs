namespace GosApi.Sandbox.Epgu.Packages;

/// <summary>Where processing stops: VALIDATION (structure, req.xml) or FILES_VERIFICATION (signatures).</summary>
internal enum PackageStage { None, Validation, Signatures }

/// <summary>The verdict on an archive: FailureCode is a final processing code, null when the archive is fine.</summary>
internal sealed record PackageInspection(string? FailureCode, string Message, PackageStage FailedStage, IReadOnlyList<PackageEntry> Entries)
{
    public static PackageInspection Passed(IReadOnlyList<PackageEntry> entries) => new(null, "", PackageStage.None, entries);

    public static PackageInspection Failed(string code, string message, PackageStage stage, IReadOnlyList<PackageEntry> entries) =>
        new(code, message, stage, entries);
}
