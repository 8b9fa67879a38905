using System.Management.Automation;
using GosApi.ElectronicCertificates.Models;
using GosApi.Validation;

namespace GosApi.PowerShell.ElectronicCertificate
{
    /// <summary>ec-edit: changes the SNILS, phone or card of issued certificates, 100 per request.</summary>
    [Cmdlet(VerbsCommon.Set, "ElectronicCertificate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ElectronicCertificateRequestRecord))]
    public sealed class SetElectronicCertificateCommand : RecordSubmissionCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? FactAssignmentUuid { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? CertificateNumber { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("pid")]
        public string? Snils { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? PhoneNumber { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("CardNumber")]
        public string? NationalPaymentInstrument { get; set; }

        protected override ElectronicCertificateRecord BuildRecord(ValidationResult parseErrors) => new ElectronicCertificateChange
        {
            FactAssignmentUuid = FactAssignmentUuid,
            CertificateNumber = CertificateNumber,
            Snils = LooseInput.Text(Snils),
            PhoneNumber = LooseInput.Text(PhoneNumber),
            NationalPaymentInstrument = LooseInput.Text(NationalPaymentInstrument),
        };
    }
}
