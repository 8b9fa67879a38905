using System.Management.Automation;
using GosApi.Epgu.Packages;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.Epgu
{
    /// <summary>Checks an existing archive against EPGU's rules, verifies every .sig in it, and reports every problem.</summary>
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

        /// <summary>Every x.sig is verified against x (GOST CMS); with trusted roots the signer's chain must also lead to one of them.</summary>
        [Parameter]
        [GostCertificatesTransformation]
        public GosApi.Crypto.Pki.GostCertificate[]? TrustedRoot { get; set; }

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
                    var report = Run(ct => EpguPackageInspector.InspectAndVerifyAsync(path, RequireSignatures, Verification(), ct));
                    foreach (var violation in report.Violations) WriteVerbose($"{System.IO.Path.GetFileName(path)}: {violation.Message}");
                    if (Quiet) WriteObject(report.IsValid);
                    else WriteObject(report);
                }, path);
            }
        }

        private GosApi.Crypto.Cms.CmsVerificationOptions Verification()
        {
            var options = new GosApi.Crypto.Cms.CmsVerificationOptions();
            foreach (var root in TrustedRoot ?? new GosApi.Crypto.Pki.GostCertificate[0]) options.TrustedRoots.Add(root);
            return options;
        }
    }
}
