using System.Management.Automation;
using System.Security;
using GosApi.Crypto.Pki;
using GosApi.Crypto.Signers;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.Gost
{
    /// <summary>
    /// A signer whose key stays outside the module: openssl with the gost engine (key file), or CryptoPro's cryptcp
    /// (key in the CSP; needs CryptoPro CSP installed). Pass it to -SignWith.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "GostSigner", DefaultParameterSetName = OpenSslSet)]
    [OutputType(typeof(IGostSigner))]
    public sealed class NewGostSignerCommand : GostCmdlet
    {
        private const string OpenSslSet = "OpenSsl";
        private const string CryptoProSet = "CryptoPro";

        /// <summary>openssl with the gost engine (the default kind of signer).</summary>
        [Parameter(ParameterSetName = OpenSslSet)]
        public SwitchParameter OpenSsl { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = CryptoProSet)]
        public SwitchParameter CryptoPro { get; set; }

        /// <summary>The signer's certificate file (PEM or DER).</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string CertificatePath { get; set; } = string.Empty;

        /// <summary>openssl: the private key file (PEM, encrypted or not).</summary>
        [Parameter(Mandatory = true, ParameterSetName = OpenSslSet)]
        [ValidateNotNullOrEmpty]
        public string KeyPath { get; set; } = string.Empty;

        /// <summary>openssl: the key's password; CryptoPro: the container PIN.</summary>
        [Parameter]
        public SecureString? Password { get; set; }

        /// <summary>Path of the openssl or cryptcp executable, when not the default.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ExecutablePath { get; set; }

        /// <summary>CryptoPro: look the certificate up in the machine store instead of the user's.</summary>
        [Parameter(ParameterSetName = CryptoProSet)]
        public SwitchParameter MachineStore { get; set; }

        protected override void ProcessRecord()
        {
            var certificatePath = GetUnresolvedProviderPathFromPSPath(CertificatePath);
            TryRun(() =>
            {
                if (ParameterSetName == OpenSslSet)
                {
                    var options = new OpenSslGostSignerOptions();
                    if (ExecutablePath != null) options.OpenSslPath = ExecutablePath;
                    WriteObject(new OpenSslGostSigner(certificatePath, GetUnresolvedProviderPathFromPSPath(KeyPath), Password, options));
                }
                else
                {
                    var options = new CryptoProCryptcpOptions { MachineStore = MachineStore, Pin = Password };
                    if (ExecutablePath != null) options.CryptcpPath = ExecutablePath;
                    WriteObject(new CryptoProCryptcpSigner(GostCertificate.Load(System.IO.File.ReadAllBytes(certificatePath)), options));
                }
            }, certificatePath);
        }
    }
}
