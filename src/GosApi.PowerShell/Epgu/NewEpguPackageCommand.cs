using System.Collections.Generic;
using System.Management.Automation;
using GosApi.Epgu.Packages;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.Epgu
{
    /// <summary>Builds an order archive that follows EPGU's rules (flat, no nested archives, .sig next to each file when required).</summary>
    [Cmdlet(VerbsCommon.New, "EpguPackage", SupportsShouldProcess = true)]
    [OutputType(typeof(EpguPackage))]
    public sealed class NewEpguPackageCommand : GosApiCmdlet
    {
        private readonly List<string> files = new List<string>();

        protected override GosApiService Service => GosApiService.Epgu;

        /// <summary>Files to put into the archive (wildcards allowed); pipe Get-ChildItem output here.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [SupportsWildcards]
        public string[] Path { get; set; } = new string[0];

        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Destination { get; set; } = string.Empty;

        /// <summary>Every file must have its detached signature &lt;file&gt;.sig among the inputs.</summary>
        [Parameter]
        public SwitchParameter RequireSignatures { get; set; }

        [Parameter]
        [ValidateRange(0, 9)]
        public int CompressionLevel { get; set; } = 6;

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var pattern in Path)
            {
                try
                {
                    files.AddRange(GetResolvedProviderPathFromPSPath(pattern, out _));
                }
                catch (ItemNotFoundException ex)
                {
                    WriteError(new ErrorRecord(ex, "Epgu.FileNotFound", ErrorCategory.ObjectNotFound, pattern));
                }
            }
        }

        protected override void EndProcessing()
        {
            var destination = GetUnresolvedProviderPathFromPSPath(Destination);
            if (!ShouldProcess(destination, $"Create EPGU package of {files.Count} file(s)")) return;
            var options = new EpguPackageOptions { RequireSignatures = RequireSignatures, Overwrite = Force, CompressionLevel = CompressionLevel };
            try
            {
                WriteObject(Run(ct => System.Threading.Tasks.Task.Run(() => EpguPackageBuilder.Build(files, destination, options, ct), ct)));
            }
            catch (System.Exception ex) when (IsReportable(ex))
            {
                Terminate(ex, destination);
            }
        }
    }
}
