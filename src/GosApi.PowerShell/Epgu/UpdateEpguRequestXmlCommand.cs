using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using GosApi.Epgu.Xml;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.Epgu
{
    /// <summary>Puts the EPGU order id into a request XML where an XPath points, keeping its encoding and declaration.</summary>
    [Cmdlet(VerbsData.Update, "EpguRequestXml", SupportsShouldProcess = true, DefaultParameterSetName = PathSet)]
    [OutputType(typeof(EpguRequestXmlUpdate))]
    public sealed class UpdateEpguRequestXmlCommand : GosApiCmdlet
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";

        protected override GosApiService Service => GosApiService.Epgu;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = PathSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = new string[0];

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = LiteralPathSet)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = new string[0];

        /// <summary>The order id of New-EpguOrder.</summary>
        [Parameter(Mandatory = true)]
        [ValidateRange(1, long.MaxValue)]
        public long OrderId { get; set; }

        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string XPath { get; set; } = string.Empty;

        /// <summary>Prefixes used in -XPath mapped to namespace URIs: @{ p = 'urn:…' }.</summary>
        [Parameter]
        public Hashtable? Namespace { get; set; }

        /// <summary>Write even though a &lt;file&gt;.sig exists, and delete that now stale signature.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var literal = ParameterSetName == LiteralPathSet;
            var namespaces = new List<KeyValuePair<string, string>>();
            foreach (DictionaryEntry entry in Namespace ?? new Hashtable())
                namespaces.Add(new KeyValuePair<string, string>(entry.Key?.ToString() ?? string.Empty, entry.Value?.ToString() ?? string.Empty));
            foreach (var path in ResolveFilePaths(literal ? LiteralPath : Path, literal).Paths)
            {
                TryRun(() =>
                {
                    var edit = EpguRequestXmlEdit.Open(path, OrderId, XPath, namespaces);
                    var action = $"Set {edit.Nodes} node(s) selected by '{XPath}' to {OrderId} ({edit.EncodingName})" +
                        (edit.Signature != null && edit.WouldChange && Force ? $" and delete the stale signature {edit.Signature}" : string.Empty);
                    if (!ShouldProcess(path, action)) return;
                    var update = edit.Save(Force);
                    if (update.RemovedSignature != null) WriteWarning($"Deleted the stale signature {update.RemovedSignature}: sign {System.IO.Path.GetFileName(path)} again.");
                    if (!update.Changed) WriteVerbose($"{path} already holds order id {OrderId}; not rewritten.");
                    if (PassThru) WriteObject(update);
                }, path);
            }
        }
    }
}
