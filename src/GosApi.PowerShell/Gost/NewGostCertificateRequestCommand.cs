using System.IO;
using System.Management.Automation;
using System.Security;
using GosApi.Crypto.Pki;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.Gost
{
    /// <summary>
    /// Generates a GOST R 34.10-2012 key pair and a PKCS#10 certificate request with the Russian subject fields,
    /// writes the request (PEM or DER) and the private key (encrypted PKCS#8, or PFX after issue) where the user says.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "GostCertificateRequest", SupportsShouldProcess = true)]
    [OutputType(typeof(GostCertificateRequest))]
    public sealed class NewGostCertificateRequestCommand : GostSubjectCmdlet
    {
        /// <summary>Where to write the request.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>Where to write the private key, encrypted with -KeyPassword (PKCS#8, PBES2/AES-256).</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string KeyPath { get; set; } = string.Empty;

        [Parameter(Mandatory = true)]
        [ValidateNotNull]
        public SecureString KeyPassword { get; set; } = null!;

        /// <summary>Pem (default) or Der, for both files.</summary>
        [Parameter]
        [ValidateSet("Pem", "Der")]
        public string Format { get; set; } = "Pem";

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var path = GetUnresolvedProviderPathFromPSPath(Path);
            var keyPath = GetUnresolvedProviderPathFromPSPath(KeyPath);
            TryRun(() =>
            {
                var builder = new GostCertificateRequestBuilder { Subject = BuildSubject(), ParameterSet = ParsedParameterSet, IdentificationKind = ParsedIdentificationKind };
                if (ParsedKeyUsage.HasValue) builder.KeyUsage = ParsedKeyUsage.Value;
                foreach (var oid in ExtendedKeyUsage ?? new string[0]) builder.ExtendedKeyUsage.Add(oid);
                foreach (var target in new[] { path, keyPath })
                    if (File.Exists(target) && !Force) new GosApi.Validation.ValidationError(target == path ? "Path" : "KeyPath", target, "already exists (use -Force to overwrite)").Throw();
                if (!ShouldProcess(path, "Create GOST key pair and certificate request")) return;

                var request = Run(ct => System.Threading.Tasks.Task.Run(() => builder.Build(), ct));
                var key = request.PrivateKey!;
                GostFiles.WriteAtomically(keyPath, Format == "Pem" ? System.Text.Encoding.ASCII.GetBytes(key.ExportEncryptedPkcs8Pem(KeyPassword)) : key.ExportEncryptedPkcs8(KeyPassword));
                GostFiles.WriteAtomically(path, Format == "Pem" ? System.Text.Encoding.ASCII.GetBytes(request.ToPem()) : request.RawData);
                var output = new PSObject(request);
                output.Properties.Add(new PSNoteProperty("Path", path));
                output.Properties.Add(new PSNoteProperty("KeyPath", keyPath));
                WriteObject(output);
            }, path);
        }
    }
}
