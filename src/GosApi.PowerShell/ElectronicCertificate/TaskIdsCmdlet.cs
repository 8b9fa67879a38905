using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.ElectronicCertificate
{
    /// <summary>Wait- and Receive-ElectronicCertificateTask*: collect task ids from the pipeline, each once, then act on all of them.</summary>
    public abstract class TaskIdsCmdlet : ElectronicCertificateSessionCmdlet
    {
        private readonly List<string> taskIds = new List<string>();

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        public string[] TaskId { get; set; } = null!;

        protected override void ProcessRecord() => taskIds.AddRange(TaskId.Where(id => !string.IsNullOrWhiteSpace(id)));

        protected override void EndProcessing()
        {
            var ids = taskIds.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (ids.Count > 0) Process(ids);
        }

        /// <summary>The distinct ids of the whole pipeline input, in the order first seen.</summary>
        protected abstract void Process(IReadOnlyList<string> ids);
    }
}
