using System.Text.Json;
using GosApi.Validation;

namespace GosApi.ElectronicCertificates.Models
{
    /// <summary>goodsWorkService: one kind of goods, work or service (ТРУ) a certificate pays for.</summary>
    public sealed class GoodsWorkService
    {
        /// <summary>Code of the kind of ТРУ, 15 to 30 characters.</summary>
        public string? Code { get; set; }
        /// <summary>Name, at most 1000 characters.</summary>
        public string? Name { get; set; }
        /// <summary>Price limit of one unit in kopecks (ЕСТР0001, ЕСТР0003 only).</summary>
        public long? MaxAmount { get; set; }
        /// <summary>Number of units (ЕСТР0001, ЕСТР0004 only).</summary>
        public int? Quantity { get; set; }

        public override string ToString() => Code + " " + Name;

        internal void Check(ValidationResult result, string field)
        {
            Code = FieldRules.Text(result, field + ".code", Code, 30, 15);
            Name = FieldRules.Text(result, field + ".name", Name, 1000);
            FieldRules.Range(result, field + ".maxAmount", MaxAmount, 0, 999_999_999_999);
            FieldRules.Range(result, field + ".quantity", Quantity, 0, 99_999_999);
        }

        internal void Write(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WriteString("code", Code);
            writer.WriteString("name", Name);
            if (MaxAmount.HasValue) writer.WriteNumber("maxAmount", MaxAmount.Value);
            if (Quantity.HasValue) writer.WriteNumber("quantity", Quantity.Value);
            writer.WriteEndObject();
        }
    }
}
