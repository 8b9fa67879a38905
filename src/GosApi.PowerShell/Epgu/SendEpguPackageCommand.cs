using System;
using System.Management.Automation;
using GosApi.Epgu;
using GosApi.Epgu.Models;
using GosApi.Epgu.Packages;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.Epgu
{
    /// <summary>
    /// Sends an order archive: /push for a small archive without an order, otherwise /push/chunked
    /// (creating the order first when none is given), with progress, parallel middle chunks and retries.
    /// </summary>
    [Cmdlet(VerbsCommunications.Send, "EpguPackage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(EpguUploadResult))]
    public sealed class SendEpguPackageCommand : EpguCmdlet
    {
        private static int nextActivityId;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        public long OrderId { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public string ServiceCode { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public string TargetCode { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public string Region { get; set; } = string.Empty;

        [Parameter]
        public SwitchParameter Chunked { get; set; }

        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long ChunkSize { get; set; }

        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; }

        protected override void ProcessRecord()
        {
            var path = GetUnresolvedProviderPathFromPSPath(Path);
            var meta = new EpguOrderRequest(ServiceCode, TargetCode, Region);
            var options = new EpguSendOptions
            {
                OrderId = MyInvocation.BoundParameters.ContainsKey(nameof(OrderId)) ? OrderId : (long?)null,
                ForceChunked = Chunked,
                ChunkSize = ChunkSize > 0 ? ChunkSize : (long?)null,
                ThrottleLimit = ThrottleLimit > 0 ? ThrottleLimit : (int?)null,
            };
            var target = options.OrderId.HasValue ? $"{path} into order {options.OrderId}" : $"{path} as a new order ({meta})";
            TryRun(() =>
            {
                meta.Validate();
                if (!ShouldProcess(target, "Send EPGU package")) return;
                var activityId = System.Threading.Interlocked.Increment(ref nextActivityId);
                var activity = "Sending " + System.IO.Path.GetFileName(path) + " to EPGU";
                var progress = new SynchronousProgress<UploadProgress>(p => Post(() => WriteProgress(ToRecord(activityId, activity, p))));
                try
                {
                    var result = Run(ct => Client.SendPackageAsync(path, meta, options, progress,
                        order => Post(() => WriteVerbose($"Order {order.OrderId} created; the archive goes into it next.")), ct));
                    WriteObject(result);
                }
                finally
                {
                    WriteProgress(new ProgressRecord(activityId, activity, "Done") { RecordType = ProgressRecordType.Completed });
                }
            }, path);
        }

        private static ProgressRecord ToRecord(int activityId, string activity, UploadProgress p)
        {
            var rate = p.BytesPerSecond / (1024 * 1024);
            var status = $"Order {p.OrderId}: {p.BytesSent / 1048576.0:0.0} of {p.TotalBytes / 1048576.0:0.0} MiB, chunk {p.ChunksDone}/{p.ChunkCount}, {rate:0.0} MiB/s";
            var record = new ProgressRecord(activityId, activity, status) { PercentComplete = p.PercentComplete };
            if (p.Remaining.HasValue) record.SecondsRemaining = (int)Math.Ceiling(p.Remaining.Value.TotalSeconds);
            return record;
        }
    }
}
