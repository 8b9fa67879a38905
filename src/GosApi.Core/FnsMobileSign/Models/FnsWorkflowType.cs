using System;
using System.Collections.Generic;
using System.Linq;

namespace GosApi.FnsMobileSign.Models
{
    /// <summary>Scenario types of seed 003 («Типы и статусы потоков работ»).</summary>
    public enum FnsWorkflowType
    {
        Unknown,
        /// <summary>identification: идентификация клиента, выпуск сертификата TLS (registration).</summary>
        Identification,
        /// <summary>certificate_issuing: выпуск КЭП (an additional signature).</summary>
        CertificateIssuing,
        /// <summary>document_signing: подпись документов.</summary>
        DocumentSigning,
        /// <summary>blank: длительное ожидание (заглушка).</summary>
        Blank,
        /// <summary>external_activity: внешняя активность, работа с внешним порталом.</summary>
        ExternalActivity,
        /// <summary>file_decryption: расшифровка документов.</summary>
        FileDecryption,
        /// <summary>tls_certificate_reissuing: перевыпуск сертификата TLS.</summary>
        TlsCertificateReissuing,
        /// <summary>certificate_reissuing: перевыпуск КЭП.</summary>
        CertificateReissuing,
    }

    /// <summary>The wire names of the types (hyphens in answers, underscores in the spec's table) and their meanings.</summary>
    public static class FnsWorkflowTypes
    {
        private static readonly Dictionary<FnsWorkflowType, (string Wire, string Meaning)> Names = new Dictionary<FnsWorkflowType, (string, string)>
        {
            [FnsWorkflowType.Identification] = ("identification", "Идентификация клиента, выпуск сертификата TLS"),
            [FnsWorkflowType.CertificateIssuing] = ("certificate-issuing", "Выпуск КЭП"),
            [FnsWorkflowType.DocumentSigning] = ("document-signing", "Подпись документов"),
            [FnsWorkflowType.Blank] = ("blank", "Длительное ожидание (заглушка)"),
            [FnsWorkflowType.ExternalActivity] = ("external-activity", "Внешняя активность, работа с внешним порталом"),
            [FnsWorkflowType.FileDecryption] = ("file-decryption", "Расшифровка документов"),
            [FnsWorkflowType.TlsCertificateReissuing] = ("tls-certificate-reissuing", "Перевыпуск сертификата TLS"),
            [FnsWorkflowType.CertificateReissuing] = ("certificate-reissuing", "Перевыпуск КЭП"),
        };

        public static string WireName(FnsWorkflowType type) => Names.TryGetValue(type, out var n) ? n.Wire : "unknown";

        /// <summary>The spelling of the list filter (GET workflow?type=): the spec's example uses "identification".</summary>
        public static string QueryName(FnsWorkflowType type) => WireName(type);

        public static string Meaning(FnsWorkflowType type) => Names.TryGetValue(type, out var n) ? n.Meaning : string.Empty;

        public static FnsWorkflowType Parse(string? wire)
        {
            if (string.IsNullOrEmpty(wire)) return FnsWorkflowType.Unknown;
            var normalized = wire!.Trim().Replace('_', '-');
            return Names.FirstOrDefault(p => string.Equals(p.Value.Wire, normalized, StringComparison.OrdinalIgnoreCase)).Key;
        }
    }
}
