using System;
using System.Globalization;
using System.Text.Json;
using GosApi.Validation;

namespace GosApi.ElectronicCertificates.Models
{
    /// <summary>What a record asks the service to do; each is one path and one task type.</summary>
    public enum ElectronicCertificateOperation
    {
        /// <summary>ec-create: issue certificates.</summary>
        Create,
        /// <summary>ec-edit: change SNILS, phone or card of issued certificates.</summary>
        Edit,
        /// <summary>ec-block: block issued certificates.</summary>
        Block,
    }

    /// <summary>One element of an ec-create / ec-edit / ec-block array: checked in full before anything is sent.</summary>
    public abstract class ElectronicCertificateRecord
    {
        public const int MaxRecordsPerRequest = 100;

        private bool validated;

        /// <summary>recordId, 1..100 and unique within its request; filled by the batcher when absent.</summary>
        public int? RecordId { get; set; }

        public abstract ElectronicCertificateOperation Operation { get; }

        /// <summary>Shown on results so that a record can be found again (SNILS for new certificates, the number otherwise).</summary>
        internal virtual string? ShownSnils => null;
        internal virtual string? ShownCertificateNumber => null;
        internal virtual string? ShownFactAssignmentUuid => null;

        /// <summary>Every broken rule, named by field; on success the record is ready to be written.</summary>
        public ValidationResult Validate()
        {
            var result = new ValidationResult();
            if (RecordId.HasValue && (RecordId.Value < 1 || RecordId.Value > MaxRecordsPerRequest))
                result.Add("RecordId", RecordId.Value.ToString(CultureInfo.InvariantCulture), "must be between 1 and " + MaxRecordsPerRequest);
            Check(result);
            validated = result.IsValid;
            return result;
        }

        /// <summary>Checks and normalises the fields.</summary>
        protected abstract void Check(ValidationResult result);

        internal void Write(Utf8JsonWriter writer, int recordId)
        {
            if (!validated) throw new InvalidOperationException("Validate the record before sending it.");
            writer.WriteStartObject();
            writer.WriteNumber("recordId", recordId);
            WriteFields(writer);
            writer.WriteEndObject();
        }

        protected abstract void WriteFields(Utf8JsonWriter writer);

        internal static string Path(ElectronicCertificateOperation operation) => operation switch
        {
            ElectronicCertificateOperation.Create => "ec-create",
            ElectronicCertificateOperation.Edit => "ec-edit",
            _ => "ec-block",
        };

        internal static string TaskType(ElectronicCertificateOperation operation) => Path(operation).Replace('-', '_');
    }
}
