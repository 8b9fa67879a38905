using System.Collections.Generic;

namespace GosApi.Epgu
{
    /// <summary>Processing code of an order request (001 Appendix 1): the <c>code</c> of POST /api/gusmev/order/{orderId}.</summary>
    public enum EpguProcessingCode
    {
        Unknown,
        New,
        Validation,
        FilesVerification,
        FilesVerificationSuccess,
        Done,
        LimitationException,
        InvalidFilesStructure,
        ValidationError,
        ReqNotFound,
        MpcNotFound,
        ReqVerifyFailed,
        FilesVerificationFailed,
        Retry,
        InternalError,
        /// <summary>"OK": the order exists on the portal (001's example of order details).</summary>
        Ok,
    }

    public static class EpguProcessingCodes
    {
        private sealed class Info
        {
            public Info(string wire, bool isFinal, bool isError, string meaning) { Wire = wire; IsFinal = isFinal; IsError = isError; Meaning = meaning; }
            public string Wire { get; }
            public bool IsFinal { get; }
            public bool IsError { get; }
            public string Meaning { get; }
        }

        private static readonly Dictionary<EpguProcessingCode, Info> Table = new Dictionary<EpguProcessingCode, Info>
        {
            [EpguProcessingCode.New] = new Info("NEW", false, false, "Запрос на создание заявления зарегистрирован"),
            [EpguProcessingCode.Validation] = new Info("VALIDATION", false, false, "Идёт валидация вложений по конфигурации услуги"),
            [EpguProcessingCode.FilesVerification] = new Info("FILES_VERIFICATION", false, false, "Идёт проверка подписей вложений"),
            [EpguProcessingCode.FilesVerificationSuccess] = new Info("FILES_VERIFICATION_SUCCESS", false, false, "Подписи вложений успешно проверены"),
            [EpguProcessingCode.Done] = new Info("DONE", true, false, "Проверенное заявление передано на отправку в ведомство"),
            [EpguProcessingCode.LimitationException] = new Info("LIMITATION_EXCEPTION", true, true, "Превышены ограничения на создание заявлений (Приложение 3)"),
            [EpguProcessingCode.InvalidFilesStructure] = new Info("INVALID_FILES_STRUCTURE", true, true, "Структура архива не соответствует требованиям (есть вложенные папки)"),
            [EpguProcessingCode.ValidationError] = new Info("VALIDATION_ERROR", true, true, "Вложения не прошли валидаторы услуги"),
            [EpguProcessingCode.ReqNotFound] = new Info("REQ_NOT_FOUND", true, true, "Во вложениях нет транспортного xml-файла"),
            [EpguProcessingCode.MpcNotFound] = new Info("MPC_NOT_FOUND", true, true, "Во вложениях нет xml-файла с бизнес-данными услуги"),
            [EpguProcessingCode.ReqVerifyFailed] = new Info("REQ_VERIFY_FAILED", true, true, "Данные в xml не соответствуют данным получателя услуги"),
            [EpguProcessingCode.FilesVerificationFailed] = new Info("FILES_VERIFICATION_FAILED", true, true, "Подписи вложений отсутствуют или не прошли проверку в ГУЦ"),
            [EpguProcessingCode.Retry] = new Info("RETRY", false, false, "Обработка временно прервана по техническим причинам и будет продолжена"),
            [EpguProcessingCode.InternalError] = new Info("INTERNAL_ERROR", true, true, "Непредусмотренная техническая ошибка обработки"),
            [EpguProcessingCode.Ok] = new Info("OK", false, false, "Заявление создано на портале"),
        };

        public static EpguProcessingCode Parse(string? wire)
        {
            if (string.IsNullOrEmpty(wire)) return EpguProcessingCode.Unknown;
            foreach (var pair in Table)
                if (string.Equals(pair.Value.Wire, wire, System.StringComparison.OrdinalIgnoreCase)) return pair.Key;
            return EpguProcessingCode.Unknown;
        }

        public static string ToWire(EpguProcessingCode code) => Table.TryGetValue(code, out var info) ? info.Wire : "UNKNOWN";
        public static bool IsFinal(EpguProcessingCode code) => Table.TryGetValue(code, out var info) && info.IsFinal;
        public static bool IsError(EpguProcessingCode code) => Table.TryGetValue(code, out var info) && info.IsError;
        public static string Meaning(EpguProcessingCode code) => Table.TryGetValue(code, out var info) ? info.Meaning : "Неизвестный код обработки";
    }
}
