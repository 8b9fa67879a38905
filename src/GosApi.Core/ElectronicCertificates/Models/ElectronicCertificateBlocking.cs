using System.Text.Json;
using GosApi.Validation;

namespace GosApi.ElectronicCertificates.Models
{
    /// <summary>eCertificatesBlockRequestRecord: block an issued certificate for one of the spec's reasons.</summary>
    public sealed class ElectronicCertificateBlocking : ElectronicCertificateRecord
    {
        public override ElectronicCertificateOperation Operation => ElectronicCertificateOperation.Block;

        public string? FactAssignmentUuid { get; set; }
        public string? CertificateNumber { get; set; }
        /// <summary>blockReason: EСВR0001 … EСВR9011 (look-alike spellings such as ECBR0001 are normalised).</summary>
        public string? BlockReason { get; set; }

        internal override string? ShownCertificateNumber => CertificateNumber;
        internal override string? ShownFactAssignmentUuid => FactAssignmentUuid;

        protected override void Check(ValidationResult result)
        {
            FactAssignmentUuid = FieldRules.Uuid(result, "FactAssignmentUuid", FactAssignmentUuid);
            CertificateNumber = FieldRules.CertificateNumber(result, "CertificateNumber", CertificateNumber);
            BlockReason = FieldRules.Code(result, "BlockReason", BlockReason, ElectronicCertificateCodes.BlockReasons) ?? BlockReason;
        }

        protected override void WriteFields(Utf8JsonWriter writer)
        {
            writer.WriteString("factAssignmentUuid", FactAssignmentUuid);
            writer.WriteString("certificateNumber", CertificateNumber);
            writer.WriteString("blockReason", BlockReason);
        }
    }
}
