using System;
using System.Collections.Generic;
using System.Text.Json;
using GosApi.Validation;

namespace GosApi.ElectronicCertificates.Models
{
    /// <summary>
    /// ecCreateCertificatesRequestRow.assignment: a decision to support a citizen (факт назначения МСЗ) for which a
    /// certificate is to be issued. Field names are those of the cmdlet; the spec's names are in the comments.
    /// </summary>
    public sealed class ElectronicCertificateAssignment : ElectronicCertificateRecord
    {
        public override ElectronicCertificateOperation Operation => ElectronicCertificateOperation.Create;

        /// <summary>pid: SNILS of the citizen.</summary>
        public string? Snils { get; set; }
        internal override string? ShownSnils => Snils;

        /// <summary>phoneNumber: 10 digits.</summary>
        public string? PhoneNumber { get; set; }
        /// <summary>organization.rid: code in the register of budget participants, 8 letters or digits.</summary>
        public string? OrganizationRid { get; set; }
        /// <summary>organization.fullname.</summary>
        public string? OrganizationName { get; set; }
        /// <summary>organization.account: personal account, 11 letters or digits.</summary>
        public string? OrganizationAccount { get; set; }
        /// <summary>organization.INN of a legal entity.</summary>
        public string? OrganizationInn { get; set; }
        /// <summary>organization.KPP.</summary>
        public string? OrganizationKpp { get; set; }
        /// <summary>mspCode: measure of support, 4 digits.</summary>
        public string? MspCode { get; set; }
        /// <summary>lmspCode: local measure of support, 20 characters (optional).</summary>
        public string? LmspCode { get; set; }
        /// <summary>budgetaryClassificationCode (КБК): 20 digits.</summary>
        public string? BudgetaryClassificationCode { get; set; }
        public DateTimeOffset? StartDate { get; set; }
        public DateTimeOffset? EndDate { get; set; }
        /// <summary>nationalPaymentInstrument: МИР card number, 16 to 19 digits.</summary>
        public string? NationalPaymentInstrument { get; set; }
        /// <summary>certificateType: ЕСТР0001 … ЕСТР0004 (look-alike spellings are normalised).</summary>
        public string? CertificateType { get; set; }
        /// <summary>program: ЕСРРАССТ or ЕСРРАССС.</summary>
        public string? Program { get; set; }
        /// <summary>certificateAmount: payment limit (ЕСТР0002–ЕСТР0004).</summary>
        public long? CertificateAmount { get; set; }
        /// <summary>certificateQuantity: limit of units (ЕСТР0003 only).</summary>
        public int? CertificateQuantity { get; set; }
        public List<GoodsWorkService> GoodsWorksServices { get; } = new List<GoodsWorkService>();

        protected override void Check(ValidationResult result)
        {
            Snils = FieldRules.Snils(result, "Snils", Snils);
            PhoneNumber = FieldRules.Phone(result, "PhoneNumber", PhoneNumber);
            OrganizationRid = FieldRules.Alphanumeric(result, "OrganizationRid", OrganizationRid, 8);
            OrganizationName = FieldRules.Text(result, "OrganizationName", OrganizationName, 2000);
            OrganizationAccount = FieldRules.Alphanumeric(result, "OrganizationAccount", OrganizationAccount, 11);
            if (FieldRules.Blank(OrganizationInn)) result.Add("OrganizationInn", OrganizationInn, "is required");
            else result.Add(Inn.Validate(OrganizationInn = OrganizationInn!.Trim(), "OrganizationInn", InnKind.LegalEntity));
            if (FieldRules.Blank(OrganizationKpp)) result.Add("OrganizationKpp", OrganizationKpp, "is required");
            else result.Add(Kpp.Validate(OrganizationKpp = OrganizationKpp!.Trim(), "OrganizationKpp"));
            MspCode = FieldRules.Digits(result, "MspCode", MspCode, 4, 4);
            LmspCode = FieldRules.Text(result, "LmspCode", LmspCode, 20, 20, required: false);
            BudgetaryClassificationCode = FieldRules.Digits(result, "BudgetaryClassificationCode", BudgetaryClassificationCode, 20, 20);
            if (!StartDate.HasValue) result.Add("StartDate", null, "is required");
            if (!EndDate.HasValue) result.Add("EndDate", null, "is required");
            if (StartDate.HasValue && EndDate.HasValue && EndDate.Value <= StartDate.Value)
                result.Add("EndDate", FieldRules.DateTime(EndDate.Value), "must be later than StartDate " + FieldRules.DateTime(StartDate.Value));
            NationalPaymentInstrument = FieldRules.PaymentInstrument(result, "NationalPaymentInstrument", NationalPaymentInstrument);
            // An unknown code is kept as typed, so that a second Validate reports it again.
            var type = FieldRules.Code(result, "CertificateType", CertificateType, ElectronicCertificateCodes.CertificateTypes);
            CertificateType = type ?? CertificateType;
            Program = FieldRules.Code(result, "Program", Program, ElectronicCertificateCodes.Programs) ?? Program;
            FieldRules.Range(result, "CertificateAmount", CertificateAmount, 1, 999_999_999_999);
            FieldRules.Range(result, "CertificateQuantity", CertificateQuantity, 0, 99_999_999);
            if (GoodsWorksServices.Count == 0) result.Add("GoodsWorksServices", null, "must list at least one good, work or service");
            for (var i = 0; i < GoodsWorksServices.Count; i++) GoodsWorksServices[i].Check(result, $"GoodsWorksServices[{i}]");
            if (type != null) CertificateTypeRules.Check(this, result);
        }

        protected override void WriteFields(Utf8JsonWriter writer)
        {
            writer.WriteStartObject("assignment");
            writer.WriteString("pid", Snils);
            writer.WriteString("phoneNumber", PhoneNumber);
            writer.WriteStartObject("organization");
            writer.WriteString("rid", OrganizationRid);
            writer.WriteString("fullname", OrganizationName);
            writer.WriteString("account", OrganizationAccount);
            writer.WriteString("INN", OrganizationInn);
            writer.WriteString("KPP", OrganizationKpp);
            writer.WriteEndObject();
            writer.WriteString("mspCode", MspCode);
            if (LmspCode != null) writer.WriteString("lmspCode", LmspCode);
            writer.WriteString("budgetaryClassificationCode", BudgetaryClassificationCode);
            writer.WriteString("startDate", FieldRules.DateTime(StartDate!.Value));
            writer.WriteString("endDate", FieldRules.DateTime(EndDate!.Value));
            writer.WriteString("nationalPaymentInstrument", NationalPaymentInstrument);
            writer.WriteString("certificateType", CertificateType);
            writer.WriteString("program", Program);
            if (CertificateAmount.HasValue) writer.WriteNumber("certificateAmount", CertificateAmount.Value);
            if (CertificateQuantity.HasValue) writer.WriteNumber("certificateQuantity", CertificateQuantity.Value);
            writer.WriteStartArray("goodsWorksServices");
            foreach (var good in GoodsWorksServices) good.Write(writer);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
    }
}
