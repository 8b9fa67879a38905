using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using GosApi.Sandbox.Uc.Domain;

namespace GosApi.Sandbox.Uc.Http;

/// <summary>The JSON of request/list and request/view (seed 004, 2.1 and 5.5).</summary>
internal static class UcViews
{
    private static readonly string[] TextFields =
    [
        "firstName", "middleName", "lastName", "headFirstName", "headLastName", "headMiddleName", "headPosition", "company",
        "companyFull", "position", "department", "passportSerial", "passportNumber", "passportDate", "passportDivision",
        "passportCode", "gender", "birthDate", "inn", "personInn", "ogrn", "kpp", "snils", "email", "phone", "companyPhone",
        "region", "city", "address", "index", "regionLaw", "cityLaw", "addressLaw", "offerJoining", "type",
    ];

    public static string Date(DateTimeOffset value) => value.UtcDateTime.ToString("dd.MM.yyyy HH:mm:ss", CultureInfo.InvariantCulture);

    public static JsonObject ListItem(UcRequest request)
    {
        var item = Fields(request);
        item["createDate"] = Date(request.Created);
        item["products"] = Products(request);
        item["statusId"] = request.Status;
        item["status"] = UcStatuses.Name(request.Status);
        item["requestId"] = request.Id;
        item["comment"] = request.Comment;
        item["identificationKind"] = request.IdentificationKind;
        return item;
    }

    public static JsonObject View(UcRequest request, UcStore store)
    {
        var info = Fields(request);
        info["ogrnip"] = request.Type == 2 ? UcInfoValidator.Text(request.Info, "ogrnip") ?? UcInfoValidator.Text(request.Info, "ogrn") : null;
        info["products"] = Products(request);
        info["createDate"] = Date(request.Created);
        info["comment"] = request.Comment;
        info["identificationKind"] = request.IdentificationKind;
        info["forInfoSys"] = request.Info["forInfoSys"]?.DeepClone();
        info["managerComment"] = UcInfoValidator.Text(request.Info, "managerComment") ?? "";
        info["basisOfActs"] = UcInfoValidator.Text(request.Info, "basisOfActs");
        var checksDone = store.ChecksDone(request);
        var found = checksDone && request.LastName == UcTestNames.CertificatesInFns;
        info["checkCertInFNSStatus"] = !checksDone ? 1 : found ? 3 : 2;
        info["existingCertsInFNS"] = found ? ExistingCertificates(request) : null;

        var list = new JsonArray
        {
            new JsonObject { ["typeId"] = 1, ["typeName"] = "Application" },
            new JsonObject { ["typeId"] = 3, ["typeName"] = "Bill" },
        };
        if (request.ExtraDocuments.Count > 0) list.Add(new JsonObject { ["typeId"] = 17, ["typeName"] = "AdditionalDocuments" });
        return new JsonObject
        {
            ["info"] = info,
            ["statusId"] = request.Status,
            ["status"] = UcStatuses.Name(request.Status),
            ["requestId"] = request.Id,
            ["list"] = list,
            ["smevChecks"] = SmevChecks(request, checksDone),
        };
    }

    /// <summary>The applicant's last name "Повторов" makes ФНС find two certificates (checkCertInFNSStatus 3).</summary>
    public static bool RevocationRequired(UcRequest request) => request.LastName == UcTestNames.CertificatesInFns;

    private static JsonArray ExistingCertificates(UcRequest request)
    {
        var seed = SHA256.HashData(BitConverter.GetBytes(request.Id));
        return new JsonArray(
            new JsonObject { ["sn"] = Convert.ToHexString(seed, 0, 16), ["issued"] = Date(request.Created.AddDays(-400)) },
            new JsonObject { ["sn"] = Convert.ToHexString(seed, 16, 16), ["issued"] = Date(request.Created.AddDays(-30)) });
    }

    private static JsonArray SmevChecks(UcRequest request, bool done)
    {
        var checks = new List<(int Type, string Title)>
        {
            (0, "СНИЛС заявителя"),
            (1, "ИНН и паспортные данные заявителя"),
            (2, "Паспортные данные заявителя"),
        };
        if (request.Type == 2) checks.Add((3, "ОГРН ИП"));
        if (request.Type == 3) checks.Add((4, "ОГРН"));
        var failed = request.LastName == UcTestNames.SmevFails;
        var status = !done ? 0 : failed ? -1 : 1;
        var comment = !done ? "Проверка выполняется" : failed ? "Сведения не подтверждены" : "Сведения подтверждены";
        var launch = request.ChecksLaunched.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture);
        return new JsonArray(checks.Select(c => (JsonNode)new JsonObject
        {
            ["status"] = status,
            ["initialStatus"] = 0,
            ["requestType"] = c.Type,
            ["title"] = c.Title,
            ["name"] = c.Title,
            ["comment"] = comment,
            ["launchDate"] = launch,
        }).ToArray());
    }

    private static JsonObject Fields(UcRequest request)
    {
        var item = new JsonObject();
        foreach (var field in TextFields)
        {
            var value = request.Info[field];
            item[field] = field switch
            {
                "type" => request.Type,
                "region" or "regionLaw" => long.TryParse(UcBody.Text(value), out var n) ? n : null,
                "offerJoining" => UcBody.Text(value) == "true",
                "gender" => UcBody.Text(value) is "M" ? "М" : UcBody.Text(value),
                "passportCode" => UcBody.Text(value) is { } code ? UcInfoValidator.NormalizeCode(code) ?? code : null,
                _ => UcBody.Present(value) ? UcBody.Text(value) : null,
            };
        }
        return item;
    }

    private static JsonArray Products(UcRequest request) =>
        new((request.Info["products"] as JsonArray ?? []).Select(p => (JsonNode?)JsonValue.Create(long.Parse(UcBody.Text(p)!, CultureInfo.InvariantCulture))).ToArray());
}

/// <summary>Applicant last names that steer the simulated checks.</summary>
internal static class UcTestNames
{
    /// <summary>ФНС finds two certificates: checkCertInFNSStatus 3, the archive needs Отзыв/Revocation.</summary>
    public const string CertificatesInFns = "Повторов";

    /// <summary>Every СМЭВ check ends with status -1.</summary>
    public const string SmevFails = "Непроверов";
}
