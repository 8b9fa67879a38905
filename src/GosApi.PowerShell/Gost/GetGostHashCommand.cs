using System.IO;
using System.Management.Automation;
using GosApi.Crypto.Hashing;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.Gost
{
    /// <summary>GOST R 34.11-2012 (Streebog) hash of files or a stream, like Get-FileHash.</summary>
    [Cmdlet(VerbsCommon.Get, "GostHash", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(GostFileHash))]
    public sealed class GetGostHashCommand : GostCmdlet
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";
        private const string StreamSet = "Stream";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = PathSet)]
        [SupportsWildcards]
        public string[] Path { get; set; } = new string[0];

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = LiteralPathSet)]
        [Alias("PSPath", "LP")]
        public string[] LiteralPath { get; set; } = new string[0];

        [Parameter(Mandatory = true, ParameterSetName = StreamSet)]
        public Stream InputStream { get; set; } = Stream.Null;

        /// <summary>Streebog256 (default) or Streebog512.</summary>
        [Parameter(Position = 1)]
        [ValidateSet("Streebog256", "Streebog512")]
        public string Algorithm { get; set; } = "Streebog256";

        private int Bits => Algorithm == "Streebog512" ? 512 : 256;

        protected override void ProcessRecord()
        {
            if (ParameterSetName == StreamSet)
            {
                TryRun(() => WriteObject(new GostFileHash(Algorithm, GostHash.ToHex(Run(ct => GostHash.ComputeAsync(InputStream, Bits, null, ct))).ToUpperInvariant(), null)), InputStream);
                return;
            }
            var literal = ParameterSetName == LiteralPathSet;
            foreach (var path in ResolveFilePaths(literal ? LiteralPath : Path, literal).Paths)
            {
                if (Directory.Exists(path)) continue;
                var length = new FileInfo(path).Length;
                var activity = "Streebog hash of " + System.IO.Path.GetFileName(path);
                var progress = new SynchronousProgress<long>(done => Post(() =>
                    WriteProgress(new ProgressRecord(2, activity, $"{done / 1048576} of {length / 1048576} MiB") { PercentComplete = length == 0 ? 100 : (int)(done * 100 / length) })));
                TryRun(() => WriteObject(new GostFileHash(Algorithm, GostHash.ToHex(Run(ct => GostHash.ComputeFileAsync(path, Bits, progress, ct))).ToUpperInvariant(), path)), path);
                WriteProgress(new ProgressRecord(2, activity, "Done") { RecordType = ProgressRecordType.Completed });
            }
        }
    }
}
