using System.Text;
using GosApi.Sandbox.FnsMobileSign.Domain;
using GosApi.Sandbox.Infrastructure;

namespace GosApi.Sandbox.FnsMobileSign.Callbacks;

/// <summary>
/// Background ticker: advances every partner's workflows (so callbacks go out without anyone polling) and delivers
/// due callbacks. A delivery succeeds on HTTP 200; otherwise (or no answer within 10 s) it is tried again 1, 2, 4
/// and 8 sandbox seconds later — 5 tries in all.
/// </summary>
internal sealed class FnsCallbackService(FnsPartnerRegistry registry, FnsWorkflowEngine engine, FnsCallbackQueue queue,
    SandboxClock clock, ILogger<FnsCallbackService> logger) : BackgroundService
{
    public const int MaxAttempts = 5;
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(25);

    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(30) }) { Timeout = Timeout };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var account in registry.Accounts)
                    lock (account.Gate) engine.Advance(account);
                foreach (var callback in queue.TakeDue(clock.Now))
                    _ = DeliverAsync(callback, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "FNS callback ticker failed");
            }
            try { await Task.Delay(Tick, stoppingToken); }
            catch (OperationCanceledException) { break; }
        }
    }

    private async Task DeliverAsync(FnsPendingCallback callback, CancellationToken ct)
    {
        var attempt = callback.Attempts + 1;
        callback.Attempts = attempt;
        var status = 0;
        try
        {
            using var content = new StringContent(callback.Body, Encoding.UTF8, "application/json");
            using var response = await _http.PostAsync(callback.Url, content, ct);
            status = (int)response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            status = 0;
        }
        catch (OperationCanceledException)
        {
            return;
        }
        var now = clock.Now;
        DateTimeOffset? retryAt = status == 200 || attempt >= MaxAttempts ? null : clock.After(now, TimeSpan.FromSeconds(1 << (attempt - 1)));
        queue.Record(callback, new FnsCallbackDelivery(callback.WorkflowId, callback.Url, callback.Body, status, attempt, now), retryAt);
    }

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }
}
