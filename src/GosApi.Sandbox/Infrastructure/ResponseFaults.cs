namespace GosApi.Sandbox.Infrastructure;

/// <summary>
/// Faults that let the request be processed and then spoil the answer (<see cref="FaultKind.TamperBody"/>,
/// <see cref="FaultKind.DropSignature"/>): the fault middleware marks the request, the service's response writer applies them.
/// </summary>
internal static class ResponseFaults
{
    private static readonly object Key = new();

    public static void Mark(HttpContext context, FaultKind kind) => context.Items[Key] = kind;

    public static bool Has(HttpContext context, FaultKind kind) => context.Items.TryGetValue(Key, out var value) && value is FaultKind k && k == kind;
}
