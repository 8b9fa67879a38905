using System;
using System.Management.Automation;
using GosApi.FnsMobileSign.Models;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.FnsMobileSign
{
    /// <summary>Polls a workflow until complete, rejected or error; outputs its final state.</summary>
    [Cmdlet(VerbsLifecycle.Wait, "FnsWorkflow")]
    [OutputType(typeof(FnsWorkflow))]
    public sealed class WaitFnsWorkflowCommand : FnsCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("WorkflowId")]
        public long Id { get; set; }

        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int TimeoutSec { get; set; } = 1800;

        [Parameter]
        [ValidateRange(1, 3600)]
        public int PollingIntervalSec { get; set; } = 5;

        protected override void ProcessRecord()
        {
            var activity = $"Waiting for workflow {Id}";
            var progress = new SynchronousProgress<FnsWorkflow>(w => Post(() => WriteProgress(new ProgressRecord(1, activity, w.StateDisplay ?? w.StateName ?? "?"))));
            try
            {
                TryRun(() =>
                {
                    var (workflow, timedOut) = Run(ct => Client.WaitAsync(Id, TimeSpan.FromSeconds(TimeoutSec), TimeSpan.FromSeconds(PollingIntervalSec), progress, ct));
                    WriteObject(workflow);
                    if (timedOut)
                    {
                        WriteError(new ErrorRecord(new TimeoutException($"Workflow {Id} is still {workflow.StateName} after {TimeoutSec} s."), "FnsMobileSign.WaitTimeout", ErrorCategory.OperationTimeout, Id)
                        {
                            ErrorDetails = new ErrorDetails($"Workflow {Id} is still {workflow.StateName} ({workflow.StateDisplay}) after {TimeoutSec} s.") { RecommendedAction = "Wait again with a larger -TimeoutSec." },
                        });
                    }
                }, Id);
            }
            finally
            {
                WriteProgress(new ProgressRecord(1, activity, "Done") { RecordType = ProgressRecordType.Completed });
            }
        }
    }
}
