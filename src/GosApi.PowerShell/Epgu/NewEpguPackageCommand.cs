using System.Collections.Generic;
using System.Management.Automation;
using GosApi.Epgu.Packages;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.Epgu
{
    /// <summary>Builds an order archive that follows EPGU's rules (flat, no nested archives, .sig next to each file when required).</summary>
    [Cmdlet(VerbsCommon.New, "EpguPackage", SupportsShouldProcess = true, DefaultParameterSetName = PathSet)]
    [OutputType(typeof(EpguPackage))]
    public sealed class NewEpguPackageCommand : GosApiCmdlet
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";
        private readonly List<string> files = new List<string>();
        private int missingInputs;

        protected override GosApiService Service => GosApiService.Epgu;

        /// <summary>Files to put into the archive (wildcards allowed); pipe Get-ChildItem output here.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = PathSet)]
        [SupportsWildcards]
        public string[] Path { get; set; } = new string[0];

        /// <summary>Files taken exactly as written (no wildcards); Get-ChildItem output binds here by its PSPath.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = LiteralPathSet)]
        [Alias("PSPath", "LP")]
        public string[] LiteralPath { get; set; } = new string[0];

        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Destination { get; set; } = string.Empty;

        /// <summary>Every file must have its detached signature &lt;file&gt;.sig among the inputs.</summary>
        [Parameter]
        public SwitchParameter RequireSignatures { get; set; }

        [Parameter]
        [ValidateRange(0, 9)]
        public int CompressionLevel { get; set; } = 6;

        /// <summary>Sign every file without a .sig among the inputs (detached GOST CMS) and add the signatures; implies -RequireSignatures.</summary>
        [Parameter]
        [GostSignerTransformation]
        public GosApi.Crypto.Signers.IGostSigner? SignWith { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>The service's XSD files: every .xml file must match them, else nothing is written.</summary>
        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? SchemaPath { get; set; }

        protected override void ProcessRecord()
        {
            var literal = ParameterSetName == LiteralPathSet;
            var (paths, missing) = ResolveFilePaths(literal ? LiteralPath : Path, literal);
            files.AddRange(paths);
            missingInputs += missing;
        }

        protected override void EndProcessing()
        {
            var destination = GetUnresolvedProviderPathFromPSPath(Destination);
            if (missingInputs > 0)
            {
                // An archive without some of its files would be rejected by the service or, worse, accepted incomplete.
                WriteError(new ErrorRecord(new ItemNotFoundException($"The package {destination} was not built: {missingInputs} input path(s) were not found."),
                    "Epgu.PackageNotBuilt", ErrorCategory.ObjectNotFound, destination));
                return;
            }
            GosApi.Epgu.Xml.EpguXmlSchemas? schemas = null;
            if (SchemaPath != null)
            {
                var (schemaFiles, missingSchemas) = ResolveFilePaths(SchemaPath, literal: false);
                if (missingSchemas > 0)
                {
                    WriteError(new ErrorRecord(new ItemNotFoundException($"The package {destination} was not built: {missingSchemas} schema path(s) were not found."),
                        "Epgu.PackageNotBuilt", ErrorCategory.ObjectNotFound, destination));
                    return;
                }
                try { schemas = GosApi.Epgu.Xml.EpguXmlSchemas.Load(schemaFiles); }
                catch (System.Exception ex) when (IsReportable(ex)) { Terminate(ex, SchemaPath); }
            }
            if (!ShouldProcess(destination, $"Create EPGU package of {files.Count} file(s)")) return;
            var options = new EpguPackageOptions { RequireSignatures = RequireSignatures || SignWith != null, Overwrite = Force, CompressionLevel = CompressionLevel, SignWith = SignWith, Schemas = schemas };
            try
            {
                WriteObject(Run(ct => EpguPackageBuilder.BuildAsync(files, destination, options, ct)));
            }
            catch (GosApi.Epgu.Xml.EpguXmlValidationException invalid)
            {
                // One error per file that does not match, as Test-EpguRequestXml reports it; nothing was written.
                foreach (var result in invalid.Results)
                {
                    foreach (var error in result.Errors) WriteVerbose($"{System.IO.Path.GetFileName(result.Path)}: {error.Severity} {error}");
                    if (!result.IsValid) WriteError(EpguXmlErrors.Invalid(result));
                }
            }
            catch (System.Exception ex) when (IsReportable(ex))
            {
                Terminate(ex, destination);
            }
        }
    }
}
