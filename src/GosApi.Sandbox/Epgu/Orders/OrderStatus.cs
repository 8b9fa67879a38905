namespace GosApi.Sandbox.Epgu.Orders;

/// <summary>An EPGU order status (statusId and title as in 001's examples).</summary>
internal sealed record OrderStatus(int Id, string Title, bool Final, bool CancelAllowed, bool HasResult)
{
    public static readonly OrderStatus Draft = new(0, "Черновик заявления", false, false, false);
    public static readonly OrderStatus Registered = new(17, "Зарегистрировано на портале", false, false, false);
    public static readonly OrderStatus SentToAgency = new(21, "Заявление отправлено в ведомство", false, false, false);
    public static readonly OrderStatus ReceivedByAgency = new(2, "Заявление получено ведомством", false, true, false);
    public static readonly OrderStatus Completed = new(3, "Исполнено", true, false, true);
    public static readonly OrderStatus SendError = new(24, "Ошибка отправки заявления в ведомство", true, false, false);
    public static readonly OrderStatus Cancelled = new(10, "Заявление отменено", true, false, false);
}

/// <summary>One entry of an order's statuses list; HistoryId is the entry's id (currentStatusHistoryId when last).</summary>
internal sealed record OrderStatusEntry(long HistoryId, OrderStatus Status, DateTimeOffset Date, string Comment);

/// <summary>The processing code and its message at a moment.</summary>
internal sealed record ProcessingState(string Code, string Message, DateTimeOffset Date);

internal sealed record OrderOwner(string ClientId, string OrgOid, string Subject);
