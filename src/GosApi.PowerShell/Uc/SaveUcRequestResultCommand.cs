using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using GosApi.PowerShell.Infrastructure;
using GosApi.Uc;
using GosApi.Uc.Models;

namespace GosApi.PowerShell.Uc
{
    /// <summary>
    /// request/result: saves every file of an issued request (certificate .cer type 7, print form type 6, licences)
    /// into -Destination under safe names; an existing file is kept unless -Force.
    /// </summary>
    [Cmdlet(VerbsData.Save, "UcRequestResult")]
    [OutputType(typeof(FileInfo))]
    public sealed class SaveUcRequestResultCommand : UcCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        public long RequestId { get; set; }

        /// <summary>The folder to save into; created when missing.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Destination { get; set; } = string.Empty;

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var id = RequestId;
            IReadOnlyList<UcFile>? files = null;
            if (!TryRun(() => files = Run(ct => Client.GetResultAsync(id, ct)), id)) return;
            if (files!.Count == 0)
            {
                WriteWarning($"УЦ request {id} has no result files (is it «Готово»? see Get-UcRequestStatus {id}).");
                return;
            }
            UcFileWriter.SaveAll(this, files, GetUnresolvedProviderPathFromPSPath(Destination), Force, id);
        }
    }

    /// <summary>Writes files of request/result or request/client_docs to a folder: safe names, no overwrite without -Force, FileInfo with Kind.</summary>
    internal static class UcFileWriter
    {
        public static void SaveAll(UcCmdlet cmdlet, IReadOnlyList<UcFile> files, string folder, bool force, long requestId)
        {
            if (File.Exists(folder))
            {
                cmdlet.WriteError(new ErrorRecord(new IOException($"Destination {folder} is a file; give a folder."), "Uc.IOError", ErrorCategory.WriteError, folder));
                return;
            }
            Directory.CreateDirectory(folder);
            var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var file in files)
            {
                var path = Path.Combine(folder, Unique(UcFiles.SafeName(file.Name), used));
                try
                {
                    if (File.Exists(path) && !force) throw new IOException($"{path} exists; add -Force to overwrite it.");
                    var temp = path + ".partial-" + Guid.NewGuid().ToString("N").Substring(0, 8);
                    try
                    {
                        File.WriteAllBytes(temp, file.Content);
                        if (File.Exists(path)) File.Delete(path);
                        File.Move(temp, path);
                    }
                    finally
                    {
                        if (File.Exists(temp)) File.Delete(temp);
                    }
                    cmdlet.WriteVerbose($"УЦ request {requestId}: saved {file.Kind} {path} ({file.Length} bytes).");
                    var output = PSObject.AsPSObject(new FileInfo(path));
                    output.Properties.Add(new PSNoteProperty("Kind", file.Kind));
                    cmdlet.WriteObject(output);
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    cmdlet.WriteError(new ErrorRecord(ex, ex is UnauthorizedAccessException ? "Uc.AccessDenied" : "Uc.IOError",
                        ex is UnauthorizedAccessException ? ErrorCategory.PermissionDenied : ErrorCategory.WriteError, path));
                }
            }
        }

        /// <summary>Two files of one answer with the same name get " (2)", " (3)"… before the extension.</summary>
        private static string Unique(string name, HashSet<string> used)
        {
            var candidate = name;
            for (var n = 2; !used.Add(candidate); n++)
                candidate = Path.GetFileNameWithoutExtension(name) + $" ({n})" + Path.GetExtension(name);
            return candidate;
        }
    }
}
