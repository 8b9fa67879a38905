using System.Management.Automation;
using GosApi.ElectronicCertificates.Models;
using GosApi.Validation;

namespace GosApi.PowerShell.ElectronicCertificate
{
    /// <summary>ec-block: blocks issued certificates for one of the spec's reasons, 100 per request.</summary>
    [Cmdlet(VerbsSecurity.Block, "ElectronicCertificate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(ElectronicCertificateRequestRecord))]
    public sealed class BlockElectronicCertificateCommand : RecordSubmissionCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? FactAssignmentUuid { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? CertificateNumber { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(CodeCompleter))]
        public string BlockReason { get; set; } = null!;

        protected override ElectronicCertificateRecord BuildRecord(ValidationResult parseErrors) => new ElectronicCertificateBlocking
        {
            FactAssignmentUuid = FactAssignmentUuid,
            CertificateNumber = CertificateNumber,
            BlockReason = BlockReason,
        };
    }
}
