using System.Text.Json.Nodes;
using GosApi.Sandbox.Infrastructure;
using GosApi.Sandbox.Uc.Domain;

namespace GosApi.Sandbox.Uc.Http;

/// <summary>request/list, create, change, view, status; products and fns/find (seed 004, sections 2–5, 7, 9, 11).</summary>
internal sealed class UcEndpoints(UcStore store)
{
    /// <summary>Reads the body and checks login/pass (401 otherwise); returns the body and the manager's login.</summary>
    public async Task<(JsonObject Body, string Login)> AuthenticateAsync(HttpContext context)
    {
        var body = await UcBody.ReadAsync(context.Request);
        var login = UcBody.Text(body?["login"]);
        var pass = UcBody.Text(body?["pass"]);
        if (body is null || string.IsNullOrEmpty(login) || pass is null || !store.Authenticate(login, pass))
            throw UcBody.Status(StatusCodes.Status401Unauthorized, UcBody.NoAccess);
        return (body, login);
    }

    public static string InProcessing(long id) =>
        $"Заявка {id} находится в статусе 22 «Обработка системы»: работа по API с заявкой невозможна, дождитесь перехода в следующий статус (request/status)";

    public static long RequestId(JsonObject body, Func<string, ApiException> error) =>
        UcBody.Long(body["requestId"], "requestId", error) ?? throw error("requestId: не указан идентификатор заявки");

    public async Task<IResult> ListAsync(HttpContext context)
    {
        var (body, login) = await AuthenticateAsync(context);
        if (body["filter"] is not JsonObject filter) throw UcBody.BadRequest("Не передан объект filter");
        var serial = UcInfoValidator.Text(filter, "passportSerial");
        var number = UcInfoValidator.Text(filter, "passportNumber");
        if ((serial is null) != (number is null))
            throw UcBody.BadRequest("Поля passportSerial и passportNumber должны быть переданы одновременно, либо не должно передаваться ни одно из них");
        string? code = null;
        if (UcInfoValidator.Text(filter, "passportCode") is { } rawCode)
            code = UcInfoValidator.NormalizeCode(rawCode) ?? throw UcBody.BadRequest($"passportCode: \"{rawCode}\" не в формате XXXXXX, XXX-XXX или XXX XXX");
        var hideArchived = UcBody.Bool(filter["HideArchived"], "HideArchived", UcBody.BadRequest) ?? false;
        var type = UcBody.Long(filter["type"], "type", UcBody.BadRequest);
        var statusId = UcBody.Long(filter["statusId"], "statusId", UcBody.BadRequest);
        var requestId = UcBody.Long(filter["requestId"], "requestId", UcBody.BadRequest);
        string? createDate = null;
        if (UcInfoValidator.Text(filter, "createDate") is { } date)
        {
            if (!DateTime.TryParseExact(date.Length > 10 ? date[..10] : date, "dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.None, out _))
                throw UcBody.BadRequest($"createDate: \"{date}\" не в формате ДД.ММ.ГГГГ");
            createDate = date[..10];
        }
        string[] exact = ["firstName", "middleName", "lastName", "company", "companyFull", "inn", "personInn", "ogrn", "ogrnip", "kpp",
            "snils", "email", "phone", "passportSerial", "passportNumber", "headLastName", "headFirstName", "headMiddleName", "city"];
        var wanted = exact.Select(f => (Field: f, Value: UcInfoValidator.Text(filter, f))).Where(x => x.Value is not null).ToList();

        JsonArray items;
        lock (store.Gate)
        {
            items = new JsonArray(store.Of(login)
                .Where(r => !hideArchived || !r.Archived)
                .Where(r => type is null || r.Type == type)
                .Where(r => statusId is null || r.Status == statusId)
                .Where(r => requestId is null || r.Id == requestId)
                .Where(r => createDate is null || UcViews.Date(r.Created)[..10] == createDate)
                .Where(r => code is null || (UcInfoValidator.Text(r.Info, "passportCode") is { } c && UcInfoValidator.NormalizeCode(c) == code))
                .Where(r => wanted.All(w => string.Equals(UcInfoValidator.Text(r.Info, w.Field), w.Value, StringComparison.OrdinalIgnoreCase)))
                .Select(r => (JsonNode)UcViews.ListItem(r)).ToArray());
        }
        return Json(new JsonObject { ["info"] = items });
    }

    public async Task<IResult> CreateAsync(HttpContext context)
    {
        var (body, login) = await AuthenticateAsync(context);
        var info = body["info"] as JsonObject ?? throw UcBody.Error("Не передан объект info");
        UcInfoValidator.Validate(info);
        lock (store.Gate)
        {
            var request = store.Create(login);
            Apply(request, info);
            return Json(new JsonObject { ["requestId"] = request.Id });
        }
    }

    public async Task<IResult> ChangeAsync(HttpContext context)
    {
        var (body, login) = await AuthenticateAsync(context);
        var id = RequestId(body, UcBody.Error);
        var archived = UcBody.Bool(body["requestArchived"], "requestArchived", UcBody.Error);
        var info = body["info"] as JsonObject;
        if (info is null && archived is null) throw UcBody.Error("Не передан объект info (или requestArchived для переноса в архив)");
        if (info is not null) UcInfoValidator.Validate(info);
        lock (store.Gate)
        {
            var request = store.Find(login, id) ?? throw UcBody.Error($"Заявка {id} не найдена или недостаточно прав");
            if (request.Status == UcStatuses.SystemProcessing) throw UcBody.Error(InProcessing(id));
            if (info is not null)
            {
                if (request.Status is UcStatuses.Ready or UcStatuses.Refused)
                    throw UcBody.Error($"Заявка {id} в статусе {UcStatuses.Describe(request.Status)}: изменение сведений невозможно");
                Apply(request, info);
                var now = store.Clock.Now;
                request.ChecksLaunched = now;
                store.StartProcessing(request, request.Status, now);
            }
            if (archived is { } value) request.Archived = value;
        }
        return Results.Ok();
    }

    public async Task<IResult> ViewAsync(HttpContext context)
    {
        var (body, login) = await AuthenticateAsync(context);
        var id = RequestId(body, UcBody.BadRequest);
        lock (store.Gate)
        {
            var request = store.Find(login, id)
                ?? throw UcBody.Status(StatusCodes.Status403Forbidden, $"Заявка {id} не найдена или недостаточно прав для получения информации");
            return Json(UcViews.View(request, store));
        }
    }

    public async Task<IResult> StatusAsync(HttpContext context)
    {
        var (body, login) = await AuthenticateAsync(context);
        if (body["requests"] is not JsonArray ids) throw UcBody.BadRequest("Ошибка входных данных: не передан массив requests");
        var parsed = ids.Select(n => UcBody.Long(n, "requests", UcBody.BadRequest) ?? throw UcBody.BadRequest("Ошибка входных данных: requests содержит null")).ToList();
        lock (store.Gate)
        {
            return Json(new JsonArray(parsed.Select(id => (JsonNode)new JsonObject
            {
                ["requestId"] = id,
                ["statusId"] = store.Find(login, id)?.Status ?? UcStatuses.NoData,
            }).ToArray()));
        }
    }

    public async Task<IResult> ProductsAsync(HttpContext context)
    {
        await AuthenticateAsync(context);
        return Json(UcProducts.Json());
    }

    public async Task<IResult> FindAsync(HttpContext context)
    {
        var (body, _) = await AuthenticateAsync(context);
        if (body["findCertParams"] is not JsonObject p) throw UcBody.BadRequest("Не передан объект findCertParams");
        var snils = UcInfoValidator.Text(p, "snils");
        var inn = UcInfoValidator.Text(p, "inn");
        var ogrn = UcInfoValidator.Text(p, "ogrn");
        var ogrnip = UcInfoValidator.Text(p, "ogrnip");
        var serial = UcInfoValidator.Text(p, "serialNumber");
        if (snils is null && inn is null && ogrn is null && ogrnip is null && serial is null)
            throw UcBody.BadRequest("Переданы неверные входные данные: укажите хотя бы одно из полей snils, inn, ogrn, ogrnip, serialNumber");
        if (snils is not null && !UcChecksums.Digits(snils, 11)) throw UcBody.BadRequest($"snils: \"{snils}\" должен состоять из 11 цифр без пробелов и дефисов");
        if (inn is not null && !UcChecksums.Digits(inn, 12))
            throw UcBody.BadRequest($"inn: \"{inn}\" должен состоять из 12 цифр (ИНН ЮЛ дополняется двумя нулями в начале, например 001234567890)");
        if (ogrn is not null && !UcChecksums.Digits(ogrn, 13)) throw UcBody.BadRequest($"ogrn: \"{ogrn}\" должен состоять из 13 цифр");
        if (ogrnip is not null && !UcChecksums.Digits(ogrnip, 15)) throw UcBody.BadRequest($"ogrnip: \"{ogrnip}\" должен состоять из 15 цифр");
        if (serial is not null && (serial.Length % 2 != 0 || !serial.All(c => char.IsAsciiDigit(c) || c is >= 'A' and <= 'F')))
            throw UcBody.BadRequest($"serialNumber: \"{serial}\" должен быть HEX-строкой с чётным количеством знаков в верхнем регистре");
        var offset = UcBody.Long(p["offset"], "offset", UcBody.BadRequest) ?? 0;
        var count = UcBody.Long(p["count"], "count", UcBody.BadRequest);
        if (offset < 0) throw UcBody.BadRequest("offset: должен быть неотрицательным");
        if (count is < 0) throw UcBody.BadRequest("count: должен быть неотрицательным");
        var found = UcFnsRegistry.Find(snils, inn, ogrn, ogrnip, serial).Skip((int)Math.Min(offset, int.MaxValue));
        if (count is { } take) found = found.Take((int)Math.Min(take, int.MaxValue));
        return Json(new JsonArray(found.Select(c => (JsonNode)UcFnsRegistry.Json(c)).ToArray()));
    }

    private static void Apply(UcRequest request, JsonObject info)
    {
        request.Info = UcBody.Copy(info);
        request.Type = (int)UcBody.Long(info["type"], "type", UcBody.Error)!.Value;
        request.IdentificationKind = (int)(UcBody.Long(info["identificationKind"], "identificationKind", UcBody.Error) ?? 0);
    }

    public static IResult Json(JsonNode node) =>
        Results.Text(node.ToJsonString(SandboxJson.Options), "application/json; charset=utf-8");
}
