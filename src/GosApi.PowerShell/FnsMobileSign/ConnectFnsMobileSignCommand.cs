using System;
using System.Collections;
using System.Management.Automation;
using GosApi.FnsMobileSign;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.FnsMobileSign
{
    /// <summary>Creates the default ФНС «Мобильная подпись» session of the runspace and logs in.</summary>
    [Cmdlet(VerbsCommunications.Connect, "FnsMobileSign")]
    [OutputType(typeof(FnsSession))]
    public sealed class ConnectFnsMobileSignCommand : ConnectCmdlet
    {
        protected override GosApiService Service => GosApiService.FnsMobileSign;

        [Parameter(Mandatory = true, Position = 0)]
        public Uri BaseUri { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 1)]
        [Credential]
        public PSCredential Credential { get; set; } = null!;

        [Parameter]
        [ValidateSet("Token", "Basic")]
        public string Authentication { get; set; } = "Token";

        /// <summary>Scenario numbers of this customer, e.g. @{ DocumentSigning = 82; Identification = 80 }.</summary>
        [Parameter]
        public Hashtable? Scenario { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            try
            {
                var scenarios = new FnsScenarios();
                if (Scenario != null)
                    foreach (DictionaryEntry entry in Scenario)
                        scenarios[Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture)!] = Convert.ToInt32(entry.Value, System.Globalization.CultureInfo.InvariantCulture);
                var session = new FnsSession(BaseUri, Credential.UserName, SecretText.Reveal(Credential.Password), Parse<FnsAuthentication>(Authentication), scenarios, HttpOptions());
                Run(ct => session.LogInAsync(ct)); // wrong credentials fail here, not in the middle of a flow
                SessionStore.Fns = session;
                WriteVerbose($"Connected to {session} ({session.Authentication}); scenarios {session.Scenarios}.");
                if (session.BaseUri.Scheme == Uri.UriSchemeHttp && !session.BaseUri.IsLoopback)
                    WriteWarning($"{session.BaseUri} is plain HTTP: the password and documents would travel unencrypted.");
                if (PassThru) WriteObject(session);
            }
            catch (Exception ex) when (IsReportable(ex) || ex is FormatException || ex is InvalidCastException)
            {
                Terminate(ex is FormatException || ex is InvalidCastException ? new ArgumentException("Scenario: every value must be a scenario number, e.g. @{ DocumentSigning = 82 }.", ex) : ex, BaseUri);
            }
        }
    }
}
