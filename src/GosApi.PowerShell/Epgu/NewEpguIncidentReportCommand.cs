using System;
using System.IO;
using System.Management.Automation;
using System.Text;
using GosApi.Epgu;
using GosApi.Epgu.Incidents;
using GosApi.Errors;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.Epgu
{
    /// <summary>
    /// Writes the incident request of 001 Appendix 2 for a failed EPGU request: the e-mail subject and the eight items,
    /// filled from what the module recorded (token claims, contour, times, method, host, URL, headers without the
    /// token, body de-personalised for PROD, orderId) plus the user's description and analysis.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "EpguIncidentReport", SupportsShouldProcess = true)]
    [OutputType(typeof(string), typeof(FileInfo), typeof(EpguIncidentReport))]
    public sealed class NewEpguIncidentReportCommand : GosApiCmdlet
    {
        protected override GosApiService Service => GosApiService.Epgu;

        /// <summary>The error of the failed request ($_ in a catch block, $Error[0]); by default the session's last failed request.</summary>
        [Parameter(ValueFromPipeline = true)]
        [ValidateNotNull]
        public ErrorRecord? ErrorRecord { get; set; }

        /// <summary>The information system's mnemonic in ESIA; the subject line starts with it.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string Mnemonic { get; set; } = null!;

        /// <summary>Item 7: the situation in which the incident happened.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string Description { get; set; } = null!;

        /// <summary>Item 8: your analysis and the checks made per the specification's recommendations.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Analysis { get; set; }

        /// <summary>Item 1: the information system's name; the mnemonic by default.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? SystemName { get; set; }

        /// <summary>Item 2: the organisation's name (legal entity) or the person's full name (individual).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? RecipientName { get; set; }

        /// <summary>The short error summary that ends the subject line; made from the failure by default.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Summary { get; set; }

        /// <summary>PROD or SVCDEV; by default from the request's host or the session's contour.</summary>
        [Parameter]
        [ValidateSet("PROD", "SVCDEV")]
        public string? Environment { get; set; }

        /// <summary>The session whose last failure is reported when -ErrorRecord is not given.</summary>
        [Parameter]
        [ValidateNotNull]
        public EpguSession? Session { get; set; }

        /// <summary>Write the report to this UTF-8 text file.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <summary>Overwrite an existing file.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Output the report object (subject, items, text) instead of the text or the file.</summary>
        [Parameter]
        public SwitchParameter AsObject { get; set; }

        protected override void ProcessRecord()
        {
            var session = Session ?? SessionStore.Epgu;
            try
            {
                var error = FailureToReport();
                var exchange = error != null ? error.Exchange : session?.Statistics.LastFailure;
                if (exchange == null)
                {
                    throw new ArgumentException(error != null
                        ? $"ErrorRecord: {error.ErrorId} happened before any request reached the network, so there is nothing for the operator to analyse; fix the input instead."
                        : "ErrorRecord: none given and the EPGU session has no failed request; pass -ErrorRecord $_ from a catch block or $Error[0].", nameof(ErrorRecord));
                }
                var context = new EpguIncidentContext
                {
                    Mnemonic = Mnemonic,
                    Description = Description,
                    Analysis = Analysis,
                    SystemName = SystemName,
                    RecipientName = RecipientName,
                    Summary = Summary,
                    Environment = Environment == null
                        ? EpguIncidentReportBuilder.EnvironmentOf(exchange, session?.Environment)
                        : Environment == "PROD" ? EpguEnvironment.Production : EpguEnvironment.Test,
                    SessionToken = session?.TokenInfo,
                };
                var report = EpguIncidentReportBuilder.Build(exchange, error, context);
                if (Path == null)
                {
                    WriteObject(AsObject ? report : (object)report.Text);
                    return;
                }
                var path = GetUnresolvedProviderPathFromPSPath(Path);
                if (File.Exists(path) && !Force) throw new IOException($"Path {path}: the file exists; use -Force to overwrite it.");
                if (!ShouldProcess(path, $"Write incident report \"{report.Subject}\"")) return;
                File.WriteAllText(path, report.Text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                report.Path = path;
                WriteVerbose($"Send {path} to {report.Recipient} with the subject: {report.Subject}");
                WriteObject(AsObject ? report : (object)new FileInfo(path));
            }
            catch (Exception ex) when (IsReportable(ex))
            {
                Terminate(ex, ErrorRecord ?? (object?)Path);
            }
        }

        private GosApiException? FailureToReport()
        {
            if (ErrorRecord == null) return null;
            for (Exception? ex = ErrorRecord.Exception; ex != null; ex = ex.InnerException)
                if (ex is GosApiException api) return api;
            throw new ArgumentException($"ErrorRecord: {ErrorRecord.FullyQualifiedErrorId} is not the error of a request the module sent (an input error is found before any request reaches the network); there is nothing to report to the operator.", nameof(ErrorRecord));
        }
    }
}
