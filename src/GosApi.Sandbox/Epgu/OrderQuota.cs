using System.Collections.Concurrent;

namespace GosApi.Sandbox.Epgu;

/// <summary>Orders per user per serviceCode in any 10 minutes (001 Приложение 3), real time.</summary>
internal sealed class OrderQuota(SandboxOptions options, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<(string User, string ServiceCode), Queue<DateTimeOffset>> _windows = new();

    /// <summary>Counts one order or throws limitation_exception (409).</summary>
    public void Consume(string user, string serviceCode)
    {
        var now = time.GetUtcNow();
        var window = _windows.GetOrAdd((user, serviceCode), _ => new Queue<DateTimeOffset>());
        lock (window)
        {
            while (window.Count > 0 && window.Peek() <= now - Window) window.Dequeue();
            if (window.Count >= options.OrdersPerTenMinutes)
            {
                var freeAt = window.Peek() + Window;
                throw EpguErrors.Limitation(
                    $"Превышение установленных ограничений: at most {options.OrdersPerTenMinutes} orders per 10 minutes for service {serviceCode} per user; next one allowed at {freeAt:yyyy-MM-ddTHH:mm:ssZ}");
            }
            window.Enqueue(now);
        }
    }
}
