using System.Text.Json.Nodes;

namespace GosApi.Sandbox.FnsMobileSign.Http;

/// <summary>The blocks of the spec's tables (consumer, addresses, identities, entrepreneur, legal_entity); each returns the normalized block.</summary>
internal static class FnsBlockValidator
{
    public const string NotObject = "Недопустимые данные. Ожидался dictionary.";
    public const string NotList = "Ожидался list со значениями.";
    public const string EmptyList = "Этот список не может быть пустым.";
    public const string BadSnils = "Неправильный формат СНИЛС";
    public const string BadInn = "Неправильный формат ИНН";
    public const string BadOgrn = "Неправильный формат ОГРН";
    public const string BadOgrnip = "Неправильный формат ОГРНИП";
    public const string BadKpp = "Неправильный формат КПП";
    public const string BadPhone = "Неправильный формат номера телефона";
    public const string BadDate = "Неправильный формат date. Используйте один из этих форматов: YYYY-MM-DD.";

    private static readonly string[] AddressOptional = ["index", "district", "street", "house", "housing", "building", "apartment"];

    /// <summary>consumer of a registration.</summary>
    public static JsonObject Consumer(JsonObject block, FnsFieldErrors errors)
    {
        var data = new JsonObject();
        void Put(string field, string? value) { if (value is not null) data[field] = value; }
        if (FnsFieldErrors.OptionalText(block, "citizenship") is { } citizenship)
            Put("citizenship", errors.Check("citizenship", citizenship, v => v.Length == 3 && v.All(char.IsAsciiLetterUpper), "Неправильный код страны"));
        Put("last_name", errors.RequiredText(block, "last_name"));
        Put("first_name", errors.RequiredText(block, "first_name"));
        Put("middle_name", errors.RequiredText(block, "middle_name"));
        var gender = errors.RequiredText(block, "gender");
        Put("gender", errors.Check("gender", gender, g => g is "М" or "F" or "M" or "Ж", $"Значения {gender} нет среди допустимых вариантов."));
        Put("birthed", errors.Check("birthed", errors.RequiredText(block, "birthed"), FnsFormats.Date, BadDate));
        Put("snils", errors.Check("snils", errors.RequiredText(block, "snils"), FnsFormats.Snils, BadSnils));
        Put("inn", errors.Check("inn", errors.RequiredText(block, "inn"), FnsFormats.PersonInn, BadInn));
        Put("phone", errors.Check("phone", errors.RequiredText(block, "phone"), FnsFormats.Phone, BadPhone));
        data["addresses"] = List(block, "addresses", errors, (a, e) => Address(a, e, "permanent"));
        data["identities"] = List(block, "identities", errors, Identity);
        return data;
    }

    public static JsonArray List(JsonObject block, string field, FnsFieldErrors errors, Func<JsonObject, FnsFieldErrors, JsonObject> item)
    {
        var node = block[field];
        if (node is null)
        {
            errors.Add(field, FnsFieldErrors.Required);
            return new JsonArray();
        }
        if (node is not JsonArray array)
        {
            errors.Add(field, NotList);
            return new JsonArray();
        }
        if (array.Count == 0)
        {
            errors.Add(field, EmptyList);
            return new JsonArray();
        }
        var result = new JsonArray();
        var itemErrors = new List<FnsFieldErrors>();
        foreach (var element in array)
        {
            var e = new FnsFieldErrors();
            if (element is JsonObject o) result.Add(item(o, e));
            else e.Add("non_field_errors", NotObject);
            itemErrors.Add(e);
        }
        errors.NestList(field, itemErrors);
        return result;
    }

    public static JsonObject Address(JsonObject block, FnsFieldErrors errors, string type)
    {
        var data = new JsonObject();
        var given = errors.RequiredText(block, "type");
        if (given is not null && given != type) errors.Add("type", $"Значения {given} нет среди допустимых вариантов.");
        else if (given is not null) data["type"] = given;
        if (FnsFieldErrors.OptionalText(block, "index") is { } index)
            data["index"] = errors.Check("index", index, v => FnsFormats.Digits(v, 6), "Неправильный формат индекса");
        data["region"] = errors.Check("region", errors.RequiredText(block, "region"), v => v.Length is 1 or 2 && v.All(char.IsAsciiDigit), "Неправильный код региона");
        data["city"] = errors.RequiredText(block, "city");
        foreach (var field in AddressOptional.Skip(1))
            if (FnsFieldErrors.OptionalText(block, field) is { } value) data[field] = value;
        return data;
    }

    public static JsonObject Identity(JsonObject block, FnsFieldErrors errors)
    {
        var data = new JsonObject();
        var type = errors.RequiredText(block, "type");
        if (type is not null && type != "internal-passport") errors.Add("type", $"Значения {type} нет среди допустимых вариантов.");
        else if (type is not null) data["type"] = type;
        data["series"] = errors.Check("series", errors.RequiredText(block, "series"), v => FnsFormats.Digits(v, 4), "Серия паспорта должна состоять из 4 цифр");
        data["number"] = errors.Check("number", errors.RequiredText(block, "number"), v => FnsFormats.Digits(v, 6), "Номер паспорта должен состоять из 6 цифр");
        data["issue_code"] = errors.Check("issue_code", errors.RequiredText(block, "issue_code"), FnsFormats.IssueCode, "Неправильный формат кода подразделения");
        data["issued_by"] = errors.RequiredText(block, "issued_by");
        data["issued"] = errors.Check("issued", errors.RequiredText(block, "issued"), FnsFormats.Date, BadDate);
        return data;
    }

    public static JsonObject Entrepreneur(JsonObject block, FnsFieldErrors errors) => new()
    {
        ["ogrnip"] = errors.Check("ogrnip", errors.RequiredText(block, "ogrnip"), FnsFormats.Ogrnip, BadOgrnip),
    };

    /// <summary>legal_entity of a registration or certificate issuing: every required field of the table.</summary>
    public static JsonObject LegalEntity(JsonObject block, FnsFieldErrors errors)
    {
        var data = new JsonObject
        {
            ["name"] = errors.RequiredText(block, "name"),
            ["ogrn"] = errors.Check("ogrn", errors.RequiredText(block, "ogrn"), FnsFormats.Ogrn, BadOgrn),
            ["inn"] = errors.Check("inn", errors.RequiredText(block, "inn"), FnsFormats.LegalEntityInn, BadInn),
            ["kpp"] = errors.Check("kpp", errors.RequiredText(block, "kpp"), FnsFormats.Kpp, BadKpp),
        };
        if (FnsFieldErrors.OptionalText(block, "division") is { } division) data["division"] = division;
        data["position"] = errors.RequiredText(block, "position");
        data["addresses"] = List(block, "addresses", errors, (a, e) => Address(a, e, "legal"));
        return data;
    }

    /// <summary>legal_entity of a signing request: only inn is required; the rest is checked when given.</summary>
    public static JsonObject SigningLegalEntity(JsonObject block, FnsFieldErrors errors)
    {
        var data = new JsonObject { ["inn"] = errors.Check("inn", errors.RequiredText(block, "inn"), FnsFormats.LegalEntityInn, BadInn) };
        if (FnsFieldErrors.OptionalText(block, "name") is { } name) data["name"] = name;
        if (FnsFieldErrors.OptionalText(block, "ogrn") is { } ogrn) data["ogrn"] = errors.Check("ogrn", ogrn, FnsFormats.Ogrn, BadOgrn);
        if (FnsFieldErrors.OptionalText(block, "kpp") is { } kpp) data["kpp"] = errors.Check("kpp", kpp, FnsFormats.Kpp, BadKpp);
        if (FnsFieldErrors.OptionalText(block, "division") is { } division) data["division"] = division;
        if (FnsFieldErrors.OptionalText(block, "position") is { } position) data["position"] = position;
        if (block["addresses"] is not null) data["addresses"] = List(block, "addresses", errors, (a, e) => Address(a, e, "legal"));
        return data;
    }

    /// <summary>An optional nested block: null when absent; an error when it is not an object.</summary>
    public static JsonObject? OptionalBlock(JsonObject body, string field, FnsFieldErrors errors, Func<JsonObject, FnsFieldErrors, JsonObject> validate)
    {
        var node = body[field];
        if (node is null) return null;
        if (node is not JsonObject block)
        {
            errors.Add(field, NotObject);
            return null;
        }
        var nested = new FnsFieldErrors();
        var data = validate(block, nested);
        errors.Nest(field, nested);
        return data;
    }
}
