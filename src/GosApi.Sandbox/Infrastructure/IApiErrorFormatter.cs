namespace GosApi.Sandbox.Infrastructure;

/// <summary>
/// Lets a service answer the generic errors (injected faults, unhandled exceptions) in its own error shape;
/// <see cref="ApiErrorMiddleware.WriteAsync"/> asks the registered formatters before writing the EPGU {"code","message"} body.
/// </summary>
internal interface IApiErrorFormatter
{
    bool Handles(HttpContext context);

    Task WriteAsync(HttpContext context, int statusCode, string message);
}
