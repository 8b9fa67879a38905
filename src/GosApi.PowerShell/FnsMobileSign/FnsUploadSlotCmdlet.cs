using System.Management.Automation;
using GosApi.FnsMobileSign.Requests;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.FnsMobileSign
{
    /// <summary>
    /// Send-FnsConfirmationDocument and Send-FnsDocumentScan: upload a local file into an upload slot of a workflow.
    /// -Path and -Title do not bind from the pipeline: a piped FnsUploadSlot has Path and Title properties of its
    /// own (the service's copy, empty before the upload) that must not stand for the local file.
    /// </summary>
    public abstract class FnsUploadSlotCmdlet : FnsCmdlet
    {
        /// <summary>confirmation-document or document-scan (the path segment of the PUT).</summary>
        protected abstract string Kind { get; }

        /// <summary>The slot's id, as Get-FnsConfirmationDocument or Get-FnsDocumentScan shows it.</summary>
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
