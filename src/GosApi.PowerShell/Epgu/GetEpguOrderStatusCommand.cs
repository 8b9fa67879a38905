using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading.Tasks;
using GosApi.Epgu.Models;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.Epgu
{
    /// <summary>
    /// Current statuses of many orders (getOrdersStatus, batched) or of every order changed since a moment
    /// (getUpdatedAfter); every page is fetched. Orders the service does not know come back with Found = $false.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "EpguOrderStatus", DefaultParameterSetName = ByIdSet, SupportsPaging = true)]
    [OutputType(typeof(EpguOrderStatus))]
    public sealed class GetEpguOrderStatusCommand : EpguCmdlet
    {
        private const string ByIdSet = "ById";
        private const string UpdatedAfterSet = "UpdatedAfter";
        private readonly List<long> ids = new List<long>();

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByIdSet)]
        [ValidateRange(1, long.MaxValue)]
        public long[] OrderId { get; set; } = new long[0];

        /// <summary>Orders whose status changed after this moment; a DateTime of kind Unspecified is taken as local time.</summary>
        [Parameter(Mandatory = true, ParameterSetName = UpdatedAfterSet)]
        public DateTime UpdatedAfter { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ByIdSet) ids.AddRange(OrderId);
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName == ByIdSet && ids.Count == 0) return;
            var pager = new PagingWriter(PagingParameters, WriteObject);
            TryRun(() => Run(async ct =>
            {
                var items = ParameterSetName == ByIdSet
                    ? Client.GetOrdersStatusAsync(ids, ct)
                    : Client.GetUpdatedAfterAsync(new DateTimeOffset(UpdatedAfter.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(UpdatedAfter, DateTimeKind.Local) : UpdatedAfter), ct);
                await foreach (var status in items.ConfigureAwait(false))
                {
                    if (!pager.Offer(status, Post)) break;
                }
            }), ParameterSetName == ByIdSet ? (object)ids.ToArray() : UpdatedAfter);
            if (PagingParameters.IncludeTotalCount) WriteObject(PagingParameters.NewTotalCount((ulong)pager.Seen, 1.0));
        }
    }
}
