using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using GosApi.FnsMobileSign.Models;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.FnsMobileSign
{
    /// <summary>PUT workflow/remove for every id from the pipeline (completed signing workflows cannot be removed).</summary>
    [Cmdlet(VerbsCommon.Remove, "FnsWorkflow", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(FnsRemoveResult))]
    public sealed class RemoveFnsWorkflowCommand : FnsCmdlet
    {
        private readonly List<long> ids = new List<long>();

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("WorkflowId")]
        public long[] Id { get; set; } = null!;

        protected override void ProcessRecord()
        {
            foreach (var id in Id)
                if (!ids.Contains(id) && ShouldProcess("workflow " + id, "remove")) ids.Add(id);
        }

        protected override void EndProcessing()
        {
            if (ids.Count == 0) return;
            IReadOnlyList<FnsRemoveResult> results = new FnsRemoveResult[0];
            if (!TryRun(() => results = Run(ct => Client.RemoveWorkflowsAsync(ids, ct)), ids.ToArray())) return;
            foreach (var result in results)
            {
                WriteObject(result);
                if (!result.Removed)
                    WriteError(new ErrorRecord(new System.InvalidOperationException($"Workflow {result.WorkflowId} was not removed: a completed signing workflow, one removed before, or not yours."),
                        "FnsMobileSign.NotRemoved", ErrorCategory.InvalidOperation, result.WorkflowId));
            }
        }
    }
}
