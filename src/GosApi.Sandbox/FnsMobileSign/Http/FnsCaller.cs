using GosApi.Sandbox.FnsMobileSign.Domain;

namespace GosApi.Sandbox.FnsMobileSign.Http;

/// <summary>Who calls: the partner's technical account, or one of its agents (then <see cref="Agent"/> is set).</summary>
internal sealed record FnsCaller(FnsAccount Account, FnsAgent? Agent)
{
    private static readonly object Key = new();

    public void Attach(HttpContext context) => context.Items[Key] = this;

    public static FnsCaller Of(HttpContext context) =>
        context.Items.TryGetValue(Key, out var value) && value is FnsCaller caller ? caller : throw FnsException.Unauthorized();
}
