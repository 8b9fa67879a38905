using System.Text.Json.Nodes;

namespace GosApi.Sandbox.Uc.Domain;

/// <summary>The products of the spec's example (section 7): ФНС КСКПЭП 224, КриптоПро CSP 5.0 licence 226, Рутокен 231.</summary>
internal static class UcProducts
{
    public sealed record Product(int Id, string Name, decimal Price, (string Oid, string Description)[] Oids, int? LicenseType);

    public static readonly IReadOnlyList<Product> All =
    [
        new(224, "Создание и выдача квалифицированного сертификата ключа проверки электронной подписи (КСКПЭП) юридического лица на ПАК УЦ ФНС России", 0,
        [
            ("1.3.6.1.5.5.7.3.2", "Работа на ЭТП по 44-ФЗ"),
            ("1.3.6.1.5.5.7.3.4", "Работа на ЭТП по 44-ФЗ"),
            ("1.3.6.1.4.1.311.20.2.2", "Вход с помощью смарт-карты"),
            ("1.2.643.2.2.34.25", "Пользователь службы штампов времени"),
            ("1.2.643.2.2.34.26", "Пользователь службы актуальных статусов"),
            ("1.2.643.2.2.34.6", "Пользователь Центра Регистрации, HTTP, TLS client"),
        ], null),
        new(226, "Лицензия на право использования СКЗИ \"КриптоПро CSP\" версии 5.0 на одном рабочем месте (годовая)", 1000, [], 10),
        new(231, "Рутокен ЭЦП 2.0 64КБ, серт. ФСБ", 3000, [], null),
    ];

    public static Product? Find(long id) => All.FirstOrDefault(p => p.Id == id);

    public static JsonObject Json() => new()
    {
        ["products"] = new JsonArray(All.Select(p => (JsonNode)new JsonObject
        {
            ["id"] = p.Id,
            ["name"] = p.Name,
            ["price"] = new JsonObject { ["fl"] = p.Price, ["ip"] = p.Price, ["ur"] = p.Price },
            ["oids"] = new JsonArray(p.Oids.Select(o => (JsonNode)new JsonObject { ["oid"] = o.Oid, ["description"] = o.Description }).ToArray()),
            ["required"] = false,
            ["subitemsType"] = null,
            ["subitems"] = null,
        }).ToArray()),
    };
}
