using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using GosApi.Crypto.Cms;
using GosApi.Crypto.Signers;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.Gost
{
    /// <summary>
    /// Signs files with GOST R 34.10-2012: detached CMS (default, writes &lt;file&gt;.sig next to each file) or attached,
    /// DER, PEM or base64, with signingCertificateV2 and signingTime; many files in parallel, streamed from disk.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "GostSignature", SupportsShouldProcess = true, DefaultParameterSetName = PathSet)]
    [OutputType(typeof(GostSignatureFile))]
    public sealed class NewGostSignatureCommand : GostCmdlet
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";
        private readonly List<string> files = new List<string>();

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = PathSet)]
        [SupportsWildcards]
        public string[] Path { get; set; } = new string[0];

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = LiteralPathSet)]
        [Alias("PSPath", "LP")]
        public string[] LiteralPath { get; set; } = new string[0];

        /// <summary>A credential (Import-GostCertificate, New-GostSelfSignedCertificate) or a signer (New-GostSigner).</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [GostSignerTransformation]
        public IGostSigner SignWith { get; set; } = null!;

        /// <summary>Embed the content in the signature (attached CMS) instead of a detached signature.</summary>
        [Parameter]
        public SwitchParameter Attached { get; set; }

        [Parameter]
        [ValidateSet("Der", "Pem", "Base64")]
        public string Encoding { get; set; } = "Der";

        /// <summary>Folder for the signatures; by default each goes next to its file.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Destination { get; set; }

        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = Environment.ProcessorCount;

        /// <summary>Overwrite signature files that exist.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var literal = ParameterSetName == LiteralPathSet;
            files.AddRange(ResolveFilePaths(literal ? LiteralPath : Path, literal).Paths.Where(File.Exists));
        }

        protected override void EndProcessing()
        {
            var destination = Destination == null ? null : GetUnresolvedProviderPathFromPSPath(Destination);
            var jobs = new List<(string File, string Signature)>();
            foreach (var file in files)
            {
                var signature = SignaturePathFor(file, destination);
                if (File.Exists(signature) && !Force)
                {
                    WriteError(new ErrorRecord(new IOException($"SignaturePath {signature}: already exists (use -Force to overwrite)."), "Gost.SignatureExists", ErrorCategory.ResourceExists, file));
                    continue;
                }
                if (ShouldProcess(file, $"Sign with {SignWith.Certificate.Subject} into {signature}")) jobs.Add((file, signature));
            }
            if (jobs.Count == 0) return;
            if (destination != null) Directory.CreateDirectory(destination);
            var done = 0;
            TryRun(() => Run(ct => SignAllAsync(jobs, () =>
            {
                var count = Interlocked.Increment(ref done);
                Post(() => WriteProgress(new ProgressRecord(3, "Signing files", $"{count} of {jobs.Count}") { PercentComplete = count * 100 / jobs.Count }));
            }, ct)), files);
            WriteProgress(new ProgressRecord(3, "Signing files", "Done") { RecordType = ProgressRecordType.Completed });
        }

        private async Task SignAllAsync(IReadOnlyList<(string File, string Signature)> jobs, Action onDone, CancellationToken cancellationToken)
        {
            using var slots = new SemaphoreSlim(ThrottleLimit, ThrottleLimit);
            var tasks = jobs.Select(async job =>
            {
                await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    var result = await SignOneAsync(job.File, job.Signature, cancellationToken).ConfigureAwait(false);
                    PostObject(result);
                }
                catch (Exception ex) when (IsReportable(ex) || ex is IOException)
                {
                    Post(() => WriteError(ErrorRecords.From(ex, Service, job.File)));
                }
                finally
                {
                    slots.Release();
                    onDone();
                }
            });
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }

        private async Task<GostSignatureFile> SignOneAsync(string file, string signaturePath, CancellationToken cancellationToken)
        {
            byte[] der;
            using (var content = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan))
            {
                der = Attached
                    ? await SignWith.SignAttachedAsync(content, null, cancellationToken).ConfigureAwait(false)
                    : await SignWith.SignDetachedAsync(content, null, cancellationToken).ConfigureAwait(false);
            }
            var temp = signaturePath + ".partial-" + Guid.NewGuid().ToString("N").Substring(0, 8);
            try
            {
                if (Encoding == "Der") File.WriteAllBytes(temp, der);
                else File.WriteAllText(temp, Encoding == "Pem" ? CmsEncoding.ToPem(der) : CmsEncoding.ToBase64(der, lineBreaks: false), new System.Text.UTF8Encoding(false));
                if (File.Exists(signaturePath)) File.Delete(signaturePath);
                File.Move(temp, signaturePath);
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
            return new GostSignatureFile
            {
                Path = file,
                SignaturePath = signaturePath,
                Attached = Attached,
                Encoding = Encoding,
                Length = new FileInfo(signaturePath).Length,
                Signer = SignWith.Certificate.Subject,
            };
        }

        private string SignaturePathFor(string file, string? destination)
        {
            var name = System.IO.Path.GetFileName(file) + (Attached ? ".p7m" : ".sig");
            return System.IO.Path.Combine(destination ?? System.IO.Path.GetDirectoryName(file)!, name);
        }
    }
}
