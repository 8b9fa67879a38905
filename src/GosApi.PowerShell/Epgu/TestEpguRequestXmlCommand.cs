using System.Collections.Generic;
using System.Management.Automation;
using GosApi.Epgu.Xml;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.Epgu
{
    /// <summary>Validates request XML files against a service's XSD set and reports every error with its line and position.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "EpguRequestXml", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(EpguXmlValidationResult), typeof(bool))]
    public sealed class TestEpguRequestXmlCommand : GosApiCmdlet
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";
        private EpguXmlSchemas? schemas;

        protected override GosApiService Service => GosApiService.Epgu;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = PathSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = new string[0];

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = LiteralPathSet)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = new string[0];

        /// <summary>The service's XSD files; included and imported files are found relative to each.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] SchemaPath { get; set; } = new string[0];

        [Parameter]
        public SwitchParameter Quiet { get; set; }

        protected override void BeginProcessing()
        {
            var (paths, missing) = ResolveFilePaths(SchemaPath, literal: false);
            if (missing > 0)
                ThrowTerminatingError(new ErrorRecord(new ItemNotFoundException($"{missing} schema path(s) were not found; nothing was validated."), "Epgu.SchemaNotFound", ErrorCategory.ObjectNotFound, SchemaPath));
            try
            {
                schemas = EpguXmlSchemas.Load(paths);
            }
            catch (System.Exception ex) when (IsReportable(ex))
            {
                Terminate(ex, SchemaPath);
            }
        }

        protected override void ProcessRecord()
        {
            var literal = ParameterSetName == LiteralPathSet;
            foreach (var path in ResolveFilePaths(literal ? LiteralPath : Path, literal).Paths)
            {
                TryRun(() =>
                {
                    var result = schemas!.Validate(path);
                    foreach (var error in result.Errors) WriteVerbose($"{System.IO.Path.GetFileName(path)}: {error.Severity} {error}");
                    if (!result.IsValid) WriteError(EpguXmlErrors.Invalid(result));
                    if (Quiet) WriteObject(result.IsValid);
                    else WriteObject(result);
                }, path);
            }
        }
    }
}
