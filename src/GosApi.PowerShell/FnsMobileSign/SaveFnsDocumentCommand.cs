using System.IO;
using System.Management.Automation;
using GosApi.FnsMobileSign;
using GosApi.FnsMobileSign.Models;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.FnsMobileSign
{
    /// <summary>Downloads documents and their .p7s signatures (streamed to disk), or any service link.</summary>
    [Cmdlet(VerbsData.Save, "FnsDocument", DefaultParameterSetName = DocumentSet)]
    [OutputType(typeof(FileInfo))]
    public sealed class SaveFnsDocumentCommand : FnsCmdlet
    {
        private const string DocumentSet = "Document";
        private const string LinkSet = "Link";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = DocumentSet)]
        public FnsDocument[] Document { get; set; } = null!;

        /// <summary>A service link such as /api/rb/document/2499947/signature/XHOLEJ96.p7s or a certificate link.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LinkSet)]
        public string Link { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 1)]
        public string Destination { get; set; } = null!;

        [Parameter] public SwitchParameter SignatureOnly { get; set; }
        [Parameter] public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var folder = GetUnresolvedProviderPathFromPSPath(Destination);
            Directory.CreateDirectory(folder);
            if (ParameterSetName == LinkSet)
            {
                var name = FnsSigningFlow.SafeFileName(System.Uri.UnescapeDataString(Link.TrimEnd('/').Split('/')[Link.TrimEnd('/').Split('/').Length - 1]));
                Save(Link, Path.Combine(folder, name), Link);
                return;
            }
            foreach (var document in Document)
            {
                var name = FnsSigningFlow.SafeFileName(document.Title ?? "document-" + document.Id);
                if (!SignatureOnly) Save(document.Path, Path.Combine(folder, name), document.Id);
                if (document.IsSigned) Save(document.Signature, Path.Combine(folder, name + ".p7s"), document.Id);
                else WriteWarning($"Document {document.Id} ({document.Title}) has no signature yet.");
            }
        }

        private void Save(string? link, string target, object id) => TryRun(() =>
        {
            if (File.Exists(target) && !Force) throw new IOException($"{target} exists; add -Force to overwrite it.");
            Run(ct => Client.DownloadAsync(link!, target, ct));
            WriteObject(new FileInfo(target));
        }, id);
    }
}
