using System.Management.Automation;
using GosApi.FnsMobileSign.Models;
using GosApi.FnsMobileSign.Requests;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.FnsMobileSign
{
    /// <summary>PUT /api/rb/confirmation-document/{id}: uploads the file a confirmation-document slot asks for.</summary>
    /// <remarks>
    /// -Path and -Title do not bind from the pipeline: a piped FnsUploadSlot has Path and Title properties of its
    /// own (the service's copy, empty before the upload) that must not stand for the local file.
    /// </remarks>
    [Cmdlet(VerbsCommunications.Send, "FnsConfirmationDocument", SupportsShouldProcess = true)]
    [OutputType(typeof(FnsUploadSlot))]
    public sealed class SendFnsConfirmationDocumentCommand : FnsCmdlet
    {
        private const string Kind = "confirmation-document";

        /// <summary>The slot's id, as Get-FnsConfirmationDocument shows it.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public long Id { get; set; }

        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>The file name the service records; the file's own name by default.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Title { get; set; }

        protected override void ProcessRecord()
        {
            var (paths, _) = ResolveFilePaths(new[] { Path }, literal: true);
            if (paths.Count == 0) return;
            var file = paths[0];
            if (!ShouldProcess($"{Kind} {Id}: {file}", "Upload")) return;
            TryRun(() =>
            {
                var upload = FnsDocumentUpload.FromFile(file, Title);
                WriteObject(Run(ct => Client.UploadAsync(Kind, Id, upload, ct)));
            }, Id);
        }
    }
}
