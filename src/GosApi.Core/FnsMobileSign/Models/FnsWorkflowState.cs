using System;
using System.Collections.Generic;
using System.Linq;

namespace GosApi.FnsMobileSign.Models
{
    /// <summary>Workflow states of seed 003 (the table «Типы и статусы потоков работ» and the callbacks).</summary>
    public enum FnsWorkflowState
    {
        Unknown,
        Start,
        Validation,
        Rejected,
        WaitPkcs10,
        WaitConsumerIdentification,
        WaitSecretKey,
        CertificateIssue,
        WaitScanUpload,
        WaitCertificateReceive,
        WaitSignature,
        SignRejected,
        Active,
        ProcessingExternalActivity,
        WaitExternalReview,
        CompleteExternalActivity,
        WaitDecryption,
        /// <summary>Callback only: the app was installed and activated.</summary>
        Installed,
        Complete,
        Error,
    }

    public static class FnsWorkflowStates
    {
        private static readonly Dictionary<FnsWorkflowState, (string Wire, string Meaning)> Names = new Dictionary<FnsWorkflowState, (string, string)>
        {
            [FnsWorkflowState.Start] = ("start", "Фактический запуск потока работ"),
            [FnsWorkflowState.Validation] = ("validation", "Выполнение проверки данных"),
            [FnsWorkflowState.Rejected] = ("rejected", "Отклонено: проверка данных выявила ошибки или клиент отказался"),
            [FnsWorkflowState.WaitPkcs10] = ("wait-pkcs10", "Ожидание получения запроса на сертификат"),
            [FnsWorkflowState.WaitConsumerIdentification] = ("wait-consumer-identification", "Ожидание проведения очной идентификации"),
            [FnsWorkflowState.WaitSecretKey] = ("wait-secret-key", "Ожидание получения ключа защиты от приложения"),
            [FnsWorkflowState.CertificateIssue] = ("certificate-issue", "Выпуск сертификата"),
            [FnsWorkflowState.WaitScanUpload] = ("wait-scan-upload", "Ожидание загрузки документов"),
            [FnsWorkflowState.WaitCertificateReceive] = ("wait-certificate-receive", "Ожидание ознакомления клиента с сертификатом"),
            [FnsWorkflowState.WaitSignature] = ("wait-signature", "Ожидание подписи документов в приложении"),
            [FnsWorkflowState.SignRejected] = ("sign-rejected", "Отказ клиента от подписи – промежуточный статус"),
            [FnsWorkflowState.Active] = ("active", "Поток работ активен до старта другого потока работ"),
            [FnsWorkflowState.ProcessingExternalActivity] = ("processing-external-activity", "Работа с внешним порталом"),
            [FnsWorkflowState.WaitExternalReview] = ("wait-external-review", "Ожидание ревью оператора внешней системы"),
            [FnsWorkflowState.CompleteExternalActivity] = ("complete-external-activity", "Псевдо-статус для завершения сценария"),
            [FnsWorkflowState.WaitDecryption] = ("wait-decryption", "Ожидание расшифровки"),
            [FnsWorkflowState.Installed] = ("installed", "Приложение установлено"),
            [FnsWorkflowState.Complete] = ("complete", "Процесс завершён"),
            [FnsWorkflowState.Error] = ("error", "Ошибка"),
        };

        public static string WireName(FnsWorkflowState state) => Names.TryGetValue(state, out var n) ? n.Wire : "unknown";

        public static string Meaning(FnsWorkflowState state) => Names.TryGetValue(state, out var n) ? n.Meaning : string.Empty;

        public static FnsWorkflowState Parse(string? wire)
        {
            if (string.IsNullOrEmpty(wire)) return FnsWorkflowState.Unknown;
            var normalized = wire!.Trim().Replace('_', '-');
            return Names.FirstOrDefault(p => string.Equals(p.Value.Wire, normalized, StringComparison.OrdinalIgnoreCase)).Key;
        }

        /// <summary>complete, rejected and error end a workflow (the states callbacks are sent for by default).</summary>
        public static bool IsFinal(FnsWorkflowState state) => state == FnsWorkflowState.Complete || state == FnsWorkflowState.Rejected || state == FnsWorkflowState.Error;
    }
}
