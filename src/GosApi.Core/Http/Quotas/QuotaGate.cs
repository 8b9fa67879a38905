using System;
using System.Threading;
using System.Threading.Tasks;
using GosApi.Diagnostics;

namespace GosApi.Http.Quotas
{
    /// <summary>Passes once a quota counts the item: relays the quota's warnings and waits as long as it says.</summary>
    internal static class QuotaGate
    {
        public delegate TimeSpan? TryCount(DateTimeOffset now, out string? warning);

        public static async Task PassAsync(TryCount tryCount, GosApiService service, CancellationToken cancellationToken)
        {
            while (true)
            {
                var wait = tryCount(DateTimeOffset.UtcNow, out var warning);
                if (warning != null) OperationScope.Warning($"{service}: {warning}");
                if (wait == null) return;
                await Task.Delay(wait.Value, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
