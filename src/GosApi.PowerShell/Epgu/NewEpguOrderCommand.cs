using System.Management.Automation;
using GosApi.Epgu.Models;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.Epgu
{
    /// <summary>POST /api/gusmev/order: creates an order whose number goes into the request XML before the archive is sent.</summary>
    [Cmdlet(VerbsCommon.New, "EpguOrder", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(EpguOrder))]
    public sealed class NewEpguOrderCommand : EpguCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public string ServiceCode { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        public string TargetCode { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
        public string Region { get; set; } = string.Empty;

        protected override void ProcessRecord()
        {
            var request = new EpguOrderRequest(ServiceCode, TargetCode, Region);
            TryRun(() =>
            {
                request.Validate();
                if (!ShouldProcess($"{request} at {ActiveSession.BaseUri}", "Create EPGU order")) return;
                WriteObject(Run(ct => Client.CreateOrderAsync(request, ct)));
            }, request);
        }
    }
}
