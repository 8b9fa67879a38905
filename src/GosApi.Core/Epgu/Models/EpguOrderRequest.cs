using GosApi.Validation;

namespace GosApi.Epgu.Models
{
    /// <summary>What identifies the kind of order: 001 Table 6 (also the <c>meta</c> of /push and /push/chunked).</summary>
    public sealed class EpguOrderRequest
    {
        public EpguOrderRequest(string serviceCode, string targetCode, string region)
        {
            ServiceCode = serviceCode?.Trim() ?? string.Empty;
            TargetCode = targetCode?.Trim() ?? string.Empty;
            Region = region?.Trim() ?? string.Empty;
        }

        /// <summary>Code of the service's interactive form on EPGU.</summary>
        public string ServiceCode { get; }
        /// <summary>Code of the service target in FRGU (may be negative, e.g. -1959599598).</summary>
        public string TargetCode { get; }
        /// <summary>OKATO code of the user's location, 11 digits.</summary>
        public string Region { get; }

        /// <summary>Rejects bad input before any request, naming the field and the rule.</summary>
        public void Validate()
        {
            var result = new ValidationResult();
            if (ServiceCode.Length == 0) result.Add(new ValidationError("ServiceCode", ServiceCode, "is required"));
            else if (!IsDigits(ServiceCode, allowMinus: false)) result.Add(new ValidationError("ServiceCode", ServiceCode, "must contain digits only"));
            if (TargetCode.Length == 0) result.Add(new ValidationError("TargetCode", TargetCode, "is required"));
            else if (!IsDigits(TargetCode, allowMinus: true)) result.Add(new ValidationError("TargetCode", TargetCode, "must be an integer (digits, optionally preceded by '-')"));
            result.Add(Okato.Validate(Region, "Region", 11));
            result.ThrowIfInvalid();
        }

        private static bool IsDigits(string value, bool allowMinus)
        {
            var start = allowMinus && value.StartsWith("-", System.StringComparison.Ordinal) ? 1 : 0;
            if (value.Length == start) return false;
            for (var i = start; i < value.Length; i++) if (value[i] < '0' || value[i] > '9') return false;
            return true;
        }

        public override string ToString() => $"service {ServiceCode}, target {TargetCode}, region {Region}";
    }
}
