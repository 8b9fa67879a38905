using GosApi.Errors;
using GosApi.Http;
using RestSharp;

namespace GosApi.Uc
{
    /// <summary>Seed 004's errors: plain-text bodies with the status as the only code (ErrorId Uc.&lt;status&gt;).</summary>
    internal sealed class UcErrorTranslator : IApiErrorTranslator
    {
        public GosApiException Translate(RestResponse response, RequestTraits traits, string method, string redactedUrl)
        {
            var status = (int)response.StatusCode;
            var (meaning, kind, hint) = status switch
            {
                400 => ("Переданы неверные входные данные", GosApiErrorKind.InvalidRequest, "Check the fields named in the message."),
                401 => ("Нет доступа (неверные или не указанные логин или пароль)", GosApiErrorKind.Authentication, "Check the manager's login and password (Connect-UcService -Credential)."),
                403 => ("Заявка не найдена или недостаточно прав для получения информации", GosApiErrorKind.NotFound, "Check the request id; a request of another organisation is not visible."),
                404 => ("Заявка не найдена или недостаточно прав для получения информации", GosApiErrorKind.NotFound, "Check the request id."),
                429 => ("Слишком много запросов", GosApiErrorKind.LimitExceeded, "Slow down (-RequestsPerMinute)."),
                502 or 503 or 504 => ("Сервис недоступен", GosApiErrorKind.ServiceUnavailable, "Try again later."),
                _ => ("Прочие ошибки", GosApiErrorKind.ServerError, "The message is the service's; a request in status 22 (Обработка системы) accepts no call until it leaves it."),
            };
            var text = (response.Content ?? string.Empty).Trim();
            if (text.Length > 500) text = text.Substring(0, 500) + "…";
            if (text.StartsWith("<", System.StringComparison.Ordinal)) text = string.Empty; // a gateway's HTML page
            return new GosApiException(GosApiService.Uc, kind, traits.Operation + " failed: " + meaning + (text.Length == 0 ? string.Empty : ": " + text))
            {
                StatusCode = status,
                Hint = hint,
                Method = method,
                Url = redactedUrl,
                EntityId = traits.EntityId,
            };
        }
    }
}
