using System;
using System.Collections.Generic;
using GosApi.FnsMobileSign.Models;

namespace GosApi.FnsMobileSign
{
    /// <summary>
    /// The customer's scenario numbers per workflow type. Numbers are configured per customer by the service; the
    /// defaults are those of seed 003's examples (decryption and reissuing have none there: see the design notes).
    /// </summary>
    public sealed class FnsScenarios
    {
        private readonly Dictionary<string, int> numbers = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
        {
            [nameof(FnsWorkflowType.Identification)] = 80,
            [nameof(FnsWorkflowType.CertificateIssuing)] = 84,
            [nameof(FnsWorkflowType.DocumentSigning)] = 82,
            [DocumentSigningForLegalEntityKey] = 88,
            [nameof(FnsWorkflowType.ExternalActivity)] = 102,
            [nameof(FnsWorkflowType.Blank)] = 134,
            [SimplifiedSigningKey] = 564,
            [nameof(FnsWorkflowType.FileDecryption)] = 90,
            [nameof(FnsWorkflowType.TlsCertificateReissuing)] = 92,
            [nameof(FnsWorkflowType.CertificateReissuing)] = 94,
        };

        /// <summary>Signing when the client has two or more legal-entity signatures (legal_entity.inn given).</summary>
        public const string DocumentSigningForLegalEntityKey = "DocumentSigningForLegalEntity";
        /// <summary>POST /api/rb/workflow/fns.</summary>
        public const string SimplifiedSigningKey = "SimplifiedSigning";

        public static IReadOnlyCollection<string> Keys => new[]
        {
            nameof(FnsWorkflowType.Identification), nameof(FnsWorkflowType.CertificateIssuing), nameof(FnsWorkflowType.DocumentSigning),
            DocumentSigningForLegalEntityKey, nameof(FnsWorkflowType.ExternalActivity), nameof(FnsWorkflowType.Blank), SimplifiedSigningKey,
            nameof(FnsWorkflowType.FileDecryption), nameof(FnsWorkflowType.TlsCertificateReissuing), nameof(FnsWorkflowType.CertificateReissuing),
        };

        public int this[string key]
        {
            get => numbers.TryGetValue(key, out var n) ? n : throw new ArgumentException($"Scenario '{key}': not one of {string.Join(", ", Keys)}.", nameof(key));
            set
            {
                if (!numbers.ContainsKey(key)) throw new ArgumentException($"Scenario '{key}': not one of {string.Join(", ", Keys)}.", nameof(key));
                if (value <= 0) throw new ArgumentOutOfRangeException(nameof(value), value, $"Scenario '{key}': must be a positive number.");
                numbers[key] = value;
            }
        }

        public int For(FnsWorkflowType type, bool forLegalEntity = false) =>
            type == FnsWorkflowType.DocumentSigning && forLegalEntity ? this[DocumentSigningForLegalEntityKey] : this[type.ToString()];

        public FnsScenarios Clone()
        {
            var copy = new FnsScenarios();
            foreach (var pair in numbers) copy.numbers[pair.Key] = pair.Value;
            return copy;
        }

        public override string ToString() => string.Join("; ", System.Linq.Enumerable.Select(Keys, k => k + "=" + numbers[k]));
    }
}
