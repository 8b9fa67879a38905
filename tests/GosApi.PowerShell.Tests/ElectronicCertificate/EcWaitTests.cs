using GosApi.PowerShell.Tests.Infrastructure;
using static GosApi.PowerShell.Tests.ElectronicCertificate.EcScripts;

namespace GosApi.PowerShell.Tests.ElectronicCertificate;

/// <summary>With a real-time sandbox clock tasks stay pending: waiting times out and results are not ready.</summary>
public sealed class EcWaitTests : IClassFixture<SlowEcFixture>
{
    private readonly SlowEcFixture fx;

    public EcWaitTests(SlowEcFixture fx) => this.fx = fx;

    [Fact]
    public void A_wait_that_times_out_outputs_the_statuses_reached_and_names_the_pending_task()
    {
        var result = fx.Engine.Invoke(Helpers + "$sent = New-Row | New-ElectronicCertificate; $sent.TaskId; $sent | Wait-ElectronicCertificateTask -TimeoutSec 1 -PollingIntervalSec 1");
        var taskId = result.Output[0].ToString();
        var task = result.Single("GosApi.ElectronicCertificates.Models.ElectronicCertificateTask");
        Assert.Equal(taskId, task.Get<string>("TaskId"));
        Assert.False(task.Get<bool>("IsCompleted"));
        var error = Assert.Single(result.AllErrors);
        Assert.StartsWith("ElectronicCertificate.WaitTimeout", error.FullyQualifiedErrorId);
        Assert.Contains(taskId, error.ErrorDetails!.Message);
        Assert.Contains(result.Progress, p => p.Activity.Contains("Waiting", StringComparison.Ordinal));
    }

    [Fact]
    public void Results_of_a_task_still_running_are_not_ready()
    {
        var result = fx.Engine.Invoke(Helpers + "New-Row | New-ElectronicCertificate | Receive-ElectronicCertificateTaskResult");
        Assert.Empty(result.Output.OfType("GosApi.ElectronicCertificates.Models.ElectronicCertificateTaskResult"));
        var error = Assert.Single(result.AllErrors);
        Assert.StartsWith("ElectronicCertificate.TaskResultNotReady", error.FullyQualifiedErrorId);
        Assert.Contains("requestIsQueued", error.Exception.Message);
    }
}
