namespace GosApi.Sandbox;

/// <summary>A fault to inject into matching requests. Requests under /sandbox/ are never affected.</summary>
public sealed class FaultRule
{
    /// <summary>Matches requests whose path starts with this prefix (case-insensitive).</summary>
    public string PathPrefix { get; set; } = "/";
    /// <summary>HTTP method to match; null matches any.</summary>
    public string? Method { get; set; }
    public FaultKind Kind { get; set; }
    /// <summary>How many matching requests to affect.</summary>
    public int Count { get; set; } = 1;
    /// <summary>Let this many matching requests pass first.</summary>
    public int SkipFirst { get; set; } = 0;
    /// <summary>For <see cref="FaultKind.Status"/>.</summary>
    public int StatusCode { get; set; } = 503;
    /// <summary>For <see cref="FaultKind.TooManyRequests"/>.</summary>
    public int RetryAfterSeconds { get; set; } = 1;
    /// <summary>For <see cref="FaultKind.Delay"/>: the request is then processed normally.</summary>
    public TimeSpan Delay { get; set; }

    internal FaultRule Copy() => (FaultRule)MemberwiseClone();
}

public enum FaultKind
{
    /// <summary>Answer <see cref="FaultRule.StatusCode"/> with a JSON error body.</summary>
    Status,
    /// <summary>Answer 429 with Retry-After.</summary>
    TooManyRequests,
    /// <summary>Abort the connection after reading part of the request body.</summary>
    ResetConnection,
    /// <summary>Answer 401 as if the access token had expired.</summary>
    ExpireToken,
    /// <summary>Wait <see cref="FaultRule.Delay"/>, then process the request normally.</summary>
    Delay,
    /// <summary>
    /// Process the request normally, then change the response body after it was signed (ИС ЭС routes: "REQUEST_IS_QUEUED"
    /// becomes "REQUEST_IS_ACCEPTED", a JSON answer gets a value changed). Routes that sign nothing ignore it.
    /// </summary>
    TamperBody,
    /// <summary>Process the request normally, then leave out the response's x-jws-signature (ИС ЭС routes; others ignore it).</summary>
    DropSignature,
    /// <summary>
    /// Process the request normally (its effects stay), then abort the connection instead of sending the answer, so
    /// that a client's retry has to rely on the service's idempotency. Works on every route.
    /// </summary>
    LoseResponse,
}
