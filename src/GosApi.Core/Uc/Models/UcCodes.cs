using System.Collections.Generic;

namespace GosApi.Uc.Models
{
    /// <summary>Заявка type (seed 004: 1 ФЛ, 2 ИП, 3 ЮЛ).</summary>
    public enum UcApplicantType
    {
        Person = 1,
        Entrepreneur = 2,
        LegalEntity = 3,
    }

    /// <summary>Request statuses (seed 004, 9.2).</summary>
    public enum UcRequestStatus
    {
        /// <summary>0: Нет данных по указанной заявке или нет доступа к данной заявке.</summary>
        NoData = 0,
        /// <summary>1: Отправка документов.</summary>
        SendingDocuments = 1,
        /// <summary>2: Генерация запроса.</summary>
        GeneratingRequest = 2,
        /// <summary>3: Выпуск.</summary>
        Issuing = 3,
        /// <summary>4: Готово.</summary>
        Ready = 4,
        /// <summary>5: Отказ.</summary>
        Refused = 5,
        /// <summary>11: Ожидание подписи главного менеджера.</summary>
        AwaitingChiefManagerSignature = 11,
        /// <summary>21: На модерации.</summary>
        Moderation = 21,
        /// <summary>22: Обработка системы — no API call is allowed until it ends.</summary>
        SystemProcessing = 22,
    }

    /// <summary>fileType of request/attach_file (seed 004, 6) and of request/client_docs.</summary>
    public enum UcFileType
    {
        /// <summary>0: запрос на сертификат (PKCS#10); the request goes to «Выпуск».</summary>
        CertificateRequest = 0,
        /// <summary>1: Заявление на выпуск КСКПЭП (client_docs).</summary>
        Application = 1,
        /// <summary>3: Счёт на оплату (client_docs).</summary>
        Bill = 3,
        /// <summary>8: архив с документами (zip of scans and signed applications).</summary>
        DocumentsArchive = 8,
        /// <summary>9: подпись архива (GOST R 34.11-2012 detached); the request goes to «Генерация запроса».</summary>
        ArchiveSignature = 9,
        /// <summary>17: дополнительные документы (zip), at any time.</summary>
        ExtraDocuments = 17,
        /// <summary>20: подписанный запрос на сертификат (attached CMS by a УЦ certificate, PEM body).</summary>
        SignedCertificateRequest = 20,
    }

    /// <summary>checkCertInFNSStatus (seed 004, 5.3).</summary>
    public enum UcFnsCertificateCheck
    {
        NotRequired = 0,
        Sent = 1,
        NotFound = 2,
        Found = 3,
        Failed = 4,
        IgnoredByPartner = 5,
        FoundAndRevoked = 6,
        Cancelled = 7,
    }

    /// <summary>The spec's meanings of its codes.</summary>
    public static class UcMeanings
    {
        public static string Of(UcRequestStatus status) => status switch
        {
            UcRequestStatus.NoData => "Нет данных по указанной заявке или нет доступа к данной заявке",
            UcRequestStatus.SystemProcessing => "Обработка системы",
            UcRequestStatus.SendingDocuments => "Отправка документов",
            UcRequestStatus.GeneratingRequest => "Генерация запроса",
            UcRequestStatus.Issuing => "Выпуск",
            UcRequestStatus.Ready => "Готово",
            UcRequestStatus.Refused => "Отказ",
            UcRequestStatus.AwaitingChiefManagerSignature => "Ожидание подписи главного менеджера",
            UcRequestStatus.Moderation => "На модерации",
            _ => "Неизвестный статус",
        };

        public static string Of(UcFnsCertificateCheck check) => check switch
        {
            UcFnsCertificateCheck.NotRequired => "Проверка существования сертификата в ФНС не требуется",
            UcFnsCertificateCheck.Sent => "Отправлена проверка в ФНС",
            UcFnsCertificateCheck.NotFound => "В ФНС нет сертификата с данными заявки",
            UcFnsCertificateCheck.Found => "В ФНС найдены сертификаты с данными заявки: приложите заявление на отзыв",
            UcFnsCertificateCheck.Failed => "Ошибка проверки сертификата в ФНС: обратитесь в УЦ",
            UcFnsCertificateCheck.IgnoredByPartner => "Филиал проигнорировал существование сертификата в ФНС",
            UcFnsCertificateCheck.FoundAndRevoked => "Действующий сертификат есть, но есть и заявление на отзыв",
            UcFnsCertificateCheck.Cancelled => "Проверки отменены, выпуск в ФНС принудительно разрешён",
            _ => "Неизвестный признак",
        };

        public static readonly IReadOnlyDictionary<int, string> SmevCheckStatuses = new Dictionary<int, string>
        {
            [0] = "Неизвестно, запрос в процессе",
            [2] = "Неизвестно, запрос в процессе",
            [1] = "Проверка успешна",
            [-1] = "Неуспех",
            [-2] = "Запрос не найден, проверка не проводилась",
        };

        public static readonly IReadOnlyDictionary<int, string> SmevCheckTypes = new Dictionary<int, string>
        {
            [0] = "СНИЛС",
            [1] = "ИНН и данные паспорта",
            [2] = "Паспортные данные",
            [3] = "ОГРН ИП",
            [4] = "ОГРН ЮЛ",
        };

        public static readonly IReadOnlyDictionary<int, string> LicenseTypes = new Dictionary<int, string>
        {
            [2] = "КриптоПро 4",
            [5] = "КриптоПро 4 бессрочная",
            [6] = "КриптоАрм Стандарт Плюс",
            [7] = "КриптоАрм Стандарт",
            [8] = "КриптоАрм",
            [9] = "КриптоПро 5 бессрочная",
            [10] = "КриптоПро 5",
            [11] = "КриптоПро 4 Серверная",
        };
    }
}
