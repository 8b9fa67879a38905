namespace GosApi.Sandbox.Infrastructure;

/// <summary>Turns exceptions into the spec's error body {"code","message"} (001 Приложение 4), or a service's own shape (<see cref="IApiErrorFormatter"/>).</summary>
internal sealed class ApiErrorMiddleware(RequestDelegate next, ILogger<ApiErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (ApiException ex)
        {
            await WriteAsync(context, ex.StatusCode, ex.Code, ex.Message);
        }
        catch (BadHttpRequestException ex)
        {
            await WriteAsync(context, ex.StatusCode, "bad_request", ex.Message);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nobody is left to answer.
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Unhandled error for {Method} {Path}", context.Request.Method, context.Request.Path);
            await WriteAsync(context, StatusCodes.Status500InternalServerError, "internal_error", "sandbox internal error: " + ex.Message);
        }
    }

    /// <summary>Writes the error body; <paramref name="headers"/> adds headers such as Retry-After after the response is reset.</summary>
    public static async Task WriteAsync(HttpContext context, int statusCode, string code, string message, Action<IHeaderDictionary>? headers = null)
    {
        if (context.Response.HasStarted)
        {
            context.Abort();
            return;
        }
        context.Response.Clear();
        context.Response.StatusCode = statusCode;
        headers?.Invoke(context.Response.Headers);
        var formatter = context.RequestServices.GetServices<IApiErrorFormatter>().FirstOrDefault(f => f.Handles(context));
        if (formatter is not null)
        {
            await formatter.WriteAsync(context, statusCode, message);
            return;
        }
        await context.Response.WriteAsJsonAsync(new ErrorBody(code, message), SandboxJson.Options);
    }

    private sealed record ErrorBody(string Code, string Message);
}
