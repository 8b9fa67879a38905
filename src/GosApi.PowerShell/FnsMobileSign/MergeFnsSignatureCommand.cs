using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using GosApi.Crypto.Cms;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.FnsMobileSign
{
    /// <summary>
    /// POST /api/rb/signatures-merge: one CMS (DER) with the signers of every signature given as a file or as the
    /// service's link; all pipeline input is collected and merged once.
    /// </summary>
    /// <remarks>
    /// -Path does not bind from the pipeline: an FnsDocument's Path is the service link of the document itself,
    /// not of a signature. Its Signature binds to -SignatureLink.
    /// </remarks>
    [Cmdlet(VerbsData.Merge, "FnsSignature", SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class MergeFnsSignatureCommand : FnsCmdlet
    {
        private readonly List<string> files = new List<string>();
        private readonly List<string> links = new List<string>();
        private int failedInputs;

        /// <summary>Signature files (.p7s: DER, PEM or base64); wildcards allowed.</summary>
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Path { get; set; }

        /// <summary>Service links such as /api/rb/document/16569/signature/VIY52ZGQ.p7s; the Signature of a piped FnsDocument.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Signature")]
        [AllowNull, AllowEmptyString, AllowEmptyCollection]
        public string[]? SignatureLink { get; set; }

        /// <summary>The file to write the merged signature to.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string Destination { get; set; } = string.Empty;

        /// <summary>Overwrite the destination when it exists.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            if (Path != null)
            {
                var (found, missing) = ResolveFilePaths(Path, literal: false);
                failedInputs += missing;
                foreach (var f in found) if (!files.Contains(f, StringComparer.OrdinalIgnoreCase)) files.Add(f);
                Path = null; // given once on the command line: do not add it again with every piped object
            }
            if (SignatureLink != null)
            {
                foreach (var link in SignatureLink)
                {
                    if (string.IsNullOrWhiteSpace(link)) WriteWarning("A piped document has no signature yet (it is not signed); it is left out.");
                    else if (!links.Contains(link.Trim(), StringComparer.Ordinal)) links.Add(link.Trim());
                }
            }
        }

        protected override void EndProcessing()
        {
            if (failedInputs > 0)
                Terminate(new FileNotFoundException($"{failedInputs} of the signature files were not found; nothing was merged."), Destination);
            var destination = GetUnresolvedProviderPathFromPSPath(Destination);
            if (Directory.Exists(destination))
                Terminate(new IOException($"Destination {destination} is a folder; give the path of the file to write."), destination);
            if (File.Exists(destination) && !Force)
                Terminate(new IOException($"The file {destination} already exists; use -Force to overwrite it."), destination);
            var what = string.Join(", ", files.Select(System.IO.Path.GetFileName).Concat(links));
            if (!ShouldProcess($"{destination} from {files.Count + links.Count} signatures ({what})", "Merge signatures")) return;
            TryRun(() =>
            {
                var signatures = files.Select(f => CmsEncoding.Decode(File.ReadAllBytes(f))).ToArray();
                var merged = Run(ct => Client.MergeSignaturesAsync(signatures, links, ct));
                var temp = destination + ".partial-" + Guid.NewGuid().ToString("N").Substring(0, 8);
                try
                {
                    File.WriteAllBytes(temp, merged);
                    if (File.Exists(destination)) File.Delete(destination);
                    File.Move(temp, destination);
                }
                finally
                {
                    if (File.Exists(temp)) File.Delete(temp);
                }
                WriteVerbose($"Merged {signatures.Length + links.Count} signatures into {destination} ({merged.Length} bytes).");
                WriteObject(new FileInfo(destination));
            }, destination);
        }
    }
}
