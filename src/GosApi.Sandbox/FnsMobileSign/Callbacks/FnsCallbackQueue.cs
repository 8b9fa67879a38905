using System.Text.Json.Nodes;

namespace GosApi.Sandbox.FnsMobileSign.Callbacks;

/// <summary>A callback to deliver: the body is fixed when the event happens.</summary>
internal sealed class FnsPendingCallback(long workflowId, string url, string body, DateTimeOffset due)
{
    public long WorkflowId { get; } = workflowId;
    public string Url { get; } = url;
    public string Body { get; } = body;
    public DateTimeOffset Due { get; set; } = due;
    public int Attempts { get; set; }
    public bool InFlight { get; set; }
}

/// <summary>Callbacks waiting for (re)delivery, and the record of every attempt.</summary>
internal sealed class FnsCallbackQueue
{
    private readonly object _gate = new();
    private readonly List<FnsPendingCallback> _pending = new();
    private readonly List<FnsCallbackDelivery> _deliveries = new();

    public void Enqueue(long workflowId, string url, JsonObject body, DateTimeOffset now)
    {
        lock (_gate) _pending.Add(new FnsPendingCallback(workflowId, url, body.ToJsonString(FnsJson.Options), now));
    }

    /// <summary>Callbacks due now, marked in flight.</summary>
    public IReadOnlyList<FnsPendingCallback> TakeDue(DateTimeOffset now)
    {
        lock (_gate)
        {
            var due = _pending.Where(p => !p.InFlight && p.Due <= now).ToList();
            foreach (var p in due) p.InFlight = true;
            return due;
        }
    }

    public void Record(FnsPendingCallback callback, FnsCallbackDelivery delivery, DateTimeOffset? retryAt)
    {
        lock (_gate)
        {
            _deliveries.Add(delivery);
            callback.InFlight = false;
            if (retryAt is { } at) callback.Due = at;
            else _pending.Remove(callback);
        }
    }

    public IReadOnlyList<FnsCallbackDelivery> Deliveries
    {
        get { lock (_gate) return _deliveries.ToArray(); }
    }
}
