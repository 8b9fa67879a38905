using System;
using System.Management.Automation;
using System.Security;
using System.Text;
using GosApi.ElectronicCertificates;
using GosApi.Http;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.ElectronicCertificate
{
    /// <summary>Creates the default ИС «Электронный сертификат» session of the runspace.</summary>
    [Cmdlet(VerbsCommunications.Connect, "ElectronicCertificateService")]
    [OutputType(typeof(ElectronicCertificateSession))]
    public sealed class ConnectElectronicCertificateServiceCommand : ConnectCmdlet
    {
        protected override GosApiService Service => GosApiService.ElectronicCertificate;

        [Parameter(Position = 0)]
        public Uri? BaseUri { get; set; }

        [Parameter(Mandatory = true)]
        public SecureString ApiKey { get; set; } = null!;

        [Parameter(Mandatory = true)]
        public SecureString SharedSecret { get; set; } = null!;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            try
            {
                var http = HttpOptions();
                var apiKey = SecretText.Reveal(ApiKey);
                var secret = SecretText.Reveal(SharedSecret);
                if (secret.Length == 0) throw new ArgumentException("SharedSecret: must not be empty.", nameof(SharedSecret));
                var session = new ElectronicCertificateSession(BaseUri, apiKey, Encoding.UTF8.GetBytes(secret), http);
                SessionStore.ElectronicCertificate = session;
                WriteVerbose($"Connected to {session}; the API key and shared secret are checked by the first request.");
                if (session.BaseUri.Scheme == Uri.UriSchemeHttp && !session.BaseUri.IsLoopback)
                    WriteWarning($"{session.DisplayUri} is plain HTTP; the spec requires TLS 1.2 or later between the АРМ and ИС ЭС.");
                if (PassThru) WriteObject(session);
            }
            catch (Exception ex) when (IsReportable(ex))
            {
                Terminate(ex, BaseUri);
            }
        }
    }
}
