using System.Management.Automation;
using GosApi.Epgu.Packages;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.Epgu
{
    /// <summary>Checks an existing archive against EPGU's rules and reports every rule it breaks.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "EpguPackage", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(EpguPackageReport), typeof(bool))]
    public sealed class TestEpguPackageCommand : GosApiCmdlet
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";

        protected override GosApiService Service => GosApiService.Epgu;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = PathSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = new string[0];

        /// <summary>Archives taken exactly as written (no wildcards); Get-ChildItem output binds here by its PSPath.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = LiteralPathSet)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = new string[0];

        /// <summary>Every file must come with &lt;file&gt;.sig.</summary>
        [Parameter]
        public SwitchParameter RequireSignatures { get; set; }

        /// <summary>Return only $true or $false.</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        protected override void ProcessRecord()
        {
            var literal = ParameterSetName == LiteralPathSet;
            foreach (var path in ResolveFilePaths(literal ? LiteralPath : Path, literal).Paths)
            {
                TryRun(() =>
                {
                    var report = EpguPackageInspector.Inspect(path, RequireSignatures);
                    foreach (var violation in report.Violations) WriteVerbose($"{System.IO.Path.GetFileName(path)}: {violation.Message}");
                    if (Quiet) WriteObject(report.IsValid);
                    else WriteObject(report);
                }, path);
            }
        }
    }
}
