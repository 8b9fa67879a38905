using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using GosApi.FnsMobileSign;
using GosApi.FnsMobileSign.Models;
using GosApi.FnsMobileSign.Requests;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.FnsMobileSign
{
    /// <summary>
    /// Sends files for signature and, with -Wait, waits for the outcome and downloads every signed file and its .p7s.
    /// The workflow id and external_id are reported as soon as the workflow exists.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "FnsSigning", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ConsumerSet)]
    [OutputType(typeof(FnsSignedDocument))]
    public sealed class InvokeFnsSigningCommand : FnsCmdlet
    {
        private const string ConsumerSet = "Consumer";
        private const string InnSet = "InnAndPhone";
        private readonly List<string> paths = new List<string>();
        private readonly List<string> literalPaths = new List<string>();

        /// <summary>Files to sign; wildcards allowed.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true)]
        public string[]? Path { get; set; }

        /// <summary>Files to sign, taken literally.</summary>
        [Parameter]
        [Alias("PSPath")]
        public string[]? LiteralPath { get; set; }

        /// <summary>Files piped from Get-ChildItem or Get-Item (taken literally).</summary>
        [Parameter(ValueFromPipeline = true)]
        public System.IO.FileInfo[]? InputObject { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ConsumerSet)]
        public string ConsumerId { get; set; } = null!;

        [Parameter(Mandatory = true, ParameterSetName = InnSet)]
        public string Inn { get; set; } = null!;

        [Parameter(Mandatory = true, ParameterSetName = InnSet)]
        public string Phone { get; set; } = null!;

        /// <summary>Which of the signer's legal entities the documents are for.</summary>
        [Parameter] public string? LegalEntityInn { get; set; }
        [Parameter] public Uri? Backref { get; set; }
        [Parameter] public string? ContractorName { get; set; }
        [Parameter] public Uri? Callback { get; set; }
        [Parameter] public string? ExternalId { get; set; }
        [Parameter] public int? Scenario { get; set; }
        [Parameter] public SwitchParameter Wait { get; set; }

        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int TimeoutSec { get; set; } = 1800;

        [Parameter]
        [ValidateRange(1, 3600)]
        public int PollingIntervalSec { get; set; } = 5;

        [Parameter] public string? Destination { get; set; }
        [Parameter] public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            // A piped FileInfo also binds to -Path (as its text): take it literally and ignore that copy.
            if (InputObject != null) literalPaths.AddRange(InputObject.Select(f => f.FullName));
            else if (Path != null) paths.AddRange(Path);
            if (LiteralPath != null) literalPaths.AddRange(LiteralPath);
        }

        protected override void EndProcessing()
        {
            FnsWorkflow? created = null;
            try
            {
                var files = Uploads(paths.Distinct(StringComparer.Ordinal), literal: false).Concat(Uploads(literalPaths.Distinct(StringComparer.Ordinal), literal: true)).ToList();
                if (files.Count == 0) throw new ArgumentException("Path: give the files to sign (-Path or -LiteralPath, or pipe Get-ChildItem).", "Path");
                var legalEntity = string.IsNullOrWhiteSpace(LegalEntityInn) ? null : new FnsLegalEntityData { Inn = LegalEntityInn };
                Func<System.Threading.CancellationToken, System.Threading.Tasks.Task<FnsWorkflow>> create;
                string externalId;
                if (ParameterSetName == InnSet)
                {
                    var request = new FnsSimplifiedSigningRequest { Inn = Inn, Phone = Phone, LegalEntity = legalEntity, Backref = Backref, ContractorName = ContractorName, Callback = Callback, ExternalId = ExternalId, Scenario = Scenario };
                    request.Documents.AddRange(files);
                    request.Validate().ThrowIfInvalid();
                    externalId = request.EnsureExternalId();
                    create = ct => Client.CreateSimplifiedSigningAsync(request, ct);
                }
                else
                {
                    var request = new FnsWorkflowRequest { Type = FnsWorkflowType.DocumentSigning, ConsumerId = ConsumerId, LegalEntity = legalEntity, Backref = Backref, ContractorName = ContractorName, Callback = Callback, ExternalId = ExternalId, Scenario = Scenario };
                    request.Documents.AddRange(files);
                    request.Validate().ThrowIfInvalid();
                    externalId = request.EnsureExternalId();
                    create = ct => Client.CreateWorkflowAsync(request, ct);
                }
                var signer = ParameterSetName == InnSet ? $"the signer with INN {Inn}" : "client " + ConsumerId;
                if (!ShouldProcess($"{files.Count} documents for {signer} (external_id {externalId})", "send for signature")) return;
                var destination = Destination == null ? null : GetUnresolvedProviderPathFromPSPath(Destination);
                var options = new FnsSigningOptions
                {
                    Wait = Wait, Timeout = TimeSpan.FromSeconds(TimeoutSec), PollingInterval = TimeSpan.FromSeconds(PollingIntervalSec),
                    Destination = destination, Overwrite = Force,
                };
                var activity = $"Signing {files.Count} documents";
                var progress = new SynchronousProgress<FnsWorkflow>(w => Post(() => WriteProgress(new ProgressRecord(1, activity, $"workflow {w.Id}: {w.StateDisplay ?? w.StateName}"))));
                var results = Run(ct => new FnsSigningFlow(Client).RunAsync(create, options,
                    w => { created = w; Post(() => WriteVerbose($"Workflow {w.Id} created (external_id {w.ExternalId}, {w.DeepLink})" + (w.IsExisting ? "; it existed already." : "."))); },
                    progress, ct));
                WriteProgress(new ProgressRecord(1, activity, "Done") { RecordType = ProgressRecordType.Completed });
                foreach (var result in results) WriteObject(result);
                ReportOutcome(created, results);
            }
            catch (Exception ex) when (IsReportable(ex))
            {
                var error = ex is GosApi.Errors.GosApiException api && created != null && api.EntityId == null
                    ? api.WithEntityId("workflow " + created.Id, $"Workflow {created.Id} was created (external_id {created.ExternalId}).")
                    : ex;
                Terminate(error, created?.Id ?? (object?)ConsumerId ?? Inn);
            }
        }

        private void ReportOutcome(FnsWorkflow? workflow, IReadOnlyList<FnsSignedDocument> results)
        {
            if (workflow == null || results.Count == 0) return;
            var state = results[0].State;
            if (state != FnsWorkflowState.Rejected && state != FnsWorkflowState.Error) return;
            var id = state == FnsWorkflowState.Rejected ? "FnsMobileSign.SigningRejected" : "FnsMobileSign.SigningFailed";
            var message = state == FnsWorkflowState.Rejected
                ? $"The client refused to sign: workflow {workflow.Id} ended rejected."
                : $"Workflow {workflow.Id} ended in error" + (results[0].ErrorMessage == null ? "." : ": " + results[0].ErrorMessage);
            WriteError(new ErrorRecord(new InvalidOperationException(message), id, ErrorCategory.InvalidResult, workflow.Id)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = "Nothing was signed; send the documents again when the client is ready." },
            });
        }
    }
}
