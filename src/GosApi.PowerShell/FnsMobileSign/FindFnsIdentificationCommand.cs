using System.Management.Automation;
using GosApi.FnsMobileSign.Models;
using GosApi.FnsMobileSign.Requests;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.FnsMobileSign
{
    /// <summary>POST workflow/identification/search/: a client's registration workflow, by phone and SNILS or passport.</summary>
    [Cmdlet(VerbsCommon.Find, "FnsIdentification")]
    [OutputType(typeof(FnsWorkflow))]
    public sealed class FindFnsIdentificationCommand : FnsCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)] public string Phone { get; set; } = null!;
        [Parameter(ValueFromPipelineByPropertyName = true)] public string? Snils { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string? PassportSeries { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string? PassportNumber { get; set; }

        protected override void ProcessRecord()
        {
            var query = new FnsIdentificationQuery { Phone = Phone, Snils = Snils, Passport = FnsParameterMapping.Passport(PassportSeries, PassportNumber) };
            TryRun(() =>
            {
                var workflow = Run(ct => Client.SearchIdentificationAsync(query, ct));
                if (workflow.State != FnsWorkflowState.WaitConsumerIdentification)
                    WriteWarning($"Workflow {workflow.Id} is {workflow.StateName}: identification can go on only in wait-consumer-identification.");
                WriteObject(workflow);
            }, Phone);
        }
    }
}
