using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using GosApi.ElectronicCertificates;
using GosApi.ElectronicCertificates.Models;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.ElectronicCertificate
{
    /// <summary>ec-tasks-results: the per-record results of executed tasks (ids collected from the pipeline, 100 per request).</summary>
    [Cmdlet(VerbsCommunications.Receive, "ElectronicCertificateTaskResult")]
    [OutputType(typeof(ElectronicCertificateTaskResult))]
    public sealed class ReceiveElectronicCertificateTaskResultCommand : TaskIdsCmdlet
    {
        protected override void Process(IReadOnlyList<string> ids)
        {
            TaskResultsAnswer? answer = null;
            if (!TryRun(() => answer = Run(ct => Client.GetTaskResultsAsync(ids, ct)), null)) return;
            foreach (var result in answer!.Results) WriteObject(result);
            foreach (var id in answer.WithoutResult)
            {
                var status = Client.KnownTasks(new[] { id }).FirstOrDefault();
                WriteError(new ErrorRecord(
                    new PSInvalidOperationException($"Task {id} has no result yet" + (status == null ? " (the service does not know it or has not executed it)." : $" (last known status {status.Status}: {status.StatusMeaning}).")),
                    "ElectronicCertificate.TaskResultNotReady", ErrorCategory.ResourceUnavailable, id)
                {
                    ErrorDetails = new ErrorDetails($"Task {id} has no result yet.") { RecommendedAction = "Wait for it with Wait-ElectronicCertificateTask, then receive again." },
                });
            }
        }
    }
}
