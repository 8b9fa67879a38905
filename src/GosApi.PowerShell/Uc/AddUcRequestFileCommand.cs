using System.Globalization;
using System.Management.Automation;
using GosApi.PowerShell.Infrastructure;
using GosApi.Uc.Models;

namespace GosApi.PowerShell.Uc
{
    /// <summary>request/attach_file: one file of a request, streamed from disk as base64 (big archives are fine).</summary>
    /// <remarks>-Path does not bind from the pipeline: a piped request's properties must not stand for a local file.</remarks>
    [Cmdlet(VerbsCommon.Add, "UcRequestFile", SupportsShouldProcess = true)]
    [OutputType(typeof(UcStatusEntry))]
    public sealed class AddUcRequestFileCommand : UcCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        public long RequestId { get; set; }

        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>The spec's fileType by name or number: 0, 8, 9, 17 or 20.</summary>
        [Parameter(Mandatory = true, Position = 2)]
        [ValidateSet("CertificateRequest", "DocumentsArchive", "ArchiveSignature", "ExtraDocuments", "SignedCertificateRequest", "0", "8", "9", "17", "20", IgnoreCase = true)]
        public string FileType { get; set; } = string.Empty;

        /// <summary>The name the service records; the file's own name by default.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? FileName { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var (paths, _) = ResolveFilePaths(new[] { Path }, literal: true);
            if (paths.Count == 0) return;
            var file = paths[0];
            var type = ParseFileType(FileType);
            var id = RequestId;
            if (!ShouldProcess($"УЦ request {id}: {file} as type {(int)type} ({type})", "Attach file")) return;
            TryRun(() =>
            {
                Run(ct => Client.AttachFileAsync(id, type, file, FileName, ct));
                if (PassThru) WriteObject(Run(ct => Client.GetStatusAsync(id, ct)));
            }, id);
        }

        /// <summary>A ValidateSet-checked name or number of UcFileType.</summary>
        internal static UcFileType ParseFileType(string value) =>
            int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? (UcFileType)number : Parse<UcFileType>(value);
    }
}
