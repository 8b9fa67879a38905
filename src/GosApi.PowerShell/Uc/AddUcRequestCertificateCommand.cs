using System.IO;
using System.Management.Automation;
using GosApi.PowerShell.Infrastructure;
using GosApi.Uc.Models;

namespace GosApi.PowerShell.Uc
{
    /// <summary>
    /// request/attach_certificate: a ready certificate file (DER or PEM) for a request in «Генерация запроса»; the raw
    /// file is sent base64-encoded, a PEM header included, as the spec asks.
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "UcRequestCertificate", SupportsShouldProcess = true)]
    [OutputType(typeof(UcStatusEntry))]
    public sealed class AddUcRequestCertificateCommand : UcCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        public long RequestId { get; set; }

        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var (paths, _) = ResolveFilePaths(new[] { Path }, literal: true);
            if (paths.Count == 0) return;
            var file = paths[0];
            var id = RequestId;
            if (!ShouldProcess($"УЦ request {id}: certificate {file}", "Attach certificate")) return;
            TryRun(() =>
            {
                var content = File.ReadAllBytes(file);
                Run(ct => Client.AttachCertificateAsync(id, content, ct));
                if (PassThru) WriteObject(Run(ct => Client.GetStatusAsync(id, ct)));
            }, id);
        }
    }
}
