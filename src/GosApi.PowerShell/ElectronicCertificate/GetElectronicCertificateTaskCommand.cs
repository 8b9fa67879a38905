using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using GosApi.ElectronicCertificates;
using GosApi.ElectronicCertificates.Models;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.ElectronicCertificate
{
    /// <summary>
    /// ec-tasks-status, all pages. The service reports each status once; with -TaskId the session's last known
    /// status answers for tasks that did not change since.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ElectronicCertificateTask")]
    [OutputType(typeof(ElectronicCertificateTask))]
    public sealed class GetElectronicCertificateTaskCommand : ElectronicCertificateSessionCmdlet
    {
        private readonly List<string> taskIds = new List<string>();

        [Parameter]
        [ValidateSet("ec_create", "ec_status", "ec_edit", "ec_block", "ec_register_extract", "ec_condition_notice")]
        public string[]? RequestType { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        public string[]? TaskId { get; set; }

        [Parameter]
        [Alias("Task_Quantity", "Quantity")]
        [ValidateRange(1, ElectronicCertificateClient.MaxTaskQuantity)]
        public int PageSize { get; set; } = ElectronicCertificateClient.MaxTaskQuantity;

        protected override void ProcessRecord()
        {
            if (TaskId != null) taskIds.AddRange(TaskId.Where(id => !string.IsNullOrWhiteSpace(id)));
        }

        protected override void EndProcessing()
        {
            IReadOnlyList<ElectronicCertificateTask> reported = new ElectronicCertificateTask[0];
            if (!TryRun(() => reported = Run(ct => Client.GetTaskStatusesAsync(RequestType, PageSize, ct)), null)) return;
            if (taskIds.Count == 0)
            {
                foreach (var task in reported) WriteObject(task);
                return;
            }
            var ids = taskIds.Distinct(System.StringComparer.OrdinalIgnoreCase).ToList();
            var known = Client.KnownTasks(ids);
            foreach (var task in known) WriteObject(task);
            foreach (var missing in ids.Except(known.Select(t => t.TaskId), System.StringComparer.OrdinalIgnoreCase))
            {
                WriteError(new ErrorRecord(new ItemNotFoundException($"Task {missing}: the service has not reported it and this session has not seen it."),
                    "ElectronicCertificate.TaskNotFound", ErrorCategory.ObjectNotFound, missing));
            }
        }
    }
}
