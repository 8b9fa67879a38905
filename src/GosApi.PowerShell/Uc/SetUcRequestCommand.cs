using System.Linq;
using System.Management.Automation;
using GosApi.Uc.Models;

namespace GosApi.PowerShell.Uc
{
    /// <summary>request/change: replace a request's data (the full info, as for create), or move it to the archive.</summary>
    [Cmdlet(VerbsCommon.Set, "UcRequest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ChangeSet)]
    [OutputType(typeof(UcStatusEntry))]
    public sealed class SetUcRequestCommand : UcRequestInfoCmdlet
    {
        private const string ChangeSet = "Change";
        private const string ArchiveSet = "Archive";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        public long RequestId { get; set; }

        /// <summary>Move the request to the archive (requestArchived: true).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ArchiveSet)]
        public SwitchParameter Archive { get; set; }

        [Parameter] public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (Archive)
            {
                if (GivenInfoParameters.Length > 0)
                {
                    WriteError(GosApi.PowerShell.Infrastructure.ErrorRecords.From(new System.ArgumentException($"Archive: moving to the archive changes nothing else; leave out {string.Join(", ", GivenInfoParameters)}.", "Archive"), Service, RequestId));
                    return;
                }
                if (!ShouldProcess("УЦ request " + RequestId, "move to the archive")) return;
                if (TryRun(() => Run(ct => Client.ArchiveRequestAsync(RequestId, ct)), RequestId) && PassThru)
                    TryRun(() => WriteObject(Run(ct => Client.GetStatusAsync(RequestId, ct))), RequestId);
                return;
            }
            var info = BuildInfo();
            if (!TryRun(() => info.Validate().ThrowIfInvalid(), RequestId)) return;
            if (!ShouldProcess("УЦ request " + RequestId, "replace the data with " + info)) return;
            if (TryRun(() => Run(ct => Client.ChangeRequestAsync(RequestId, info, ct)), RequestId) && PassThru)
                TryRun(() => WriteObject(Run(ct => Client.GetStatusAsync(RequestId, ct))), RequestId);
        }
    }
}
