namespace GosApi.Sandbox.Infrastructure;

/// <summary>An error answer {"code","message"} with an HTTP status; thrown by handlers, written by <see cref="ApiErrorMiddleware"/>.</summary>
internal sealed class ApiException(int statusCode, string code, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
    public string Code { get; } = code;

    public static ApiException BadRequest(string message) => new(StatusCodes.Status400BadRequest, "bad_request", message);
}
