using System.Management.Automation;
using GosApi.Uc.Models;

namespace GosApi.PowerShell.Uc
{
    /// <summary>request/create: a certificate request, every field checked (with checksums) before sending.</summary>
    [Cmdlet(VerbsCommon.New, "UcRequest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(UcRequest))]
    public sealed class NewUcRequestCommand : UcRequestInfoCmdlet
    {
        protected override void ProcessRecord()
        {
            var info = BuildInfo();
            if (!TryRun(() => info.Validate().ThrowIfInvalid(), info.FullName)) return;
            if (!ShouldProcess($"{info.Type} {info.FullName}", "create УЦ request")) return;
            TryRun(() =>
            {
                var id = Run(ct => Client.CreateRequestAsync(info, ct));
                WriteObject(UcRequest.Created(id, info));
            }, info.FullName);
        }
    }
}
