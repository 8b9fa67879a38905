using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using GosApi.ElectronicCertificates;
using GosApi.ElectronicCertificates.Models;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.ElectronicCertificate
{
    /// <summary>Polls ec-tasks-status until every task given is completed; outputs each task's final status.</summary>
    [Cmdlet(VerbsLifecycle.Wait, "ElectronicCertificateTask")]
    [OutputType(typeof(ElectronicCertificateTask))]
    public sealed class WaitElectronicCertificateTaskCommand : TaskIdsCmdlet
    {
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int TimeoutSec { get; set; } = 600;

        [Parameter]
        [ValidateRange(1, 3600)]
        public int PollingIntervalSec { get; set; } = 5;

        protected override void Process(IReadOnlyList<string> ids)
        {
            const string activity = "Waiting for ИС ЭС tasks";
            var progress = new SynchronousProgress<TaskWaitProgress>(p => Post(() =>
                WriteProgress(new ProgressRecord(1, activity, $"{p.Completed} of {p.Total} completed" + (p.Pending == null ? "" : $"; {p.Pending.TaskId}: {p.Pending.Status}"))
                {
                    PercentComplete = 100 * p.Completed / Math.Max(1, p.Total),
                    SecondsRemaining = Math.Max(0, TimeoutSec - (int)p.Elapsed.TotalSeconds),
                })));
            try
            {
                TaskWaitOutcome? outcome = null;
                if (!TryRun(() => outcome = Run(ct => Client.WaitAsync(ids, TimeSpan.FromSeconds(TimeoutSec), TimeSpan.FromSeconds(PollingIntervalSec), progress, ct)), null)) return;
                foreach (var task in outcome!.Tasks) WriteObject(task);
                if (outcome.TimedOut)
                {
                    var pending = outcome.Tasks.Where(t => !t.IsCompleted).ToList();
                    ThrowTerminatingError(new ErrorRecord(
                        new TimeoutException($"{pending.Count} of {ids.Count} tasks were not completed within {TimeoutSec} s: " + string.Join(", ", pending.Select(t => t.TaskId + " (" + t.Status + ")"))),
                        "ElectronicCertificate.WaitTimeout", ErrorCategory.OperationTimeout, pending.Select(t => t.TaskId).ToArray())
                    {
                        ErrorDetails = new ErrorDetails($"{pending.Count} of {ids.Count} tasks were not completed within {TimeoutSec} s: " + string.Join(", ", pending.Select(t => t.TaskId + " (" + t.Status + ")")))
                        {
                            RecommendedAction = "Wait again with a larger -TimeoutSec; the statuses reached so far were output.",
                        },
                    });
                }
            }
            finally
            {
                WriteProgress(new ProgressRecord(1, activity, "Done") { RecordType = ProgressRecordType.Completed });
            }
        }
    }
}
