using System.Text.Json;
using GosApi.Sandbox.ElectronicCertificates.Domain;
using GosApi.Sandbox.Infrastructure;

namespace GosApi.Sandbox.Tests.ElectronicCertificates;

/// <summary>Task statuses at exact sandbox times (design notes: 30, 60, 120, 180 s).</summary>
public sealed class EcTaskTimelineTests
{
    private sealed class ManualTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Theory]
    [InlineData(0, "requestIsQueued")]
    [InlineData(29.9, "requestIsQueued")]
    [InlineData(30, "requestIsAcceptedBySmev")]
    [InlineData(59.9, "requestIsAcceptedBySmev")]
    [InlineData(60, "underProcessing")]
    [InlineData(119.9, "underProcessing")]
    [InlineData(120, "responseIsAcceptedBySmev")]
    [InlineData(179.9, "responseIsAcceptedBySmev")]
    [InlineData(180, "taskIsExecuted")]
    [InlineData(100000, "taskIsExecuted")]
    public void Status_at_sandbox_seconds_after_the_request(double sandboxSeconds, string expected)
    {
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var time = new ManualTime(start);
        var timeline = new EcTaskTimeline(new SandboxClock(time, speed: 10));
        var task = new EcTask(Guid.NewGuid().ToString(), "ec_create", start, JsonDocument.Parse("[]").RootElement);
        Assert.Equal(expected, timeline.StatusAt(task, start + TimeSpan.FromSeconds(sandboxSeconds / 10)));
        Assert.Equal(start + TimeSpan.FromSeconds(18), timeline.ExecutesAt(task));
    }
}
