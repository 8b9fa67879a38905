using System.Management.Automation;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.Epgu
{
    /// <summary>POST /api/gusmev/order/{orderId}/cancel: cancels an order whose current status allows it.</summary>
    [Cmdlet(VerbsLifecycle.Stop, "EpguOrder", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class StopEpguOrderCommand : EpguCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        public long OrderId { get; set; }

        /// <summary>Why the order is cancelled; later contours require it. Defaults to the session's CancelReason.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Reason { get; set; }

        protected override void ProcessRecord()
        {
            if (!ShouldProcess($"EPGU order {OrderId}", "Cancel")) return;
            TryRun(() => Run(ct => Client.CancelOrderAsync(OrderId, Reason, ct)), OrderId);
        }
    }
}
