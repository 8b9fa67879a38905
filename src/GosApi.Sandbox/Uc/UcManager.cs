namespace GosApi.Sandbox;

/// <summary>A manager of a УЦ «Основание» partner (External API v2, /api/external/v2/…): sees only its own requests.</summary>
public sealed record UcManager(string Login, string Password);

/// <summary>A file the УЦ routes accepted through request/attach_file (fileType, the fileName sent, decoded size in bytes).</summary>
public sealed record UcAttachment(int FileType, string FileName, long Size);
