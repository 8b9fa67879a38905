namespace GosApi.Sandbox.Infrastructure;

/// <summary>
/// Real time plus a compression factor for simulated durations: a step that "takes" 60 sandbox seconds
/// happens one real second later at ClockSpeed 60. Dates reported to clients are real UTC times.
/// </summary>
internal sealed class SandboxClock(TimeProvider time, double speed)
{
    public DateTimeOffset Now => time.GetUtcNow();

    public DateTimeOffset After(DateTimeOffset from, TimeSpan sandboxDuration) =>
        from + TimeSpan.FromTicks((long)(sandboxDuration.Ticks / speed));
}
