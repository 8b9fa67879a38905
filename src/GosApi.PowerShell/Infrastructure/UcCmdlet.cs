using System.Management.Automation;
using GosApi.Uc;

namespace GosApi.PowerShell.Infrastructure
{
    /// <summary>Base of cmdlets that talk to УЦ «Основание»: -Session, defaulting to the one Connect-UcService made.</summary>
    public abstract class UcCmdlet : GosApiCmdlet
    {
        protected override GosApiService Service => GosApiService.Uc;

        /// <summary>The session to use; defaults to the one from the last Connect-UcService.</summary>
        [Parameter]
        public UcSession? Session { get; set; }

        private UcClient? client;

        /// <summary>Resolved on the pipeline thread in BeginProcessing: the default session is per runspace.</summary>
        protected UcClient Client => client ?? throw new System.InvalidOperationException("BeginProcessing has not run.");

        protected override void BeginProcessing()
        {
            var session = Session ?? SessionStore.Uc;
            if (session == null)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new PSInvalidOperationException("There is no УЦ «Основание» session: run Connect-UcService first or pass -Session."),
                    "Uc.NotConnected", ErrorCategory.ConnectionError, null));
            }
            client = new UcClient(session!);
        }
    }
}
