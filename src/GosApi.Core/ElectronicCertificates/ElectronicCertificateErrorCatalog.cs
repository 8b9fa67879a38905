using System.Collections.Generic;
using GosApi.Errors;

namespace GosApi.ElectronicCertificates
{
    /// <summary>ErrorCode of seed 002 and its HTTP statuses, with what the user can do about each.</summary>
    internal static class ElectronicCertificateErrorCatalog
    {
        internal sealed class Entry
        {
            public Entry(string meaning, GosApiErrorKind kind, string hint) { Meaning = meaning; Kind = kind; Hint = hint; }
            public string Meaning { get; }
            public GosApiErrorKind Kind { get; }
            public string Hint { get; }
        }

        private const string Support = "Операция невозможна: обратитесь в службу технической поддержки ИС ЭС with the request and response ids.";

        public static readonly IReadOnlyDictionary<string, Entry> Codes = new Dictionary<string, Entry>
        {
            ["EC00200"] = new Entry("Системная ошибка", GosApiErrorKind.ServerError, Support),
            ["EC00201"] = new Entry("Запрос не соответствует схеме данных", GosApiErrorKind.InvalidRequest, "The service rejected the request's shape; the message names the field. " + Support),
            ["EC00202"] = new Entry("Неподдерживаемая версия протокола запроса", GosApiErrorKind.InvalidRequest, "Check that -BaseUri names API version 1.2.1-У. " + Support),
            ["EC00203"] = new Entry("Неверный тип запроса", GosApiErrorKind.InvalidRequest, Support),
            ["EC00216"] = new Entry("Не найден социальный сертификат, соответствующий предъявленной карте", GosApiErrorKind.NotFound, "Check the certificate number (25 digits) or the card number."),
            ["EC00219"] = new Entry("Социальный сертификат заблокирован", GosApiErrorKind.NotAllowedInCurrentState, "A blocked certificate cannot be used or changed."),
            ["EC00220"] = new Entry("Социальный сертификат не активен", GosApiErrorKind.NotAllowedInCurrentState, "The certificate is not active (yet); see its status with Get-ElectronicCertificate."),
            ["EC00272"] = new Entry("Операция недоступна", GosApiErrorKind.PermissionDenied, "Check the API key and the shared secret of the session, and that the operation is allowed for them."),
        };

        public static Entry ForStatus(int status) => status switch
        {
            400 => new Entry("Неправильный запрос: нарушение формата или допустимых значений параметров", GosApiErrorKind.InvalidRequest, "Check the fields named in the message."),
            401 => new Entry("Ошибка авторизации", GosApiErrorKind.Authentication, "Check the API key and the shared secret (Connect-ElectronicCertificateService)."),
            403 => new Entry("Доступ запрещен", GosApiErrorKind.PermissionDenied, "The API key has no right to this operation."),
            404 => new Entry("Ресурс не найден", GosApiErrorKind.NotFound, "Check -BaseUri and the number or id asked for."),
            422 => new Entry("Некорректное значение параметра запроса", GosApiErrorKind.InvalidRequest, "Check the values named in the message."),
            429 => new Entry("Слишком много запросов", GosApiErrorKind.LimitExceeded, "Lower -RequestsPerMinute of the session."),
            500 => new Entry("Внутренняя ошибка. Обратитесь в службу поддержки", GosApiErrorKind.ServerError, Support),
            502 or 503 or 504 => new Entry("Сервис недоступен", GosApiErrorKind.ServiceUnavailable, "Try again later."),
            _ => new Entry("HTTP " + status, status >= 500 ? GosApiErrorKind.ServerError : GosApiErrorKind.Unknown, Support),
        };

        /// <summary>The seed's table writes some codes with Cyrillic Е and С (ЕС00200); the enum uses Latin ones.</summary>
        public static string NormalizeCode(string code) => code.Replace('Е', 'E').Replace('С', 'C').Trim();
    }
}
