namespace GosApi.Sandbox.Epgu.Files;

/// <summary>
/// A downloadable file of an order. Downloads address it as /api/storage/v2/files/{ObjectId}/{ObjectType}/download?mnemonic={Mnemonic};
/// the order JSON carries it as link terrabyte://00/{ObjectId}/{Mnemonic}/{ObjectType}.
/// </summary>
internal sealed record ResultFile(long ObjectId, int ObjectType, string Mnemonic, string FileName, string MimeType, byte[] Content)
{
    /// <summary>objectType of the agency's result files (001 §4).</summary>
    public const int ResultType = 3;

    /// <summary>objectType of the files the applicant sent (001's example link …/req.xml/2).</summary>
    public const int AttachmentType = 2;

    public string Link => $"terrabyte://00/{ObjectId}/{Mnemonic}/{ObjectType}";
}
