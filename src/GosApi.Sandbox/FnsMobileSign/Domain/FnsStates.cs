namespace GosApi.Sandbox.FnsMobileSign.Domain;

/// <summary>State names of the spec's table and what they are called in the app.</summary>
internal static class FnsStates
{
    public const string Start = "start";
    public const string Validation = "validation";
    public const string Rejected = "rejected";
    public const string WaitPkcs10 = "wait-pkcs10";
    public const string WaitConsumerIdentification = "wait-consumer-identification";
    public const string CertificateIssue = "certificate-issue";
    public const string WaitScanUpload = "wait-scan-upload";
    public const string WaitSecretKey = "wait-secret-key";
    public const string WaitSignature = "wait-signature";
    public const string SignRejected = "sign-rejected";
    public const string Active = "active";
    public const string ProcessingExternalActivity = "processing-external-activity";
    public const string WaitDecryption = "wait-decryption";
    public const string WaitCertificateReceive = "wait-certificate-receive";
    public const string Complete = "complete";
    public const string Error = "error";

    /// <summary>Not a state: the callback event when the app sent its pkcs10 (spec: «Установка приложения»).</summary>
    public const string Installed = "installed";

    public static bool IsFinal(string state) => state is Complete or Rejected or Error;

    public static string Display(string state) => state switch
    {
        Start => "Запуск",
        Validation => "Проверка данных",
        Rejected => "Отклонено",
        WaitPkcs10 => "Ожидание запроса на сертификат",
        WaitConsumerIdentification => "Ожидание идентификации клиента",
        CertificateIssue => "Выпуск сертификата",
        WaitScanUpload => "Ожидание загрузки документов",
        WaitSecretKey => "Ожидание ключа защиты",
        WaitSignature => "Ожидание подписи документов",
        SignRejected => "Отказ от подписи",
        Active => "Ожидание",
        ProcessingExternalActivity => "Работа с внешним порталом",
        WaitDecryption => "Ожидание расшифровки",
        WaitCertificateReceive => "Ожидание ознакомления с сертификатом",
        Complete => "Завершено",
        Error => "Ошибка",
        _ => state,
    };
}
