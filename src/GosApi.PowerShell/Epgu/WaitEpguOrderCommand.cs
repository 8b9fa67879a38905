using System;
using System.Management.Automation;
using GosApi.Epgu.Models;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.Epgu
{
    /// <summary>Polls an order with backoff until its status is final or the timeout passes.</summary>
    [Cmdlet(VerbsLifecycle.Wait, "EpguOrder")]
    [OutputType(typeof(EpguOrderDetails))]
    public sealed class WaitEpguOrderCommand : EpguCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        public long OrderId { get; set; }

        /// <summary>Seconds to wait in all.</summary>
        [Parameter]
        [Alias("TimeoutSec")]
        [ValidateRange(1, int.MaxValue)]
        public int Timeout { get; set; } = 600;

        /// <summary>Seconds before the first re-poll; grows by half each time up to MaxPollIntervalSec.</summary>
        [Parameter]
        [ValidateRange(0.05, 3600)]
        public double PollIntervalSec { get; set; } = 2;

        [Parameter]
        [ValidateRange(0.05, 3600)]
        public double MaxPollIntervalSec { get; set; } = 30;

        protected override void ProcessRecord()
        {
            var activity = $"Waiting for EPGU order {OrderId}";
            var started = DateTime.UtcNow;
            var progress = new SynchronousProgress<EpguOrderDetails>(d => Post(() =>
                WriteProgress(new ProgressRecord(1, activity, d.ToString())
                {
                    SecondsRemaining = Math.Max(0, Timeout - (int)(DateTime.UtcNow - started).TotalSeconds),
                })));
            try
            {
                TryRun(() => WriteObject(Run(ct => Client.WaitForFinalStatusAsync(OrderId, TimeSpan.FromSeconds(Timeout),
                    TimeSpan.FromSeconds(PollIntervalSec), TimeSpan.FromSeconds(Math.Max(PollIntervalSec, MaxPollIntervalSec)), progress, ct))), OrderId);
            }
            finally
            {
                WriteProgress(new ProgressRecord(1, activity, "Done") { RecordType = ProgressRecordType.Completed });
            }
        }
    }
}
