using System.Management.Automation;
using GosApi.FnsMobileSign.Models;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.FnsMobileSign
{
    /// <summary>GET /api/rb/workflow/{id}/document-scan: the scans a certificate issuing asks for (the signed certificate, a photo).</summary>
    [Cmdlet(VerbsCommon.Get, "FnsDocumentScan")]
    [OutputType(typeof(FnsUploadSlot))]
    public sealed class GetFnsDocumentScanCommand : FnsCmdlet
    {
        /// <summary>The certificate-issuing workflow; a piped FnsWorkflow binds through its Id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        public long[] WorkflowId { get; set; } = new long[0];

        protected override void ProcessRecord()
        {
            foreach (var id in WorkflowId)
                TryRun(() => WriteObject(Run(ct => Client.GetDocumentScansAsync(id, ct)), enumerateCollection: true), id);
        }
    }
}
