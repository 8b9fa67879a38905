using System.Management.Automation;
using GosApi.Epgu;

namespace GosApi.PowerShell.Infrastructure
{
    /// <summary>Base of cmdlets that need an EPGU connection: -Session, defaulting to the one Connect-Epgu made.</summary>
    public abstract class EpguCmdlet : GosApiCmdlet
    {
        protected override GosApiService Service => GosApiService.Epgu;

        /// <summary>The EPGU session to use; defaults to the one from the last Connect-Epgu.</summary>
        [Parameter]
        public EpguSession? Session { get; set; }

        private EpguClient? client;

        protected EpguSession ActiveSession
        {
            get
            {
                var session = Session ?? SessionStore.Epgu;
                if (session != null) return session;
                ThrowTerminatingError(new ErrorRecord(
                    new PSInvalidOperationException("There is no EPGU session: run Connect-Epgu first or pass -Session."),
                    "Epgu.NotConnected", ErrorCategory.ConnectionError, null));
                return null!;
            }
        }

        /// <summary>Resolved on the pipeline thread in BeginProcessing: the default session is per runspace, and worker threads have none.</summary>
        protected EpguClient Client => client ?? throw new System.InvalidOperationException("BeginProcessing has not run.");

        protected override void BeginProcessing() => client = new EpguClient(ResolveSession());

        /// <summary>The session this invocation uses; a cmdlet that can work without a connection overrides it.</summary>
        protected virtual EpguSession ResolveSession() => ActiveSession;
    }
}
