namespace GosApi.Sandbox.Infrastructure;

/// <summary>Applies the first fault rule that fires for the request, before anything else looks at it.</summary>
internal sealed class FaultInjectionMiddleware(RequestDelegate next, FaultInjector faults)
{
    private const int MaxBytesBeforeReset = 64 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        if (SandboxPaths.IsControl(context.Request.Path))
        {
            await next(context);
            return;
        }

        var rule = faults.Match(context.Request.Method, context.Request.Path.Value ?? "/");
        switch (rule?.Kind)
        {
            case null:
                await next(context);
                break;
            case FaultKind.Delay:
                await Task.Delay(rule.Delay, context.RequestAborted);
                await next(context);
                break;
            case FaultKind.TamperBody or FaultKind.DropSignature:
                ResponseFaults.Mark(context, rule.Kind);
                await next(context);
                break;
            case FaultKind.Status:
                await ApiErrorMiddleware.WriteAsync(context, rule.StatusCode,
                    rule.StatusCode == StatusCodes.Status500InternalServerError ? "internal_error" : "sandbox_fault",
                    $"injected fault: HTTP {rule.StatusCode}");
                break;
            case FaultKind.TooManyRequests:
                await ApiErrorMiddleware.WriteAsync(context, StatusCodes.Status429TooManyRequests, "too_many_requests",
                    $"injected fault: too many requests, retry after {rule.RetryAfterSeconds} s",
                    headers => headers.RetryAfter = rule.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
            case FaultKind.ExpireToken:
                await Unauthorized.WriteAsync(context, "access token expired (injected fault)", expired: true);
                break;
            case FaultKind.LoseResponse:
                await LoseResponseAsync(context);
                break;
            case FaultKind.ResetConnection:
                await ReadPartOfBodyAsync(context);
                RequestRecordingMiddleware.Abort(context);
                break;
        }
    }

    /// <summary>Runs the request with the answer going nowhere, then drops the connection before anything is sent.</summary>
    private async Task LoseResponseAsync(HttpContext context)
    {
        var original = context.Response.Body;
        context.Response.Body = Stream.Null;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
            RequestRecordingMiddleware.Abort(context);
        }
    }

    /// <summary>Reads about half the body (at most 64 KiB) so the client is mid-upload when the connection drops.</summary>
    private static async Task ReadPartOfBodyAsync(HttpContext context)
    {
        var length = context.Request.ContentLength;
        long toRead = length is > 0 ? Math.Clamp(length.Value / 2, 1, MaxBytesBeforeReset) : MaxBytesBeforeReset;
        if (length == 0) return;
        var buffer = new byte[8192];
        try
        {
            while (toRead > 0)
            {
                var read = await context.Request.Body.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, toRead)), context.RequestAborted);
                if (read == 0) break;
                toRead -= read;
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or BadHttpRequestException)
        {
            // The client may already be gone; the reset happens either way.
        }
    }
}
