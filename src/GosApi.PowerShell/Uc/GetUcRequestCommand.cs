using System;
using System.Collections.Generic;
using System.Management.Automation;
using GosApi.PowerShell.Infrastructure;
using GosApi.Uc.Models;

namespace GosApi.PowerShell.Uc
{
    /// <summary>request/view by id (with the FNS and СМЭВ checks), or request/list with filters.</summary>
    [Cmdlet(VerbsCommon.Get, "UcRequest", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(UcRequest))]
    public sealed class GetUcRequestCommand : UcCmdlet
    {
        private const string ByIdSet = "ById";
        private const string ListSet = "List";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        public long[] RequestId { get; set; } = null!;

        [Parameter(ParameterSetName = ListSet)] public string? LastName { get; set; }
        [Parameter(ParameterSetName = ListSet)] public string? FirstName { get; set; }
        [Parameter(ParameterSetName = ListSet)] public string? MiddleName { get; set; }
        [Parameter(ParameterSetName = ListSet)] public string? Company { get; set; }
        [Parameter(ParameterSetName = ListSet)] public string? Inn { get; set; }
        [Parameter(ParameterSetName = ListSet)] public string? Snils { get; set; }
        [Parameter(ParameterSetName = ListSet)] public string? PassportSerial { get; set; }
        [Parameter(ParameterSetName = ListSet)] public string? PassportNumber { get; set; }
        /// <summary>Requests created on this day (the filter takes only the date).</summary>
        [Parameter(ParameterSetName = ListSet)] public DateTime? CreatedOn { get; set; }
        /// <summary>Include archived requests (HideArchived is sent otherwise).</summary>
        [Parameter(ParameterSetName = ListSet)] public SwitchParameter IncludeArchived { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ByIdSet)
            {
                foreach (var id in RequestId) TryRun(() => WriteObject(Run(ct => Client.ViewRequestAsync(id, ct))), id);
                return;
            }
            var filter = new Dictionary<string, object?>
            {
                ["lastName"] = LastName, ["firstName"] = FirstName, ["middleName"] = MiddleName, ["company"] = Company, ["inn"] = Inn,
                ["snils"] = Snils, ["passportSerial"] = PassportSerial, ["passportNumber"] = PassportNumber, ["createDate"] = CreatedOn,
                ["HideArchived"] = !IncludeArchived,
            };
            TryRun(() => { foreach (var request in Run(ct => Client.ListRequestsAsync(filter, ct))) WriteObject(request); }, null);
        }
    }
}
