using System.Text.Json;
using GosApi.Core.Tests.Http;
using GosApi.Uc;
using GosApi.Uc.Models;
using GosApi.Validation;
using Xunit;

namespace GosApi.Core.Tests.Uc;

/// <summary>Valid requests of seed 004 (values with correct checksums) and helpers.</summary>
internal static class UcTestData
{
    public const string Snils = "11223344595";
    public const string PersonInn = "500100732259";
    public const string LegalInn = "7707083893";
    public const string Ogrn = "1027700132195";
    public const string Ogrnip = "304500116000157";
    public const string Kpp = "773601001";

    public static UcRequestInfo Person() => new()
    {
        Type = UcApplicantType.Person,
        LastName = "Петров",
        FirstName = "Акакий",
        MiddleName = "Валентинович",
        Gender = "M",
        BirthDate = new DateTime(1990, 9, 2),
        PassportSerial = "2210",
        PassportNumber = "123123",
        PassportDate = new DateTime(2011, 2, 20),
        PassportCode = "520000",
        PassportDivision = "ОВД 1",
        Snils = Snils,
        Inn = PersonInn,
        Email = "foster06@bk.ru",
        Phone = "9202923333",
        Region = 52,
        City = "Нижний Новгород",
        Address = "Минина 26-111",
        OfferJoining = true,
    };

    public static UcRequestInfo Entrepreneur()
    {
        var info = Person();
        info.Type = UcApplicantType.Entrepreneur;
        info.Ogrnip = Ogrnip;
        return info;
    }

    public static UcRequestInfo LegalEntity()
    {
        var info = Person();
        info.Type = UcApplicantType.LegalEntity;
        info.Inn = LegalInn;
        info.PersonInn = PersonInn;
        info.Ogrn = Ogrn;
        info.Kpp = Kpp;
        info.Company = "ООО \"Ромашка\"";
        info.CompanyFull = "Общество с ограниченной ответственностью \"Ромашка\"";
        info.Position = "Директор";
        info.HeadLastName = "Петров";
        info.HeadFirstName = "Акакий";
        return info;
    }

    public static UcRequestInfo Of(UcApplicantType type) => type switch
    {
        UcApplicantType.Entrepreneur => Entrepreneur(),
        UcApplicantType.LegalEntity => LegalEntity(),
        _ => Person(),
    };

    public static ValidationError HasError(ValidationResult result, string field, string rule)
    {
        var error = result.Errors.FirstOrDefault(e => e.Field == field && e.Rule.Contains(rule, StringComparison.Ordinal));
        Assert.True(error != null, $"expected an error on {field} with '{rule}', got: {result}");
        return error!;
    }

    public static void NoErrorOn(ValidationResult result, string field) =>
        Assert.True(result.Errors.All(e => e.Field != field), $"expected no error on {field}, got: {result}");

    public static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();

    public static string PathOf(RecordedRequest r) => r.Target.Split('?')[0];

    public static UcSession Session(LoopbackServer server, string password, int maxRetries = 0) =>
        new(server.BaseUri, "manager@example.ru", password, Pipelines.FastOptions(maxRetries));

    /// <summary>The request/list answer of the spec (§2.1).</summary>
    public const string ListAnswer = """
        {
          "info": [
            {
              "firstName": "Николай", "middleName": "Валентинович", "lastName": "Петров",
              "headFirstName": null, "headLastName": null, "headMiddleName": null, "headPosition": null,
              "company": "ООО \"Ромашка\"", "companyFull": "Общество с ограниченной ответственностью \"Ромашка\"",
              "position": "Директор", "department": "Развитие международных отношений",
              "passportSerial": "2210", "passportNumber": "123123", "passportDate": "20.02.2011", "passportDivision": "ОВД 1",
              "passportCode": "520-000", "gender": "М", "birthDate": null, "inn": "501810411815", "personInn": "50181041181523",
              "ogrn": "1176196017997", "kpp": "454545455", "snils": "07683358608", "email": "foster06@bk.ru", "phone": "9202923333",
              "companyPhone": null, "region": 52, "city": "Нижегород", "address": "Минина 26-111", "index": null,
              "regionLaw": null, "cityLaw": null, "addressLaw": null, "offerJoining": true, "type": 1,
              "createDate": "17.06.2021 23:59:18", "products": [254], "statusId": 1, "status": "Отправка документов",
              "requestId": 1760, "comment": null, "identificationKind": 0
            }
          ]
        }
        """;

    /// <summary>The request/view answer of the spec (§5.5), made well-formed.</summary>
    public const string ViewAnswer = """
        {
          "info": {
            "firstName": "Николай", "lastName": "Гармаев", "middleName": "Данилович",
            "headFirstName": "Николай", "headLastName": "Гармаев", "headMiddleName": "Данилович",
            "company": "Администрация Сельского Поселения \"СОХОНДИНСКОЕ\"", "companyFull": "Администрация Сельского Поселения \"СОХОНДИНСКОЕ\"",
            "position": "Глава администрации", "department": "", "passportSerial": "7600", "passportNumber": "999999",
            "passportDate": "13.01.2020", "passportCode": "555-555", "passportDivision": "ОВД 1", "gender": "М", "birthDate": "13.01.2020",
            "inn": "7524012415", "personInn": "415291390574", "ogrn": "1057524018694", "ogrnip": "105752401869400", "kpp": "454545455",
            "companyPhone": "84993774021", "snils": "05074139133", "email": "chitrn21@mail.ru", "phone": "377402", "region": 75,
            "city": "Сохондо", "address": "Центральная ул, дом 53А", "type": 3, "products": [3, 4], "headPosition": null,
            "offerJoining": false, "regionLaw": 0, "cityLaw": null, "addressLaw": null, "createDate": "28.01.2020 04:01:15",
            "comment": "Комментарий", "identificationKind": 0, "forInfoSys": null, "managerComment": "", "basisOfActs": null,
            "checkCertInFNSStatus": 3,
            "existingCertsInFNS": [ { "sn": "0ABCDEF12345", "issued": "25.01.2022 10:13:00" }, { "sn": "0ABCDEF12346", "issued": "25.01.2022 10:15:00" } ]
          },
          "statusId": 1, "status": "Отправка документов", "requestId": 1404,
          "list": [ { "typeId": 1, "typeName": "Application" }, { "typeId": 3, "typeName": "Bill" }, { "typeId": 2, "typeName": "Procurement" }, { "typeId": 5, "typeName": "ClientAgreement" } ],
          "smevChecks": [
            { "status": -2, "initialStatus": -1, "requestType": 0, "title": "СНИЛС заявителя", "name": "СНИЛС заявителя", "comment": "Проверка не проводилась", "launchDate": null },
            { "status": -1, "initialStatus": 13, "requestType": 4, "title": "ОГРН", "name": "ОГРН", "launchDate": "2022-10-05T17:05:00.3694387" }
          ]
        }
        """;
}
