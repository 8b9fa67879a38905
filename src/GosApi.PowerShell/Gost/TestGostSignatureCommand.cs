using System.IO;
using System.Management.Automation;
using GosApi.Crypto.Cms;
using GosApi.Crypto.Pki;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.Gost
{
    /// <summary>
    /// Verifies a detached signature of a file (default &lt;file&gt;.sig) or an attached signature, and reports the signer,
    /// signing time, digest algorithm, validity and, with -TrustedRoot, the chain. A bad signature is a result, not an error.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "GostSignature", DefaultParameterSetName = DetachedSet)]
    [OutputType(typeof(GostSignatureInfo), typeof(bool))]
    public sealed class TestGostSignatureCommand : GostCmdlet
    {
        private const string DetachedSet = "Detached";
        private const string AttachedSet = "Attached";

        /// <summary>The signed file (detached) or the attached signature file.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>The detached signature; default &lt;Path&gt;.sig. DER, PEM or base64.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = DetachedSet)]
        [ValidateNotNullOrEmpty]
        public string? SignaturePath { get; set; }

        /// <summary>-Path is an attached signature that carries its content.</summary>
        [Parameter(Mandatory = true, ParameterSetName = AttachedSet)]
        public SwitchParameter Attached { get; set; }

        /// <summary>Write the content of an attached signature to this file (only when the signature is valid).</summary>
        [Parameter(ParameterSetName = AttachedSet)]
        [ValidateNotNullOrEmpty]
        public string? ContentPath { get; set; }

        /// <summary>Root certificates (objects or files) to build the signer's chain to; without them the chain is not checked.</summary>
        [Parameter]
        [GostCertificatesTransformation]
        public GostCertificate[]? TrustedRoot { get; set; }

        /// <summary>Return only $true or $false.</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        protected override void ProcessRecord()
        {
            var path = GetUnresolvedProviderPathFromPSPath(Path);
            TryRun(() =>
            {
                var options = new CmsVerificationOptions();
                foreach (var root in TrustedRoot ?? new GostCertificate[0]) options.TrustedRoots.Add(root);
                var verifier = new CmsSignatureVerifier(options);
                GostSignatureInfo info;
                string signaturePath;
                if (Attached)
                {
                    signaturePath = path;
                    var signature = CmsEncoding.Decode(File.ReadAllBytes(path));
                    if (ContentPath == null)
                    {
                        info = Run(ct => verifier.VerifyAttachedAsync(signature, null, ct));
                    }
                    else
                    {
                        // The content appears under its name only when the signature is valid.
                        var contentPath = GetUnresolvedProviderPathFromPSPath(ContentPath);
                        var temp = contentPath + ".partial-" + System.Guid.NewGuid().ToString("N").Substring(0, 8);
                        try
                        {
                            using (var output = File.Create(temp)) info = Run(ct => verifier.VerifyAttachedAsync(signature, output, ct));
                            if (info.IsValid)
                            {
                                if (File.Exists(contentPath)) File.Delete(contentPath);
                                File.Move(temp, contentPath);
                            }
                            else
                            {
                                WriteWarning($"The signature is not valid; the content was not written to {contentPath}.");
                            }
                        }
                        finally
                        {
                            if (File.Exists(temp)) File.Delete(temp);
                        }
                    }
                }
                else
                {
                    signaturePath = SignaturePath == null ? path + ".sig" : GetUnresolvedProviderPathFromPSPath(SignaturePath);
                    info = Run(ct => verifier.VerifyDetachedFileAsync(path, signaturePath, ct));
                }
                foreach (var problem in info.Problems) WriteVerbose($"{System.IO.Path.GetFileName(path)}: {problem}");
                if (Quiet)
                {
                    WriteObject(info.IsValid);
                    return;
                }
                var result = new PSObject(info);
                result.Properties.Add(new PSNoteProperty("Path", path));
                result.Properties.Add(new PSNoteProperty("SignaturePath", signaturePath));
                WriteObject(result);
            }, path);
        }
    }
}
