using System.Management.Automation;
using GosApi.Crypto.Tls;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.Gost
{
    /// <summary>Stops a tunnel started by Start-GostTlsTunnel (stunnel is killed and its temporary files deleted).</summary>
    [Cmdlet(VerbsLifecycle.Stop, "GostTlsTunnel")]
    [OutputType(typeof(void))]
    public sealed class StopGostTlsTunnelCommand : GostCmdlet
    {
        /// <summary>The tunnel to stop.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNull]
        public GostTlsTunnel Tunnel { get; set; } = null!;

        protected override void ProcessRecord()
        {
            WriteVerbose($"Stopping {Tunnel}.");
            Tunnel.Stop();
            GostTlsTunnelRegistry.Remove(System.Management.Automation.Runspaces.Runspace.DefaultRunspace, Tunnel);
        }
    }
}
