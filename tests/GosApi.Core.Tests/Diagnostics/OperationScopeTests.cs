using GosApi.Core.Tests.Http;
using GosApi.Diagnostics;
using Xunit;

namespace GosApi.Core.Tests.Diagnostics;

public class OperationScopeTests
{
    [Fact]
    public async Task Messages_from_background_work_reach_the_operations_reporter()
    {
        var reporter = new RecordingReporter();
        using (OperationScope.Begin(reporter))
        {
            await Task.Run(() => OperationScope.Debug("from Task.Run"));
            await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
            {
                await Task.Yield();
                OperationScope.Verbose("worker " + i);
            })));
            OperationScope.Warning("on the caller");
        }

        Assert.Equal(new[] { "from Task.Run" }, reporter.Of("debug"));
        Assert.Equal(Enumerable.Range(0, 8).Select(i => "worker " + i).OrderBy(s => s), reporter.Of("verbose").OrderBy(s => s));
        Assert.Equal(new[] { "on the caller" }, reporter.Of("warning"));
    }

    [Fact]
    public void Messages_are_scrubbed_of_registered_secrets()
    {
        var secret = Guid.NewGuid().ToString("N");
        SecretScrubber.Register(secret);
        var reporter = new RecordingReporter();
        try
        {
            using (OperationScope.Begin(reporter))
            {
                OperationScope.Debug($"Authorization: Bearer {secret}");
                OperationScope.Verbose($"token {secret}");
                OperationScope.Warning($"{secret}!");
            }
        }
        finally
        {
            SecretScrubber.Unregister(secret);
        }

        Assert.Equal(new[] { "Authorization: Bearer ***", "token ***", "***!" }, reporter.All);
    }

    [Fact]
    public void Disposing_a_scope_restores_the_previous_reporter()
    {
        var outer = new RecordingReporter();
        var inner = new RecordingReporter();

        OperationScope.Debug("before any scope"); // goes nowhere, and does not throw
        using (OperationScope.Begin(outer))
        {
            OperationScope.Debug("outer 1");
            using (OperationScope.Begin(inner))
            {
                OperationScope.Debug("inner");
            }
            OperationScope.Debug("outer 2");
        }
        OperationScope.Debug("after");

        Assert.Equal(new[] { "outer 1", "outer 2" }, outer.All);
        Assert.Equal(new[] { "inner" }, inner.All);
    }

    [Fact]
    public async Task Parallel_operations_keep_their_own_reporters()
    {
        var reporters = Enumerable.Range(0, 6).Select(_ => new RecordingReporter()).ToArray();
        using var gate = new Barrier(reporters.Length);

        await Task.WhenAll(reporters.Select((reporter, i) => Task.Run(async () =>
        {
            using (OperationScope.Begin(reporter))
            {
                gate.SignalAndWait(TimeSpan.FromSeconds(10));
                for (var n = 0; n < 20; n++)
                {
                    OperationScope.Debug($"op {i} #{n}");
                    await Task.Yield();
                }
            }
        })));

        for (var i = 0; i < reporters.Length; i++)
        {
            Assert.Equal(20, reporters[i].All.Count);
            Assert.All(reporters[i].All, m => Assert.StartsWith($"op {i} #", m));
        }
    }

    [Fact]
    public async Task A_scope_begun_inside_async_work_does_not_leak_to_the_caller()
    {
        var outer = new RecordingReporter();
        var inner = new RecordingReporter();
        using (OperationScope.Begin(outer))
        {
            await Task.Run(() =>
            {
                // never disposed: the AsyncLocal change stays in the child's context
                OperationScope.Begin(inner);
                OperationScope.Debug("child");
            });
            OperationScope.Debug("parent");
        }

        Assert.Equal(new[] { "child" }, inner.All);
        Assert.Equal(new[] { "parent" }, outer.All);
    }
}
