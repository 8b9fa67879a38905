using GosApi.Validation;

namespace GosApi.ElectronicCertificates.Models
{
    /// <summary>
    /// Which amounts each certificate type carries (seed 002, descriptions of certificateAmount, certificateQuantity,
    /// maxAmount and quantity: «Заполняется для … Не заполняется для …»).
    /// </summary>
    internal static class CertificateTypeRules
    {
        private sealed class Rule
        {
            public bool Amount, Quantity, GoodMaxAmount, GoodQuantity;
        }

        private static Rule For(string type) => type switch
        {
            "ЕСТР0001" => new Rule { GoodMaxAmount = true, GoodQuantity = true },
            "ЕСТР0002" => new Rule { Amount = true },
            "ЕСТР0003" => new Rule { Amount = true, Quantity = true, GoodMaxAmount = true },
            _ => new Rule { Amount = true, GoodQuantity = true },
        };

        public static void Check(ElectronicCertificateAssignment record, ValidationResult result)
        {
            var type = record.CertificateType!;
            var rule = For(type);
            Field(result, "CertificateAmount", record.CertificateAmount.HasValue, rule.Amount, type);
            Field(result, "CertificateQuantity", record.CertificateQuantity.HasValue, rule.Quantity, type);
            for (var i = 0; i < record.GoodsWorksServices.Count; i++)
            {
                var good = record.GoodsWorksServices[i];
                Field(result, $"GoodsWorksServices[{i}].maxAmount", good.MaxAmount.HasValue, rule.GoodMaxAmount, type);
                Field(result, $"GoodsWorksServices[{i}].quantity", good.Quantity.HasValue, rule.GoodQuantity, type);
            }
        }

        private static void Field(ValidationResult result, string field, bool present, bool wanted, string type)
        {
            if (wanted && !present) result.Add(field, null, "is required for certificate type " + type);
            else if (!wanted && present) result.Add(field, null, "must be empty for certificate type " + type);
        }
    }
}
