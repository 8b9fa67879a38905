using GosApi.Sandbox.Infrastructure;

namespace GosApi.Sandbox.ElectronicCertificates.Domain;

/// <summary>
/// Task statuses on the sandbox clock: requestIsQueued, then requestIsAcceptedBySmev (30 s), underProcessing (60 s),
/// responseIsAcceptedBySmev (120 s), taskIsExecuted (180 s), all sandbox seconds after the request.
/// </summary>
internal sealed class EcTaskTimeline(SandboxClock clock)
{
    public const string Executed = "taskIsExecuted";

    private static readonly (int Seconds, string Status)[] Steps =
    [
        (180, Executed),
        (120, "responseIsAcceptedBySmev"),
        (60, "underProcessing"),
        (30, "requestIsAcceptedBySmev"),
    ];

    public DateTimeOffset Now => clock.Now;

    public string StatusAt(EcTask task, DateTimeOffset now)
    {
        foreach (var (seconds, status) in Steps)
        {
            if (now >= clock.After(task.CreatedAt, TimeSpan.FromSeconds(seconds))) return status;
        }
        return "requestIsQueued";
    }

    public DateTimeOffset ExecutesAt(EcTask task) => clock.After(task.CreatedAt, TimeSpan.FromSeconds(Steps[0].Seconds));
}
