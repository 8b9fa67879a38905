using System.Management.Automation;
using GosApi.FnsMobileSign;
using GosApi.FnsMobileSign.Models;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.FnsMobileSign
{
    /// <summary>Parses a callback body (JSON) into a workflow object, e.g. in a web endpoint that receives the service's POSTs.</summary>
    [Cmdlet(VerbsData.ConvertFrom, "FnsCallback")]
    [OutputType(typeof(FnsWorkflow))]
    public sealed class ConvertFromFnsCallbackCommand : GosApiCmdlet
    {
        protected override GosApiService Service => GosApiService.FnsMobileSign;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [AllowEmptyString]
        public string InputObject { get; set; } = null!;

        protected override void ProcessRecord() => TryRun(() => WriteObject(FnsCallbacks.Parse(InputObject)), null);
    }
}
