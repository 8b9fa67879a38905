using System.Management.Automation;
using GosApi.FnsMobileSign.Models;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.FnsMobileSign
{
    /// <summary>GET workflow/{id}/document: the documents of a signing workflow with their file and signature links.</summary>
    [Cmdlet(VerbsCommon.Get, "FnsWorkflowDocument")]
    [OutputType(typeof(FnsDocument))]
    public sealed class GetFnsWorkflowDocumentCommand : FnsCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        public long WorkflowId { get; set; }

        protected override void ProcessRecord() =>
            TryRun(() => { foreach (var document in Run(ct => Client.GetDocumentsAsync(WorkflowId, ct))) WriteObject(document); }, WorkflowId);
    }
}
