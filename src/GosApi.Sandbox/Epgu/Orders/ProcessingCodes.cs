namespace GosApi.Sandbox.Epgu.Orders;

/// <summary>Processing codes of 001 Приложение 1 (the "code" of POST /api/gusmev/order/{orderId}).</summary>
internal static class ProcessingCodes
{
    public const string New = "NEW";
    public const string Validation = "VALIDATION";
    public const string FilesVerification = "FILES_VERIFICATION";
    public const string FilesVerificationSuccess = "FILES_VERIFICATION_SUCCESS";
    public const string Done = "DONE";
    public const string LimitationException = "LIMITATION_EXCEPTION";
    public const string InvalidFilesStructure = "INVALID_FILES_STRUCTURE";
    public const string ValidationError = "VALIDATION_ERROR";
    public const string ReqNotFound = "REQ_NOT_FOUND";
    public const string MpcNotFound = "MPC_NOT_FOUND";
    public const string ReqVerifyFailed = "REQ_VERIFY_FAILED";
    public const string FilesVerificationFailed = "FILES_VERIFICATION_FAILED";
    public const string Retry = "RETRY";
    public const string InternalError = "INTERNAL_ERROR";
}
