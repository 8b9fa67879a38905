using System.Management.Automation;
using GosApi.FnsMobileSign.Models;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.FnsMobileSign
{
    /// <summary>PUT workflow/{id}/state: confirm identification, confirm certificate receipt, or complete an external activity.</summary>
    [Cmdlet(VerbsCommon.Set, "FnsWorkflowState", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(FnsWorkflow))]
    public sealed class SetFnsWorkflowStateCommand : FnsCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("WorkflowId")]
        public long Id { get; set; }

        [Parameter(Mandatory = true, Position = 1)]
        [ValidateSet("identify", "scan_confirm_received", "complete_external_activity")]
        public string State { get; set; } = null!;

        /// <summary>The identification point, when the agent works at several.</summary>
        [Parameter] public long? IdentificationPoint { get; set; }
        /// <summary>Under a shared technical account: the legal entity that identified the client.</summary>
        [Parameter] public string? IdpInfo { get; set; }
        /// <summary>Under a shared technical account: the full name of the agent.</summary>
        [Parameter] public string? AgentInfo { get; set; }
        [Parameter] public string? AgentExternalData { get; set; }

        protected override void ProcessRecord()
        {
            if (!ShouldProcess("workflow " + Id, "set state " + State)) return;
            TryRun(() => WriteObject(Run(ct => Client.SetStateAsync(Id, State, IdentificationPoint, IdpInfo, AgentInfo, AgentExternalData, ct))), Id);
        }
    }
}
