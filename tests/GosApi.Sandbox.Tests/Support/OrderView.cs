namespace GosApi.Sandbox.Tests.Support;

/// <summary>The answer of POST /api/gusmev/order/{orderId} with the escaped order JSON parsed.</summary>
internal sealed record OrderView(string Code, string? Message, JsonElement Order)
{
    public int StatusId => Order.GetProperty("orderStatusId").GetInt32();
    public bool Closed => Order.GetProperty("closed").GetBoolean();
    public long CurrentStatusHistoryId => Order.GetProperty("currentStatusHistoryId").GetInt64();
    public int[] StatusIds => Order.GetProperty("statuses").EnumerateArray().Select(s => s.GetProperty("statusId").GetInt32()).ToArray();
    public JsonElement[] Statuses => Order.GetProperty("statuses").EnumerateArray().ToArray();
    public JsonElement[] ResponseFiles => Order.GetProperty("orderResponseFiles").EnumerateArray().ToArray();
    public JsonElement[] AttachmentFiles => Order.GetProperty("orderAttachmentFiles").EnumerateArray().ToArray();
}
