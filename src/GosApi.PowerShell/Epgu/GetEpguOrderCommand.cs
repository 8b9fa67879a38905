using System.Management.Automation;
using GosApi.Epgu.Models;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.Epgu
{
    /// <summary>POST /api/gusmev/order/{orderId}: the order's processing code, statuses and files.</summary>
    [Cmdlet(VerbsCommon.Get, "EpguOrder")]
    [OutputType(typeof(EpguOrderDetails))]
    public sealed class GetEpguOrderCommand : EpguCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        public long[] OrderId { get; set; } = new long[0];

        protected override void ProcessRecord()
        {
            foreach (var id in OrderId)
                TryRun(() => WriteObject(Run(ct => Client.GetOrderAsync(id, ct))), id);
        }
    }
}
