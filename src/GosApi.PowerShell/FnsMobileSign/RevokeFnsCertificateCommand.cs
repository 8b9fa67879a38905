using System.IO;
using System.Management.Automation;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.FnsMobileSign
{
    /// <summary>POST /api/rb/certificate/revoke/: sends the revocation request (заявление на отзыв, XML) of a signing certificate.</summary>
    [Cmdlet(VerbsSecurity.Revoke, "FnsCertificate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(string))]
    public sealed class RevokeFnsCertificateCommand : FnsCmdlet
    {
        /// <summary>The XML file(s) of the revocation request; wildcards allowed.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = new string[0];

        protected override void ProcessRecord()
        {
            var (paths, _) = ResolveFilePaths(Path, literal: false);
            foreach (var file in paths)
            {
                TryRun(() =>
                {
                    var xml = File.ReadAllBytes(file);
                    if (!ShouldProcess(file, "Revoke the certificate of this revocation request")) return;
                    var status = Run(ct => Client.RevokeCertificateAsync(xml, ct));
                    WriteVerbose($"Revocation request {System.IO.Path.GetFileName(file)} accepted" + (status == null ? "." : ": " + status + "."));
                    if (status != null) WriteObject(status);
                }, file);
            }
        }
    }
}
