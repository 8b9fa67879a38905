using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using GosApi.Diagnostics;
using GosApi.Errors;
using GosApi.Http;
using GosApi.Http.Exchanges;
using GosApi.Http.Quotas;
using GosApi.Validation;

namespace GosApi.Epgu.Incidents
{
    /// <summary>
    /// Fills the incident request of 001 Appendix 2 from what the module recorded about a failed request: token
    /// claims, contour, times, method, host, URL, headers (credentials replaced), body (de-personalised for PROD),
    /// orderId — plus the user's description and analysis.
    /// </summary>
    public static class EpguIncidentReportBuilder
    {
        public const string SupportAddress = "sd@sc.digital.gov.ru";
        public const string HashTag = "#API-ЕПГУ";
        private const string NotGiven = "не указано";

        public static EpguIncidentReport Build(GosApiException error, EpguIncidentContext context)
        {
            if (error == null) throw new ArgumentNullException(nameof(error));
            if (error.Exchange == null)
                new ValidationError("ErrorRecord", error.ErrorId, "must come from a request the module sent (this error happened before any HTTP exchange, so there is nothing to report to the operator)").Throw();
            return Build(error.Exchange!, error, context);
        }

        public static EpguIncidentReport Build(HttpExchange exchange, GosApiException? error, EpguIncidentContext context)
        {
            Check(context);
            var production = context.Environment == EpguEnvironment.Production;
            var environment = production ? "PROD" : "SVCDEV";
            var token = exchange.Token ?? context.SessionToken;
            var orderId = OrderIdOf(exchange.EntityId) ?? OrderIdOf(error?.EntityId);
            var subject = $"{context.Mnemonic.Trim()} {HashTag} #{(context.Summary ?? SummaryOf(exchange)).Trim()}";
            Func<string?, string> personal = production ? (Func<string?, string>)PersonalDataMasker.Apply : text => text ?? string.Empty;

            var items = new List<EpguIncidentItem>
            {
                new EpguIncidentItem(1, "Наименование и идентификатор ИС в ЕСИА",
                    $"Наименование: {context.SystemName ?? context.Mnemonic}\nИдентификатор (client_id): {token?.ClientId ?? "нет в маркере доступа"}"),
                new EpguIncidentItem(2, "Получатель услуг", RecipientOf(token, context.RecipientName)),
                new EpguIncidentItem(3, "Среда ЕПГУ", environment + (production ? " (продуктивная)" : " (тестовая)")),
                new EpguIncidentItem(4, "Дата и время запроса и получения маркера доступа",
                    $"Запрос: {Moment(exchange.StartedAt)}\nПолучение маркера доступа: {TokenTime(exchange, token)}"),
                new EpguIncidentItem(5, production ? "Запрос, завершившийся инцидентом (обезличенные данные)" : "Запрос, завершившийся инцидентом",
                    RequestOf(exchange, personal)),
                new EpguIncidentItem(6, "Номер заявления (orderId) на ЕПГУ", orderId ?? "не был получен"),
                new EpguIncidentItem(7, "Описание ситуации, при которой возник инцидент", personal(context.Description.Trim())),
                new EpguIncidentItem(8, "Результаты анализа инцидента и проведённые проверки", personal(AnalysisOf(exchange, error, context.Analysis))),
            };

            var text = new StringBuilder();
            text.Append("Кому: ").Append(SupportAddress).Append('\n');
            text.Append("Тема: ").Append(subject).Append("\n\n");
            foreach (var item in items)
            {
                text.Append(item.Number).Append(". ").Append(item.Title).Append('\n');
                foreach (var line in item.Text.Split('\n')) text.Append("   ").Append(line).Append('\n');
                text.Append('\n');
            }
            return new EpguIncidentReport(SupportAddress, SecretScrubber.Scrub(subject), environment, orderId, exchange.StartedAt,
                items.Select(i => new EpguIncidentItem(i.Number, i.Title, SecretScrubber.Scrub(i.Text))).ToArray(), SecretScrubber.Scrub(text.ToString()));
        }

        /// <summary>
        /// The contour of a recorded request: www.gosuslugi.ru is production, *.test.gosuslugi.ru the test contours;
        /// any other host (the sandbox, a local tunnel) takes the session's environment.
        /// </summary>
        public static EpguEnvironment EnvironmentOf(HttpExchange exchange, EpguEnvironment? sessionEnvironment)
        {
            var host = exchange.Host.Split(':')[0].ToLowerInvariant();
            if (host == "www.gosuslugi.ru" || host == "gosuslugi.ru") return EpguEnvironment.Production;
            if (host.EndsWith(".test.gosuslugi.ru", StringComparison.Ordinal)) return EpguEnvironment.Test;
            return sessionEnvironment ?? EpguEnvironment.Test;
        }

        private static void Check(EpguIncidentContext context)
        {
            var errors = new List<ValidationError>();
            if (string.IsNullOrWhiteSpace(context.Mnemonic)) errors.Add(new ValidationError("Mnemonic", context.Mnemonic, "is required: the information system's mnemonic starts the e-mail subject (001 Appendix 2)"));
            else if (context.Mnemonic.Any(char.IsWhiteSpace)) errors.Add(new ValidationError("Mnemonic", context.Mnemonic, "must be one word (the IS mnemonic in ESIA)"));
            if (string.IsNullOrWhiteSpace(context.Description)) errors.Add(new ValidationError("Description", context.Description, "is required: item 7 describes the situation of the incident"));
            if (context.Summary != null && context.Summary.IndexOfAny(new[] { '\r', '\n' }) >= 0) errors.Add(new ValidationError("Summary", context.Summary, "must be one line (it ends the e-mail subject)"));
            if (errors.Count > 0) throw new InputValidationException(errors);
        }

        private static string RecipientOf(AccessTokenInfo? token, string? name)
        {
            if (token?.OrgOid != null)
                return $"Организация (ЮЛ/ИП): {name ?? NotGiven}\nИдентификатор организации (org_oid): {token.OrgOid}";
            return $"Пользователь (ФЛ): {name ?? NotGiven}\nИдентификатор пользователя в ЕСИА: {token?.Subject ?? "нет в маркере доступа"}";
        }

        private static string TokenTime(HttpExchange exchange, AccessTokenInfo? token)
        {
            if (token?.IssuedAt != null) return Moment(token.IssuedAt.Value) + " (iat маркера)";
            if (exchange.TokenObtainedAt != null) return Moment(exchange.TokenObtainedAt.Value) + " (получен модулем)";
            return "запрос выполнялся без маркера доступа";
        }

        private static string RequestOf(HttpExchange exchange, Func<string?, string> personal)
        {
            var text = new StringBuilder();
            text.Append("a. HTTP-метод: ").Append(exchange.Method).Append('\n');
            text.Append("b. Host: ").Append(exchange.Host).Append('\n');
            text.Append("c. URL: ").Append(personal(exchange.Url)).Append('\n');
            text.Append("d. Заголовки запроса:\n");
            if (exchange.RequestHeaders.Count == 0) text.Append("   (не записаны: запрос не дошёл до отправки)\n");
            foreach (var header in exchange.RequestHeaders) text.Append("   ").Append(header.Name).Append(": ").Append(personal(header.Value)).Append('\n');
            text.Append("e. Параметры и тело запроса:\n");
            var query = exchange.Url.IndexOf('?');
            if (query >= 0) text.Append("   Параметры строки запроса: ").Append(personal(exchange.Url.Substring(query + 1))).Append('\n');
            if (string.IsNullOrEmpty(exchange.RequestBody)) text.Append("   Тело запроса отсутствует.\n");
            else foreach (var line in personal(exchange.RequestBody).Replace("\r\n", "\n").Split('\n')) text.Append("   ").Append(line).Append('\n');
            text.Append("f. Дата и время отправки: ").Append(Moment(exchange.StartedAt)).Append('\n');
            text.Append("Ответ: ").Append(ResponseOf(exchange));
            return text.ToString();
        }

        private static string ResponseOf(HttpExchange exchange) =>
            exchange.StatusCode.HasValue
                ? "HTTP " + exchange.StatusCode.Value.ToString(CultureInfo.InvariantCulture) + (exchange.ApiCode == null ? string.Empty : ", код " + exchange.ApiCode)
                : "нет ответа (" + exchange.Error + ")";

        private static string AnalysisOf(HttpExchange exchange, GosApiException? error, string? analysis)
        {
            var text = new StringBuilder();
            text.Append(string.IsNullOrWhiteSpace(analysis) ? "Анализ представителя владельца ВИС: " + NotGiven + "." : analysis!.Trim());
            text.Append("\nСведения, записанные модулем GosApi:");
            text.Append("\n- Ответ: ").Append(ResponseOf(exchange)).Append(", длительность ").Append(((long)exchange.Duration.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)).Append(" мс");
            text.Append("\n- Попыток запроса: ").Append((exchange.Attempt + 1).ToString(CultureInfo.InvariantCulture)).Append(" (повторы с паузами при 429/502/503/504 и обрывах связи для безопасных запросов)");
            if (error != null)
            {
                text.Append("\n- Сообщение: ").Append(error.ApiMessage);
                if (!string.IsNullOrEmpty(error.Hint)) text.Append("\n- Рекомендация спецификации: ").Append(error.Hint);
            }
            return text.ToString();
        }

        private static string? OrderIdOf(string? entityId)
        {
            if (entityId == null) return null;
            var digits = new string(entityId.Where(char.IsDigit).ToArray());
            return entityId.StartsWith("order ", StringComparison.Ordinal) && digits.Length > 0 ? digits : null;
        }

        private static string Moment(DateTimeOffset time) =>
            time.ToOffset(CalendarWindows.MoscowOffset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " МСК (" + time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC)";

        internal static string SummaryOf(HttpExchange exchange)
        {
            var what = exchange.StatusCode.HasValue
                ? "Ошибка " + (exchange.StatusCode.Value >= 500 || exchange.ApiCode == null ? exchange.StatusCode.Value.ToString(CultureInfo.InvariantCulture) : exchange.ApiCode)
                : "Нет ответа";
            return what + " при " + OperationInRussian(exchange.Operation);
        }

        private static string OperationInRussian(string operation)
        {
            if (operation == "create order") return "получении orderId";
            if (operation == "push order") return "отправке заявления (push)";
            if (operation.StartsWith("send chunk", StringComparison.Ordinal)) return "отправке архива частями (push/chunked)";
            if (operation == "get order") return "получении сведений о заявлении";
            if (operation == "cancel order") return "отмене заявления";
            if (operation == "get orders status") return "получении статусов заявлений";
            if (operation == "get updated orders") return "получении изменившихся заявлений";
            if (operation.StartsWith("get dictionary ", StringComparison.Ordinal)) return "запросе справочника " + operation.Substring("get dictionary ".Length);
            if (operation.StartsWith("download ", StringComparison.Ordinal)) return "скачивании файла " + operation.Substring("download ".Length);
            if (operation.IndexOf("ESIA token", StringComparison.Ordinal) >= 0) return "получении маркера доступа ЕСИА";
            return "запросе «" + operation + "»";
        }
    }
}
