using System.Management.Automation;
using GosApi.PowerShell.Infrastructure;
using GosApi.Uc.Models;

namespace GosApi.PowerShell.Uc
{
    /// <summary>request/client_docs: the request's documents of one type (application, bill, extra documents); written as UcFile objects or saved.</summary>
    [Cmdlet(VerbsCommon.Get, "UcClientDocument")]
    [OutputType(typeof(UcFile))]
    [OutputType(typeof(System.IO.FileInfo))]
    public sealed class GetUcClientDocumentCommand : UcCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        public long RequestId { get; set; }

        /// <summary>The spec's fileType by name or number: 1, 3 or 17.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateSet("Application", "Bill", "ExtraDocuments", "1", "3", "17", IgnoreCase = true)]
        public string FileType { get; set; } = string.Empty;

        /// <summary>A folder to save the documents into; without it the documents are written as objects.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Destination { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var id = RequestId;
            var type = AddUcRequestFileCommand.ParseFileType(FileType);
            System.Collections.Generic.IReadOnlyList<UcFile>? files = null;
            if (!TryRun(() => files = Run(ct => Client.GetClientDocumentsAsync(id, type, ct)), id)) return;
            if (files!.Count == 0) WriteVerbose($"УЦ request {id} has no documents of type {(int)type} ({type}).");
            if (Destination == null) WriteObject(files, enumerateCollection: true);
            else if (files.Count > 0) UcFileWriter.SaveAll(this, files, GetUnresolvedProviderPathFromPSPath(Destination), Force, id);
        }
    }
}
