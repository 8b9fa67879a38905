using System.Management.Automation;
using GosApi.Epgu.Packages;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.Epgu
{
    /// <summary>Checks an existing archive against EPGU's rules and reports every rule it breaks.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "EpguPackage")]
    [OutputType(typeof(EpguPackageReport), typeof(bool))]
    public sealed class TestEpguPackageCommand : GosApiCmdlet
    {
        protected override GosApiService Service => GosApiService.Epgu;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = new string[0];

        /// <summary>Every file must come with &lt;file&gt;.sig.</summary>
        [Parameter]
        public SwitchParameter RequireSignatures { get; set; }

        /// <summary>Return only $true or $false.</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var item in Path)
            {
                var path = GetUnresolvedProviderPathFromPSPath(item);
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
