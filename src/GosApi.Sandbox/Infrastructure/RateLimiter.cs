using System.Collections.Concurrent;

namespace GosApi.Sandbox.Infrastructure;

/// <summary>Sliding one-minute window per key (the access token): at most N requests in any 60 seconds.</summary>
internal sealed class RateLimiter(int perMinute, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _windows = new();

    public bool TryAcquire(string key, out TimeSpan retryAfter)
    {
        var now = time.GetUtcNow();
        var window = _windows.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
        lock (window)
        {
            while (window.Count > 0 && window.Peek() <= now - Window) window.Dequeue();
            if (window.Count >= perMinute)
            {
                retryAfter = window.Peek() + Window - now;
                return false;
            }
            window.Enqueue(now);
            retryAfter = TimeSpan.Zero;
            return true;
        }
    }
}
