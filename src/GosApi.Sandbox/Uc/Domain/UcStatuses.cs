namespace GosApi.Sandbox.Uc.Domain;

/// <summary>Request statuses of seed 004, 9.2, and the sandbox's timings.</summary>
internal static class UcStatuses
{
    public const int NoData = 0;
    public const int SendingDocuments = 1;
    public const int GeneratingRequest = 2;
    public const int Issuing = 3;
    public const int Ready = 4;
    public const int Refused = 5;
    public const int ChiefManagerSignature = 11;
    public const int Moderation = 21;
    public const int SystemProcessing = 22;

    /// <summary>How long status 22 lasts each time (sandbox seconds).</summary>
    public static readonly TimeSpan Processing = TimeSpan.FromSeconds(10);

    /// <summary>checkCertInFNSStatus and smevChecks get their results this long after create/change.</summary>
    public static readonly TimeSpan Checks = TimeSpan.FromSeconds(20);

    /// <summary>3 «Выпуск» → 4 «Готово» this long after the signed request (type 20).</summary>
    public static readonly TimeSpan Issue = TimeSpan.FromSeconds(60);

    public static string Name(int status) => status switch
    {
        NoData => "Нет данных",
        SendingDocuments => "Отправка документов",
        GeneratingRequest => "Генерация запроса",
        Issuing => "Выпуск",
        Ready => "Готово",
        Refused => "Отказ",
        ChiefManagerSignature => "Ожидание подписи главного менеджера",
        Moderation => "На модерации",
        SystemProcessing => "Обработка системы",
        _ => "Неизвестный статус",
    };

    public static string Describe(int status) => $"{status} «{Name(status)}»";
}
