using System;
using System.Linq;
using System.Management.Automation;
using System.Security;
using GosApi.Crypto.Pki;
using GosApi.PowerShell.Infrastructure;
using GosApi.Uc;

namespace GosApi.PowerShell.Uc
{
    /// <summary>
    /// The whole primary issue in one command: create (or continue -RequestId) → scan archive (8) → its signature (9)
    /// → key and PKCS#10 (0) → the PKCS#10 signed by the УЦ operator (20) → the issued certificate, waiting out status
    /// 22 between steps. Re-running with the same request id continues from the first step not yet done.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Submit, "UcRequest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(UcSubmissionResult))]
    public sealed class SubmitUcRequestCommand : UcRequestInfoCmdlet
    {
        /// <summary>Continue this request instead of creating one.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        public long? RequestId { get; set; }

        /// <summary>The scans (wildcards allowed), zipped by the cmdlet.</summary>
        [Parameter] public string[]? ScanPath { get; set; }
        /// <summary>A ready archive instead of -ScanPath.</summary>
        [Parameter] public string? ArchivePath { get; set; }

        /// <summary>The УЦ operator's certificate and key (Import-GostCertificate output or New-GostSigner).</summary>
        [Parameter(Mandatory = true)]
        [GostSignerTransformation]
        public GosApi.Crypto.Signers.IGostSigner Operator { get; set; } = null!;

        [Parameter(Mandatory = true)] public string KeyPath { get; set; } = null!;
        [Parameter(Mandatory = true)] public SecureString KeyPassword { get; set; } = null!;

        [Parameter]
        [ValidateSet("CryptoProA", "CryptoProB", "CryptoProC", "CryptoProXchA", "CryptoProXchB", "Tc26256A", "Tc26256B", "Tc26256C", "Tc26256D", "Tc26512A", "Tc26512B", "Tc26512C")]
        public string KeyParameterSet { get; set; } = "Tc26256A";

        /// <summary>Wait for the certificate and save request/result's files here.</summary>
        [Parameter] public string? Destination { get; set; }

        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int TimeoutSec { get; set; } = 1800;

        [Parameter]
        [ValidateRange(1, 3600)]
        public int PollingIntervalSec { get; set; } = 5;

        protected override void ProcessRecord()
        {
            long? created = null;
            const string activity = "УЦ «Основание»: primary issue";
            try
            {
                if (RequestId.HasValue && GivenInfoParameters.Length > 0)
                    throw new ArgumentException($"RequestId: a request that exists keeps its data; leave out {string.Join(", ", GivenInfoParameters.Select(p => "-" + p))} (use Set-UcRequest to change them).", nameof(RequestId));
                var scans = ScanPath == null ? Array.Empty<string>() : ResolveFilePaths(ScanPath, literal: false) is var (found, missing) && missing == 0 ? found.ToArray()
                    : throw new ArgumentException("ScanPath: some scans were not found (see the errors above); nothing was sent.", nameof(ScanPath));
                var options = new UcSubmissionOptions
                {
                    RequestId = RequestId,
                    Info = RequestId.HasValue ? null : BuildInfo(),
                    ScanPaths = scans,
                    ArchivePath = ArchivePath == null ? null : GetUnresolvedProviderPathFromPSPath(ArchivePath),
                    Operator = Operator,
                    KeyPath = GetUnresolvedProviderPathFromPSPath(KeyPath),
                    KeyPassword = SecretText.Reveal(KeyPassword),
                    ParameterSet = Parse<GostParameterSet>(KeyParameterSet),
                    Destination = Destination == null ? null : GetUnresolvedProviderPathFromPSPath(Destination),
                    Timeout = TimeSpan.FromSeconds(TimeoutSec),
                    PollingInterval = TimeSpan.FromSeconds(PollingIntervalSec),
                };
                // Core reports each step on the Verbose stream too; progress shows the latest.
                var submission = new UcSubmission(Client, options, new SynchronousProgress<UcSubmissionStep>(s => Post(() =>
                    WriteProgress(new ProgressRecord(1, activity, s.ToString())))));
                if (options.Info != null)
                {
                    options.Info.Validate().ThrowIfInvalid();
                    submission.Validate(options.Info.Type);
                }
                var target = RequestId.HasValue ? "УЦ request " + RequestId : $"{options.Info!.Type} {options.Info.FullName}";
                if (!ShouldProcess(target, RequestId.HasValue ? "continue the primary issue" : "create a request and run the primary issue")) return;
                var result = Run(ct => submission.RunAsync(id => { created = id; Post(() => WriteVerbose($"УЦ request {id} created; continue it with Submit-UcRequest -RequestId {id}.")); }, ct));
                WriteObject(result);
                if (result.KeyMatchesCertificate == false)
                    WriteError(new ErrorRecord(new InvalidOperationException($"The certificate of request {result.RequestId} does not carry the generated public key."), "Uc.KeyMismatch", ErrorCategory.InvalidResult, result.RequestId));
            }
            catch (Exception ex) when (IsReportable(ex))
            {
                var error = ex is GosApi.Errors.GosApiException api && created.HasValue && api.EntityId == null
                    ? api.WithEntityId("request " + created, $"УЦ request {created} exists; continue it with Submit-UcRequest -RequestId {created}.")
                    : ex;
                Terminate(error, created ?? RequestId ?? (object?)LastName);
            }
            finally
            {
                try { WriteProgress(new ProgressRecord(1, activity, "Done") { RecordType = ProgressRecordType.Completed }); }
                catch (PipelineStoppedException) { }
                catch (InvalidOperationException) { }
            }
        }
    }
}
