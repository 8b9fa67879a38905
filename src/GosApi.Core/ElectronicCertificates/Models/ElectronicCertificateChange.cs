using System.Text.Json;
using GosApi.Validation;

namespace GosApi.ElectronicCertificates.Models
{
    /// <summary>eCertificatesEditRequestRecord: new SNILS, phone or card of an issued certificate.</summary>
    public sealed class ElectronicCertificateChange : ElectronicCertificateRecord
    {
        public override ElectronicCertificateOperation Operation => ElectronicCertificateOperation.Edit;

        public string? FactAssignmentUuid { get; set; }
        /// <summary>25 digits.</summary>
        public string? CertificateNumber { get; set; }
        /// <summary>pid: the new SNILS.</summary>
        public string? Snils { get; set; }
        public string? PhoneNumber { get; set; }
        public string? NationalPaymentInstrument { get; set; }

        internal override string? ShownSnils => Snils;
        internal override string? ShownCertificateNumber => CertificateNumber;
        internal override string? ShownFactAssignmentUuid => FactAssignmentUuid;

        protected override void Check(ValidationResult result)
        {
            FactAssignmentUuid = FieldRules.Uuid(result, "FactAssignmentUuid", FactAssignmentUuid);
            CertificateNumber = FieldRules.CertificateNumber(result, "CertificateNumber", CertificateNumber);
            Snils = FieldRules.Snils(result, "Snils", Snils, required: false);
            PhoneNumber = FieldRules.Phone(result, "PhoneNumber", PhoneNumber, required: false);
            NationalPaymentInstrument = FieldRules.PaymentInstrument(result, "NationalPaymentInstrument", NationalPaymentInstrument, required: false);
            // Reported together with any other error of the record (all problems at once).
            if (FieldRules.Blank(Snils) && FieldRules.Blank(PhoneNumber) && FieldRules.Blank(NationalPaymentInstrument))
                result.Add("Snils", null, "give at least one of Snils, PhoneNumber or NationalPaymentInstrument to change");
        }

        protected override void WriteFields(Utf8JsonWriter writer)
        {
            writer.WriteString("factAssignmentUuid", FactAssignmentUuid);
            writer.WriteString("certificateNumber", CertificateNumber);
            if (!FieldRules.Blank(Snils)) writer.WriteString("pid", Snils);
            if (!FieldRules.Blank(PhoneNumber)) writer.WriteString("phoneNumber", PhoneNumber);
            if (!FieldRules.Blank(NationalPaymentInstrument)) writer.WriteString("nationalPaymentInstrument", NationalPaymentInstrument);
        }
    }
}
