using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using GosApi.Epgu.Models;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.Epgu
{
    /// <summary>Downloads an order's result files (or piped files) to a folder, streaming each to disk.</summary>
    /// <remarks>
    /// ByFile is the default set: when two sets could take a piped object, PowerShell prefers the default one,
    /// and a piped EpguOrderFile must bind as itself, not by its OrderId property.
    /// </remarks>
    [Cmdlet(VerbsData.Save, "EpguOrderFile", SupportsShouldProcess = true, DefaultParameterSetName = ByFileSet)]
    [OutputType(typeof(EpguSavedFile))]
    public sealed class SaveEpguOrderFileCommand : EpguCmdlet
    {
        private const string ByOrderSet = "ByOrder";
        private const string ByFileSet = "ByFile";

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByOrderSet)]
        [ValidateRange(1, long.MaxValue)]
        public long OrderId { get; set; }

        /// <summary>The order's result files; the ResponseFiles of Get-EpguOrder / Wait-EpguOrder output bind here.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByOrderSet)]
        public EpguOrderFile[]? ResponseFiles { get; set; }

        /// <summary>A file to download, e.g. each of $details.AttachmentFiles piped in.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByFileSet)]
        public EpguOrderFile? InputObject { get; set; }

        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Destination { get; set; } = string.Empty;

        /// <summary>Only files whose name matches (wildcards allowed).</summary>
        [Parameter]
        [SupportsWildcards]
        public string[]? Name { get; set; }

        /// <summary>Overwrite files that already exist.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var destination = GetUnresolvedProviderPathFromPSPath(Destination);
            IReadOnlyList<EpguOrderFile>? files = ParameterSetName == ByFileSet ? new[] { InputObject! } : ResponseFiles;
            if (files == null)
            {
                // Only -OrderId was given: read the order to learn its result files.
                if (!TryRun(() => files = Run(ct => Client.GetOrderAsync(OrderId, ct)).ResponseFiles, OrderId)) return;
            }
            if (files!.Count == 0 && ParameterSetName == ByOrderSet) WriteWarning($"Order {OrderId} has no result files yet.");
            foreach (var file in files.Where(f => Matches(f.FileName)))
            {
                if (!ShouldProcess($"{file.FileName} of order {file.OrderId} -> {destination}", "Download")) continue;
                TryRun(() => WriteObject(Run(ct => Client.DownloadFileAsync(file, destination, Force, ct))), file);
            }
        }

        private bool Matches(string fileName) =>
            Name == null || Name.Length == 0 || Name.Any(n => WildcardPattern.Get(n, WildcardOptions.IgnoreCase).IsMatch(fileName));
    }
}
