using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GosApi.Sandbox.Infrastructure;
using GosApi.Sandbox.Uc.Http;

namespace GosApi.Sandbox.Uc.Domain;

/// <summary>
/// Checks the info object of request/create and request/change (seed 004, 3 and 4): type, the fields each type
/// needs, control digits, products, identificationKind and the IdSmev* table. Every problem is a 500 text naming the field.
/// </summary>
internal static partial class UcInfoValidator
{
    private static readonly string[] SmevFields = ["IdSmevSNILS", "IdSmevINNFL", "IdSmevMvd", "IdSmevEGRIP", "IdSmevEGRUL"];

    public static void Validate(JsonObject info)
    {
        var type = UcBody.Long(info["type"], "type", UcBody.Error)
            ?? throw UcBody.Error("type: не указан тип заявки (1 - физ. лицо, 2 - ИП, 3 - юр. лицо)");
        if (type is not (1 or 2 or 3)) throw UcBody.Error($"type: недопустимый тип заявки {type} (1 - физ. лицо, 2 - ИП, 3 - юр. лицо)");

        Required(info, "lastName", "фамилия заявителя");
        Required(info, "firstName", "имя заявителя");
        var gender = Text(info, "gender") ?? throw UcBody.Error("gender: не указан пол заявителя (M, F или U)");
        if (gender is not ("M" or "М" or "F" or "U")) throw UcBody.Error($"gender: недопустимое значение \"{gender}\" (M, F или U)");

        var serial = Text(info, "passportSerial");
        var number = Text(info, "passportNumber");
        if (serial is null || number is null) throw UcBody.Error("passportSerial, passportNumber: не указаны серия и номер паспорта");
        if (!UcChecksums.Digits(serial, 4)) throw UcBody.Error($"passportSerial: серия паспорта \"{serial}\" должна состоять из 4 цифр");
        if (!UcChecksums.Digits(number, 6)) throw UcBody.Error($"passportNumber: номер паспорта \"{number}\" должен состоять из 6 цифр");
        if (Text(info, "passportCode") is { } code && NormalizeCode(code) is null)
            throw UcBody.Error($"passportCode: код подразделения \"{code}\" должен быть в формате XXXXXX, XXX-XXX или XXX XXX");
        Date(info, "passportDate");
        Date(info, "birthDate");

        var snils = Text(info, "snils") ?? throw UcBody.Error("snils: не указан СНИЛС заявителя");
        if (!UcChecksums.Snils(snils)) throw UcBody.Error($"snils: СНИЛС \"{snils}\" неверен (11 цифр с верным контрольным числом)");

        var inn = Text(info, "inn");
        var personInn = Text(info, "personInn");
        if (personInn is not null && !UcChecksums.Inn12(personInn))
            throw UcBody.Error($"personInn: ИНН заявителя \"{personInn}\" неверен (12 цифр с верными контрольными числами)");
        switch (type)
        {
            case 1:
                if (inn is null && personInn is null) throw UcBody.Error("inn: не указан ИНН физического лица");
                if (inn is not null && !UcChecksums.Inn12(inn)) throw UcBody.Error($"inn: ИНН физического лица \"{inn}\" неверен (12 цифр с верными контрольными числами)");
                break;
            case 2:
                if (inn is null) throw UcBody.Error("inn: не указан ИНН индивидуального предпринимателя");
                if (!UcChecksums.Inn12(inn)) throw UcBody.Error($"inn: ИНН ИП \"{inn}\" неверен (12 цифр с верными контрольными числами)");
                var ogrnip = Text(info, "ogrnip") ?? Text(info, "ogrn")
                    ?? throw UcBody.Error("ogrnip: для заявки ИП необходимо указать ОГРНИП (поле ogrnip или ogrn)");
                if (!UcChecksums.Ogrnip(ogrnip)) throw UcBody.Error($"ogrnip: ОГРНИП \"{ogrnip}\" неверен (15 цифр с верным контрольным числом)");
                break;
            case 3:
                Required(info, "company", "краткое наименование организации");
                Required(info, "companyFull", "полное наименование организации");
                Required(info, "headLastName", "фамилия руководителя");
                Required(info, "headFirstName", "имя руководителя");
                if (inn is null) throw UcBody.Error("inn: не указан ИНН организации");
                if (!UcChecksums.Inn10(inn)) throw UcBody.Error($"inn: ИНН организации \"{inn}\" неверен (10 цифр с верным контрольным числом)");
                var kpp = Text(info, "kpp") ?? throw UcBody.Error("kpp: не указан КПП организации");
                if (!Kpp().IsMatch(kpp)) throw UcBody.Error($"kpp: КПП \"{kpp}\" неверен (9 знаков: 4 цифры, 2 цифры или заглавные латинские буквы, 3 цифры)");
                var ogrn = Text(info, "ogrn") ?? throw UcBody.Error("ogrn: не указан ОГРН организации");
                if (!UcChecksums.Ogrn(ogrn)) throw UcBody.Error($"ogrn: ОГРН \"{ogrn}\" неверен (13 цифр с верным контрольным числом)");
                break;
        }
        if (type != 2 && Text(info, "ogrnip") is not null) throw UcBody.Error("ogrnip: ОГРНИП указывается только для заявки ИП (type 2)");
        if (type == 1 && UcBody.Bool(info["forInfoSys"], "forInfoSys", UcBody.Error) == true)
            throw UcBody.Error("forInfoSys: сертификат для информационной системы возможен только для ЮЛ и ИП");

        UcBody.Long(info["region"], "region", UcBody.Error);
        UcBody.Long(info["regionLaw"], "regionLaw", UcBody.Error);
        UcBody.Bool(info["offerJoining"], "offerJoining", UcBody.Error);
        var kind = UcBody.Long(info["identificationKind"], "identificationKind", UcBody.Error);
        if (kind is not (null or 0 or 1)) throw UcBody.Error($"identificationKind: недопустимое значение {kind} (0 - Лично, 1 - По действующей ЭП)");

        if (UcBody.Present(info["products"]))
        {
            if (info["products"] is not JsonArray products) throw UcBody.Error("products: ожидается массив идентификаторов продуктов");
            foreach (var item in products)
            {
                var id = UcBody.Long(item, "products", UcBody.Error) ?? throw UcBody.Error("products: Input string was not in a correct format.");
                if (UcProducts.Find(id) is null) throw UcBody.Error($"products: продукт {id} не найден или не доступен организации");
            }
        }

        foreach (var field in SmevFields)
        {
            if (!UcBody.Present(info[field])) continue;
            UcBody.Long(info[field], field, UcBody.Error);
            var allowed = field switch
            {
                "IdSmevEGRIP" => type == 2,
                "IdSmevEGRUL" => type == 3,
                _ => true,
            };
            if (!allowed)
                throw UcBody.Error($"{field}: проверка СМЭВ недопустима для заявки типа {type} ({TypeName(type)}); допустимо: " +
                    string.Join(", ", SmevFields.Where(f => f switch { "IdSmevEGRIP" => type == 2, "IdSmevEGRUL" => type == 3, _ => true })));
        }
    }

    public static string TypeName(long type) => type switch { 1 => "физ. лицо", 2 => "ИП", 3 => "юр. лицо", _ => "?" };

    /// <summary>"XXX-XXX" from XXXXXX, XXX-XXX or XXX XXX; null otherwise.</summary>
    public static string? NormalizeCode(string code)
    {
        var match = PassportCode().Match(code.Trim());
        return match.Success ? match.Groups[1].Value + "-" + match.Groups[2].Value : null;
    }

    public static string? Text(JsonObject info, string field)
    {
        var text = UcBody.Text(info[field]);
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    private static void Required(JsonObject info, string field, string what)
    {
        if (Text(info, field) is null) throw UcBody.Error($"{field}: не указано обязательное поле ({what})");
    }

    private static void Date(JsonObject info, string field)
    {
        if (Text(info, field) is { } text && !DateTime.TryParseExact(text, "dd.MM.yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            throw UcBody.Error($"{field}: дата \"{text}\" должна быть в формате ДД.ММ.ГГГГ");
    }

    [GeneratedRegex(@"^(\d{3})[- ]?(\d{3})$")]
    private static partial Regex PassportCode();

    [GeneratedRegex(@"^\d{4}[0-9A-Z]{2}\d{3}$")]
    private static partial Regex Kpp();
}
