using System.IO;
using System.Management.Automation;
using System.Security;
using GosApi.Crypto.Pki;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.Gost
{
    /// <summary>
    /// Loads a certificate with its private key from a PFX (PKCS#12) or PEM files, for -SignWith; or just certificates
    /// (e.g. trusted roots). Key material is never shown.
    /// </summary>
    [Cmdlet(VerbsData.Import, "GostCertificate", DefaultParameterSetName = PfxSet)]
    [OutputType(typeof(GostCredential), typeof(GostCertificate))]
    public sealed class ImportGostCertificateCommand : GostCmdlet
    {
        private const string PfxSet = "Pfx";
        private const string PemSet = "Pem";

        /// <summary>A .pfx/.p12 file, or a PEM/DER certificate file (then -KeyPath gives the key, or only certificates are returned).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName", "PSPath")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>The private key (PKCS#8 in PEM or DER, encrypted or not) that belongs to the certificate in -Path.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PemSet)]
        [ValidateNotNullOrEmpty]
        public string KeyPath { get; set; } = string.Empty;

        /// <summary>Password of the PFX or of the encrypted private key.</summary>
        [Parameter]
        public SecureString? Password { get; set; }

        protected override void ProcessRecord()
        {
            var path = GetUnresolvedProviderPathFromPSPath(Path);
            TryRun(() =>
            {
                var data = File.ReadAllBytes(path);
                if (ParameterSetName == PemSet)
                {
                    // Certificate (and any chain after it) and key, each in PEM or DER.
                    var keyPath = GetUnresolvedProviderPathFromPSPath(KeyPath);
                    var keyData = File.ReadAllBytes(keyPath);
                    if (keyData.Length == 0) new GosApi.Validation.ValidationError("KeyPath", keyPath, "the file is empty").Throw();
                    var certificates = GostCertificate.LoadAll(data);
                    WriteObject(new GostCredential(certificates[0], GostPrivateKey.Import(keyData, Password), System.Linq.Enumerable.Skip(certificates, 1)));
                }
                else if (HasPemPrivateKey(data))
                {
                    // One PEM file with the certificate and its key, as openssl writes with -nodes.
                    WriteObject(GostPfx.ImportPem(System.Text.Encoding.ASCII.GetString(data), Password));
                }
                else
                {
                    var certificates = IsPkcs12Name(path) ? null : TryLoadCertificates(data);
                    if (certificates != null) WriteObject(certificates, enumerateCollection: true);
                    else WriteObject(GostPfx.Import(data, Password));
                }
            }, path);
        }

        private static bool HasPemPrivateKey(byte[] data)
        {
            var text = System.Text.Encoding.ASCII.GetString(data, 0, System.Math.Min(data.Length, 1 << 20));
            return text.Contains("-----BEGIN CERTIFICATE-----") && text.Contains("PRIVATE KEY-----");
        }

        private static bool IsPkcs12Name(string path)
        {
            var extension = System.IO.Path.GetExtension(path);
            return string.Equals(extension, ".pfx", System.StringComparison.OrdinalIgnoreCase) || string.Equals(extension, ".p12", System.StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>Certificates in PEM or DER; null when the data is something else (then it is read as PKCS#12).</summary>
        private static System.Collections.Generic.IReadOnlyList<GostCertificate>? TryLoadCertificates(byte[] data)
        {
            try { return GostCertificate.LoadAll(data); }
            catch (GostCryptoException) { return null; }
        }
    }
}
