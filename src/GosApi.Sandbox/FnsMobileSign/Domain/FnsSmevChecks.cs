namespace GosApi.Sandbox.FnsMobileSign.Domain;

/// <summary>
/// The simulated СМЭВ checks of a registration: a consumer whose last name is one of these fails the named check
/// (the identification ends in rejected with error_message "Не пройдены проверки: …" and the consumer is blocked).
/// </summary>
internal static class FnsSmevChecks
{
    public static readonly IReadOnlyDictionary<string, string> FailingLastNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Отказов"] = "Валидация ФИО-СНИЛС",
        ["Отказова"] = "Валидация ФИО-СНИЛС",
        ["Безинн"] = "Валидация ФИО-ИНН ФЛ",
        ["Беспаспортов"] = "Проверка действительности паспорта",
    };

    public static string? FailedCheck(string lastName) => FailingLastNames.GetValueOrDefault(lastName.Trim());
}
