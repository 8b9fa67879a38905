using System.Collections.Concurrent;
using GosApi.Sandbox.Infrastructure;

namespace GosApi.Sandbox.Epgu.Orders;

/// <summary>All orders of this sandbox, with the id sequences for orders and status history entries.</summary>
internal sealed class OrderStore(SandboxClock clock)
{
    private readonly ConcurrentDictionary<long, Order> _orders = new();
    private long _lastOrderId = 764_255_247;
    private long _lastHistoryId = 6_268_157_767;

    public Order Create(OrderOwner owner, OrderMeta meta, EpguService service)
    {
        var order = new Order(Interlocked.Increment(ref _lastOrderId), owner, meta, service, clock.Now,
            () => Interlocked.Increment(ref _lastHistoryId));
        _orders[order.Id] = order;
        return order;
    }

    public Order? Find(long orderId) => _orders.GetValueOrDefault(orderId);

    public IEnumerable<Order> All => _orders.Values;

    /// <summary>The order one of whose status entries has this id (result files hang off the status entry).</summary>
    public (Order Order, OrderSnapshot Snapshot)? FindByHistoryId(long historyId)
    {
        foreach (var order in _orders.Values)
        {
            var snapshot = order.Snapshot(clock.Now);
            if (snapshot.History.Any(h => h.HistoryId == historyId)) return (order, snapshot);
        }
        return null;
    }
}
