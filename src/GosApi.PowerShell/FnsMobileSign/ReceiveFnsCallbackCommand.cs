using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using GosApi.FnsMobileSign;
using GosApi.FnsMobileSign.Models;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.FnsMobileSign
{
    /// <summary>
    /// Listens on a local HTTP prefix for the service's callbacks and outputs each as a workflow, until -Count
    /// callbacks, every -WorkflowId final, or -TimeoutSec.
    /// </summary>
    [Cmdlet(VerbsCommunications.Receive, "FnsCallback")]
    [OutputType(typeof(FnsWorkflow))]
    public sealed class ReceiveFnsCallbackCommand : GosApiCmdlet
    {
        protected override GosApiService Service => GosApiService.FnsMobileSign;

        [Parameter(Mandatory = true, Position = 0)]
        public string Prefix { get; set; } = null!;

        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int TimeoutSec { get; set; } = 600;

        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int Count { get; set; } = int.MaxValue;

        /// <summary>Stop once each of these workflows has reported a final state; other callbacks are still output.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        public long[]? WorkflowId { get; set; }

        private readonly HashSet<long> waitingFor = new HashSet<long>();

        protected override void ProcessRecord()
        {
            if (WorkflowId != null) foreach (var id in WorkflowId) waitingFor.Add(id);
        }

        protected override void EndProcessing()
        {
            var received = 0;
            var filtered = waitingFor.Count > 0;
            try
            {
                using var listener = new FnsCallbackListener(Prefix);
                WriteVerbose($"Listening for callbacks on {listener.Prefix} for {TimeoutSec} s.");
                var deadline = DateTime.UtcNow.AddSeconds(TimeoutSec);
                while (received < Count && (!filtered || waitingFor.Count > 0))
                {
                    var left = deadline - DateTime.UtcNow;
                    if (left <= TimeSpan.Zero) break;
                    var callback = Run(async ct =>
                    {
                        using var window = CancellationTokenSource.CreateLinkedTokenSource(ct);
                        window.CancelAfter(left);
                        return await listener.ReceiveAsync(window.Token).ConfigureAwait(false);
                    });
                    if (callback == null) break;
                    received++;
                    if (callback.IsFinal) waitingFor.Remove(callback.Id);
                    WriteObject(callback);
                }
            }
            catch (Exception ex) when (IsReportable(ex))
            {
                Terminate(ex, Prefix);
            }
            if (filtered && waitingFor.Count > 0)
                WriteError(new ErrorRecord(new TimeoutException($"No final callback within {TimeoutSec} s for workflows {string.Join(", ", waitingFor)}."),
                    "FnsMobileSign.WaitTimeout", ErrorCategory.OperationTimeout, waitingFor.ToArray()));
        }
    }
}
