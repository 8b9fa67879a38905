using System.Management.Automation;
using GosApi.ElectronicCertificates;

namespace GosApi.PowerShell.Infrastructure
{
    /// <summary>Base of cmdlets that talk to ИС ЭС: -Session, defaulting to the one Connect-ElectronicCertificateService made.</summary>
    public abstract class ElectronicCertificateSessionCmdlet : ElectronicCertificateCmdlet
    {
        /// <summary>The session to use; defaults to the one from the last Connect-ElectronicCertificateService.</summary>
        [Parameter]
        public ElectronicCertificateSession? Session { get; set; }

        private ElectronicCertificateClient? client;

        /// <summary>Resolved on the pipeline thread in BeginProcessing: the default session is per runspace.</summary>
        protected ElectronicCertificateClient Client => client ?? throw new System.InvalidOperationException("BeginProcessing has not run.");

        protected override void BeginProcessing()
        {
            var session = Session ?? SessionStore.ElectronicCertificate;
            if (session == null)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new PSInvalidOperationException("There is no ИС «Электронный сертификат» session: run Connect-ElectronicCertificateService first or pass -Session."),
                    "ElectronicCertificate.NotConnected", ErrorCategory.ConnectionError, null));
            }
            client = new ElectronicCertificateClient(session!);
        }
    }
}
