using System.Globalization;

namespace GosApi.Sandbox.Infrastructure;

/// <summary>429 with Retry-After when a bearer token goes over its requests-per-minute quota (001 Приложение 3).</summary>
internal sealed class RateLimitingMiddleware(RequestDelegate next, RateLimiter limiter)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (SandboxPaths.IsControl(context.Request.Path) || authorization.Length == 0)
        {
            await next(context);
            return;
        }

        if (!limiter.TryAcquire(authorization, out var retryAfter))
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            await ApiErrorMiddleware.WriteAsync(context, StatusCodes.Status429TooManyRequests, "too_many_requests",
                $"more than the allowed requests per minute for this access token; retry after {seconds} s",
                headers => headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture));
            return;
        }
        await next(context);
    }
}
