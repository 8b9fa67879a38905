using GosApi.Sandbox.Epgu.Packages;

namespace GosApi.Sandbox.Epgu.Orders;

/// <summary>An immutable view of an order at a moment.</summary>
internal sealed record OrderSnapshot(
    long Id,
    OrderOwner Owner,
    OrderMeta Meta,
    EpguService Service,
    DateTimeOffset CreatedAt,
    IReadOnlyList<OrderStatusEntry> History,
    ProcessingState Processing,
    ReceivedPackage? Package)
{
    public OrderStatusEntry Current => History[^1];
    public DateTimeOffset Updated => Current.Date > Processing.Date ? Current.Date : Processing.Date;
}

/// <summary>
/// An EPGU order. Its future is planned when the archive arrives (<see cref="OrderTimeline"/>) and revealed lazily:
/// every read first applies the steps that are due, so no background timers run.
/// </summary>
internal sealed class Order
{
    private readonly object _gate = new();
    private readonly Func<long> _nextHistoryId;
    private readonly List<OrderStatusEntry> _history = new();
    private readonly List<ProcessingStep> _pendingProcessing = new();
    private readonly List<StatusStep> _pendingStatuses = new();
    private ProcessingState _processing;
    private ReceivedPackage? _package;

    public Order(long id, OrderOwner owner, OrderMeta meta, EpguService service, DateTimeOffset createdAt, Func<long> nextHistoryId)
    {
        Id = id;
        Owner = owner;
        Meta = meta;
        Service = service;
        CreatedAt = createdAt;
        _nextHistoryId = nextHistoryId;
        _history.Add(new OrderStatusEntry(nextHistoryId(), OrderStatus.Draft, createdAt, ""));
        _processing = new ProcessingState(ProcessingCodes.New, "Заявление создано, ожидается архив заявления", createdAt);
    }

    public long Id { get; }
    public OrderOwner Owner { get; }
    public OrderMeta Meta { get; }
    public EpguService Service { get; }
    public DateTimeOffset CreatedAt { get; }

    public bool HasPackage
    {
        get { lock (_gate) return _package is not null; }
    }

    public OrderSnapshot Snapshot(DateTimeOffset now)
    {
        lock (_gate)
        {
            Advance(now);
            return new OrderSnapshot(Id, Owner, Meta, Service, CreatedAt, _history.ToArray(), _processing, _package);
        }
    }

    /// <summary>Records the archive and plans the rest of the order's life.</summary>
    public void AttachPackage(ReceivedPackage package, OrderTimeline timeline)
    {
        lock (_gate)
        {
            if (_package is not null) throw new InvalidOperationException($"order {Id} already has an archive");
            _package = package;
            _pendingProcessing.AddRange(timeline.Processing);
            _pendingStatuses.AddRange(timeline.Statuses);
        }
    }

    /// <summary>Cancels when the current status allows it; returns the status that forbade it otherwise.</summary>
    public OrderStatusEntry? TryCancel(DateTimeOffset now, string? reason)
    {
        lock (_gate)
        {
            Advance(now);
            var current = _history[^1];
            if (!current.Status.CancelAllowed) return current;
            _pendingStatuses.Clear();
            var date = now > current.Date ? now : current.Date;
            _history.Add(new OrderStatusEntry(_nextHistoryId(), OrderStatus.Cancelled, date, reason ?? "Заявление отменено заявителем"));
            return null;
        }
    }

    private void Advance(DateTimeOffset now)
    {
        foreach (var step in TakeDue(_pendingProcessing, s => s.DueAt, now))
            _processing = new ProcessingState(step.Code, step.Message, step.DueAt);
        foreach (var step in TakeDue(_pendingStatuses, s => s.DueAt, now))
            _history.Add(new OrderStatusEntry(_nextHistoryId(), step.Status, step.DueAt, step.Comment));
    }

    private static List<T> TakeDue<T>(List<T> pending, Func<T, DateTimeOffset> dueAt, DateTimeOffset now)
    {
        var due = pending.Where(s => dueAt(s) <= now).OrderBy(dueAt).ToList();
        pending.RemoveAll(s => dueAt(s) <= now);
        return due;
    }
}
