using System.Management.Automation;
using GosApi.FnsMobileSign.Models;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.FnsMobileSign
{
    /// <summary>GET /api/rb/workflow/{id}/confirmation-document: the confirmation documents a registration asks for.</summary>
    [Cmdlet(VerbsCommon.Get, "FnsConfirmationDocument")]
    [OutputType(typeof(FnsUploadSlot))]
    public sealed class GetFnsConfirmationDocumentCommand : FnsCmdlet
    {
        /// <summary>The registration workflow; a piped FnsWorkflow binds through its Id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        public long[] WorkflowId { get; set; } = new long[0];

        protected override void ProcessRecord()
        {
            foreach (var id in WorkflowId)
                TryRun(() => WriteObject(Run(ct => Client.GetConfirmationDocumentsAsync(id, ct)), enumerateCollection: true), id);
        }
    }
}
