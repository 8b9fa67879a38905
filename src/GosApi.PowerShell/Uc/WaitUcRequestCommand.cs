using System;
using System.Linq;
using System.Management.Automation;
using GosApi.PowerShell.Infrastructure;
using GosApi.Uc.Models;

namespace GosApi.PowerShell.Uc
{
    /// <summary>Polls request/status until the request reaches one of -Status (Ready or Refused by default); outputs that status.</summary>
    [Cmdlet(VerbsLifecycle.Wait, "UcRequest")]
    [OutputType(typeof(UcStatusEntry))]
    public sealed class WaitUcRequestCommand : UcCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        public long RequestId { get; set; }

        /// <summary>The statuses to wait for (names of UcRequestStatus).</summary>
        [Parameter]
        [ValidateSet("Ready", "Refused", "SendingDocuments", "GeneratingRequest", "Issuing", "Moderation", "AwaitingChiefManagerSignature", IgnoreCase = true)]
        [ValidateNotNullOrEmpty]
        public string[] Status { get; set; } = { "Ready", "Refused" };

        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int TimeoutSec { get; set; } = 1800;

        [Parameter]
        [ValidateRange(1, 3600)]
        public int PollingIntervalSec { get; set; } = 5;

        protected override void ProcessRecord()
        {
            var until = Status.Select(Parse<UcRequestStatus>).Distinct().ToArray();
            var id = RequestId;
            var activity = $"Waiting for УЦ request {id}";
            var wanted = string.Join(", ", until.Select(s => UcMeanings.Of(s)));
            var progress = new SynchronousProgress<UcStatusEntry>(s => Post(() => WriteProgress(new ProgressRecord(1, activity, $"{s.StatusId} «{s.Meaning}»; waiting for {wanted}"))));
            try
            {
                TryRun(() =>
                {
                    var (status, timedOut) = Run(ct => Client.WaitAsync(id, until, TimeSpan.FromSeconds(TimeoutSec), TimeSpan.FromSeconds(PollingIntervalSec), progress, ct));
                    WriteObject(status);
                    if (timedOut)
                    {
                        var message = $"УЦ request {id} is still in status {status.StatusId} «{status.Meaning}» after {TimeoutSec} s.";
                        WriteError(new ErrorRecord(new TimeoutException(message), "Uc.WaitTimeout", ErrorCategory.OperationTimeout, id)
                        {
                            ErrorDetails = new ErrorDetails(message) { RecommendedAction = "Wait again with a larger -TimeoutSec." },
                        });
                    }
                    else if (status.Status == UcRequestStatus.NoData)
                    {
                        WriteWarning($"УЦ request {id}: no data (status 0: unknown or not yours).");
                    }
                    else if (status.Status == UcRequestStatus.Refused && !until.Contains(UcRequestStatus.Refused))
                    {
                        WriteWarning($"УЦ request {id} was refused (status 5 «Отказ»); see the reason with Get-UcRequest -RequestId {id}.");
                    }
                }, id);
            }
            finally
            {
                WriteProgress(new ProgressRecord(1, activity, "Done") { RecordType = ProgressRecordType.Completed });
            }
        }
    }
}
