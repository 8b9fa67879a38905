using System.Management.Automation;
using GosApi.ElectronicCertificates.Models;
using GosApi.Validation;

namespace GosApi.PowerShell.ElectronicCertificate
{
    /// <summary>ec-create: issues certificates for assignments from the pipeline (e.g. Import-Csv), 100 per request.</summary>
    [Cmdlet(VerbsCommon.New, "ElectronicCertificate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ElectronicCertificateRequestRecord))]
    public sealed class NewElectronicCertificateCommand : RecordSubmissionCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("pid")]
        public string? Snils { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? PhoneNumber { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("rid")]
        public string? OrganizationRid { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("fullname")]
        public string? OrganizationName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("account")]
        public string? OrganizationAccount { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("INN")]
        public string? OrganizationInn { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("KPP")]
        public string? OrganizationKpp { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? MspCode { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? LmspCode { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Kbk")]
        public string? BudgetaryClassificationCode { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public object? StartDate { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public object? EndDate { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("CardNumber")]
        public string? NationalPaymentInstrument { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(CodeCompleter))]
        public string? CertificateType { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(CodeCompleter))]
        public string? Program { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public object? CertificateAmount { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public object? CertificateQuantity { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public object[]? GoodsWorksServices { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? GoodsCode { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? GoodsName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public object? GoodsMaxAmount { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public object? GoodsQuantity { get; set; }

        protected override ElectronicCertificateRecord BuildRecord(ValidationResult parseErrors)
        {
            var record = new ElectronicCertificateAssignment
            {
                Snils = Snils,
                PhoneNumber = PhoneNumber,
                OrganizationRid = OrganizationRid,
                OrganizationName = OrganizationName,
                OrganizationAccount = OrganizationAccount,
                OrganizationInn = OrganizationInn,
                OrganizationKpp = OrganizationKpp,
                MspCode = MspCode,
                LmspCode = LooseInput.Text(LmspCode),
                BudgetaryClassificationCode = BudgetaryClassificationCode,
                StartDate = LooseInput.Date(parseErrors, "StartDate", StartDate),
                EndDate = LooseInput.Date(parseErrors, "EndDate", EndDate),
                NationalPaymentInstrument = NationalPaymentInstrument,
                CertificateType = CertificateType,
                Program = Program,
                CertificateAmount = LooseInput.Long(parseErrors, "CertificateAmount", CertificateAmount),
                CertificateQuantity = LooseInput.Int(parseErrors, "CertificateQuantity", CertificateQuantity),
            };
            record.GoodsWorksServices.AddRange(LooseInput.Goods(parseErrors, GoodsWorksServices));
            if (!LooseInput.Blank(GoodsCode) || !LooseInput.Blank(GoodsName))
            {
                record.GoodsWorksServices.Add(new GoodsWorkService
                {
                    Code = GoodsCode,
                    Name = GoodsName,
                    MaxAmount = LooseInput.Long(parseErrors, "GoodsMaxAmount", GoodsMaxAmount),
                    Quantity = LooseInput.Int(parseErrors, "GoodsQuantity", GoodsQuantity),
                });
            }
            return record;
        }
    }
}
