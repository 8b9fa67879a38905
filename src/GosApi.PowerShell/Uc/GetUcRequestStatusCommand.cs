using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using GosApi.PowerShell.Infrastructure;
using GosApi.Uc.Models;

namespace GosApi.PowerShell.Uc
{
    /// <summary>
    /// request/status: every id from the command line and the pipeline is collected and asked for in one call at the
    /// end (in calls of <see cref="ChunkSize"/> ids when there are more).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "UcRequestStatus")]
    [OutputType(typeof(UcStatusEntry))]
    public sealed class GetUcRequestStatusCommand : UcCmdlet
    {
        /// <summary>Ids asked for in one request/status call.</summary>
        public const int ChunkSize = 500;

        private readonly List<long> ids = new List<long>();
        private readonly HashSet<long> seen = new HashSet<long>();

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        public long[] RequestId { get; set; } = null!;

        protected override void ProcessRecord()
        {
            foreach (var id in RequestId)
                if (seen.Add(id)) ids.Add(id);
        }

        protected override void EndProcessing()
        {
            for (var start = 0; start < ids.Count; start += ChunkSize)
            {
                var chunk = ids.Skip(start).Take(ChunkSize).ToArray();
                TryRun(() =>
                {
                    var entries = Run(ct => Client.GetStatusesAsync(chunk, ct));
                    // In the order asked for; anything the service added is written after.
                    var byId = entries.GroupBy(e => e.RequestId).ToDictionary(g => g.Key, g => g.First());
                    foreach (var id in chunk)
                    {
                        if (byId.TryGetValue(id, out var entry)) WriteObject(entry);
                        else WriteWarning($"The service did not return a status for request {id}.");
                    }
                    foreach (var extra in entries.Where(e => !chunk.Contains(e.RequestId))) WriteObject(extra);
                }, chunk.Length == 1 ? chunk[0] : (object)chunk);
            }
        }
    }
}
