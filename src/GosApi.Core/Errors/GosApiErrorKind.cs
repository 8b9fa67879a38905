namespace GosApi.Errors
{
    /// <summary>What kind of failure an error is; the cmdlet layer maps it to an ErrorCategory.</summary>
    public enum GosApiErrorKind
    {
        Unknown,
        InvalidRequest,
        Authentication,
        PermissionDenied,
        NotFound,
        Conflict,
        NotAllowedInCurrentState,
        LimitExceeded,
        ServiceUnavailable,
        ServerError,
        Transport,
        Timeout,
        InvalidResponse,
        Security,
    }
}
