namespace GosApi.Sandbox;

/// <summary>
/// One request the sandbox saw. StatusCode 0 means the connection was aborted (FaultKind.ResetConnection or a client abort).
/// RequestBodyLength is the Content-Length, or the bytes actually read when the body had no length; null without a body.
/// </summary>
public sealed record RecordedRequest(
    DateTimeOffset Time,
    string Method,
    string Path,
    string? Query,
    int StatusCode,
    IReadOnlyDictionary<string, string> Headers,
    long? RequestBodyLength);
