using System;
using System.Management.Automation;
using GosApi.PowerShell.Infrastructure;
using GosApi.Uc;

namespace GosApi.PowerShell.Uc
{
    /// <summary>
    /// Creates the default УЦ «Основание» session. The service has no login call (the manager's login and password
    /// go in every request body), so the credentials are checked by asking for the product list.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "UcService")]
    [OutputType(typeof(UcSession))]
    public sealed class ConnectUcServiceCommand : ConnectCmdlet
    {
        protected override GosApiService Service => GosApiService.Uc;

        [Parameter(Position = 0)]
        public Uri? BaseUri { get; set; }

        [Parameter(Mandatory = true, Position = 1)]
        [Credential]
        public PSCredential Credential { get; set; } = null!;

        /// <summary>Do not check the credentials now.</summary>
        [Parameter]
        public SwitchParameter SkipCheck { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            try
            {
                var session = new UcSession(BaseUri, Credential.UserName, SecretText.Reveal(Credential.Password), HttpOptions());
                if (!SkipCheck) Run(ct => new UcClient(session).GetProductsAsync(ct));
                SessionStore.Uc = session;
                WriteVerbose($"Connected to {session}.");
                if (session.BaseUri.Scheme == Uri.UriSchemeHttp && !session.BaseUri.IsLoopback)
                    WriteWarning($"{session.BaseUri} is plain HTTP: the password travels in every request body.");
                if (PassThru) WriteObject(session);
            }
            catch (Exception ex) when (IsReportable(ex))
            {
                Terminate(ex, BaseUri);
            }
        }
    }
}
