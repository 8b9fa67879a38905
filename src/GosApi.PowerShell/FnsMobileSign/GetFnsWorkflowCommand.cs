using System.Management.Automation;
using GosApi.FnsMobileSign.Models;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.FnsMobileSign
{
    /// <summary>GET workflow/{id}/full by id, or the paged list by client and type (every page).</summary>
    [Cmdlet(VerbsCommon.Get, "FnsWorkflow", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(FnsWorkflow))]
    public sealed class GetFnsWorkflowCommand : FnsCmdlet
    {
        private const string ByIdSet = "ById";
        private const string ListSet = "List";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("WorkflowId")]
        public long[] Id { get; set; } = null!;

        [Parameter(ParameterSetName = ListSet, ValueFromPipelineByPropertyName = true)]
        [Alias("Consumer")]
        public string[]? ConsumerId { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("Identification", "CertificateIssuing", "DocumentSigning", "Blank", "ExternalActivity", "FileDecryption", "TlsCertificateReissuing", "CertificateReissuing")]
        public string? Type { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ByIdSet)
            {
                foreach (var id in Id) TryRun(() => WriteObject(Run(ct => Client.GetWorkflowAsync(id, ct))), id);
                return;
            }
            FnsWorkflowType? type = Type == null ? (FnsWorkflowType?)null : Parse<FnsWorkflowType>(Type);
            TryRun(() => Run(ct => Client.ListWorkflowsAsync(ConsumerId, type, w => { PostObject(w); return true; }, ct)), ConsumerId);
        }
    }
}
