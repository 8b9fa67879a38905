using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using GosApi.FnsMobileSign;
using GosApi.FnsMobileSign.Requests;

namespace GosApi.PowerShell.Infrastructure
{
    /// <summary>Base of cmdlets that talk to ФНС «Мобильная подпись»: -Session, defaulting to the one Connect-FnsMobileSign made.</summary>
    public abstract class FnsCmdlet : GosApiCmdlet
    {
        protected override GosApiService Service => GosApiService.FnsMobileSign;

        /// <summary>The session to use; defaults to the one from the last Connect-FnsMobileSign.</summary>
        [Parameter]
        public FnsSession? Session { get; set; }

        private FnsClient? client;

        /// <summary>Resolved on the pipeline thread in BeginProcessing: the default session is per runspace.</summary>
        protected FnsClient Client => client ?? throw new System.InvalidOperationException("BeginProcessing has not run.");

        protected FnsSession ActiveSession { get; private set; } = null!;

        /// <summary>
        /// The files of -Path (wildcards allowed) as uploads. A path that matches nothing is an error and nothing is
        /// sent: a signing request must never go out with a file silently missing.
        /// </summary>
        protected IReadOnlyList<FnsDocumentUpload> Uploads(IEnumerable<string>? paths, bool literal = false)
        {
            if (paths == null || !paths.Any()) return new FnsDocumentUpload[0];
            var (found, missing) = ResolveFilePaths(paths, literal);
            if (missing > 0) throw new System.ArgumentException($"Path: {missing} of the files were not found (see the errors above); nothing was sent.", "Path");
            return found.Select(p => FnsDocumentUpload.FromFile(p)).ToList();
        }

        protected override void BeginProcessing()
        {
            var session = Session ?? SessionStore.Fns;
            if (session == null)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new PSInvalidOperationException("There is no ФНС «Мобильная подпись» session: run Connect-FnsMobileSign first or pass -Session."),
                    "FnsMobileSign.NotConnected", ErrorCategory.ConnectionError, null));
            }
            ActiveSession = session!;
            client = new FnsClient(session!);
        }
    }
}
