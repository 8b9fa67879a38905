using System.Text.Json.Nodes;
using GosApi.Sandbox.FnsMobileSign.Domain;

namespace GosApi.Sandbox.FnsMobileSign.Http;

/// <summary>POST workflow and POST workflow/fns: validation as the spec's tables say, external_id idempotency, then a new workflow.</summary>
internal sealed class FnsWorkflowCreator(FnsWorkflowEngine engine, FnsIds ids)
{
    public const string Blocked = "Данный клиент заблокирован. Выполнение операции невозможно";

    public async Task<IResult> CreateAsync(HttpContext context)
    {
        var caller = FnsCaller.Of(context);
        var body = await FnsBody.ReadAsync(context.Request);
        var (scenario, externalId, callback) = Common(body, simplified: false);
        var account = caller.Account;
        lock (account.Gate)
        {
            engine.Advance(account);
            if (Existing(account, externalId) is { } existing) return FnsResults.Ok(FnsViews.Created(existing));
            var errors = new FnsFieldErrors();
            var workflow = scenario.Type == FnsWorkflowType.Identification
                ? Registration(account, body, errors, scenario, externalId, callback)
                : ForConsumer(account, body, errors, scenario, externalId, callback);
            return Start(account, workflow);
        }
    }

    public async Task<IResult> CreateSimplifiedAsync(HttpContext context)
    {
        var caller = FnsCaller.Of(context);
        var body = await FnsBody.ReadAsync(context.Request);
        var (scenario, externalId, callback) = Common(body, simplified: true);
        var account = caller.Account;
        lock (account.Gate)
        {
            engine.Advance(account);
            if (Existing(account, externalId) is { } existing) return FnsResults.Ok(FnsViews.Created(existing));
            var errors = new FnsFieldErrors();
            var inn = errors.Check("inn", errors.RequiredText(body, "inn"), v => FnsFormats.PersonInn(v) || FnsFormats.LegalEntityInn(v), FnsBlockValidator.BadInn);
            var phone = errors.Check("phone", errors.RequiredText(body, "phone"), FnsFormats.Phone, FnsBlockValidator.BadPhone);
            var signing = SigningFields(body, errors);
            errors.ThrowIfAny();
            var consumer = account.Consumers.Values
                .Where(c => c.Inn == inn && c.Phone == phone && !c.IsBlocked && c.SignCertificates.Any())
                .OrderByDescending(c => c.Created).FirstOrDefault()
                ?? throw new FnsException(StatusCodes.Status400BadRequest, new JsonObject { ["non_field_errors"] = "Клиент с такими данными не найден" });
            var certificate = ChooseCertificate(consumer, signing.LegalEntity, scenario);
            return Start(account, NewSigning(consumer, scenario, externalId, callback, signing, certificate));
        }
    }

    private static (FnsScenario Scenario, string? ExternalId, string? Callback) Common(JsonObject body, bool simplified)
    {
        var errors = new FnsFieldErrors();
        var text = errors.RequiredText(body, "scenario");
        FnsScenario? scenario = null;
        if (text is not null)
        {
            if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
                errors.Add("scenario", "Введите правильное число.");
            else if (!FnsScenarios.All.TryGetValue(number, out scenario) || (simplified && scenario.Type != FnsWorkflowType.DocumentSigning))
            {
                scenario = null;
                errors.Add("scenario", $"Недопустимый первичный ключ \"{text}\" - объект не существует.");
            }
        }
        var externalId = errors.Check("external_id", FnsFieldErrors.OptionalText(body, "external_id"), FnsFormats.Uuid, "Введите правильный UUID.");
        var callback = errors.Check("callback", FnsFieldErrors.OptionalText(body, "callback"), FnsFormats.HttpUrl, "Введите правильный URL.");
        errors.ThrowIfAny();
        return (scenario!, externalId is null ? null : Guid.Parse(externalId).ToString(), callback);
    }

    private static FnsWorkflow? Existing(FnsAccount account, string? externalId) =>
        externalId is not null && account.ExternalIds.TryGetValue(externalId, out var id) ? account.Workflows[id] : null;

    private IResult Start(FnsAccount account, FnsWorkflow workflow)
    {
        var now = workflow.Created;
        foreach (var blank in account.Workflows.Values.Where(w => w.Type == FnsWorkflowType.Blank && w.Consumer == workflow.Consumer
                                                                  && w.State == FnsStates.Active && !w.Removed).ToList())
            engine.Enter(account, blank, FnsStates.Complete, now);
        account.Workflows[workflow.Id] = workflow;
        account.ExternalIds[workflow.ExternalId] = workflow.Id;
        foreach (var document in workflow.Documents) account.Documents[document.Id] = document;
        foreach (var scan in workflow.Scans) account.Scans[scan.Id] = scan;
        workflow.History.Add((FnsStates.Start, now));
        engine.Advance(account);
        return FnsResults.Ok(FnsViews.Created(workflow), StatusCodes.Status201Created);
    }

    private FnsWorkflow Registration(FnsAccount account, JsonObject body, FnsFieldErrors errors, FnsScenario scenario, string? externalId, string? callback)
    {
        JsonObject? data = null;
        if (body["consumer"] is null) errors.Add("consumer", FnsFieldErrors.Required);
        else if (body["consumer"] is not JsonObject block) errors.Add("consumer", FnsBlockValidator.NotObject);
        else
        {
            var nested = new FnsFieldErrors();
            data = FnsBlockValidator.Consumer(block, nested);
            errors.Nest("consumer", nested);
        }
        var entrepreneur = FnsBlockValidator.OptionalBlock(body, "entrepreneur", errors, FnsBlockValidator.Entrepreneur);
        var legalEntity = FnsBlockValidator.OptionalBlock(body, "legal_entity", errors, FnsBlockValidator.LegalEntity);
        errors.ThrowIfAny();

        var now = engine.Now;
        var consumer = new FnsConsumer(Guid.NewGuid().ToString(), data!, now)
        {
            Entrepreneur = entrepreneur,
            FailedCheck = FnsSmevChecks.FailedCheck(data!["last_name"]!.GetValue<string>()),
        };
        if (legalEntity is not null) consumer.LegalEntities.Add(legalEntity);
        account.Consumers[consumer.Id] = consumer;
        var workflow = new FnsWorkflow(ids.Workflow(), scenario, consumer, now)
        {
            Callback = callback,
            ExternalId = externalId ?? Guid.NewGuid().ToString(),
            CreatedConsumer = true,
            Entrepreneur = entrepreneur,
            LegalEntity = legalEntity,
        };
        workflow.Scans.Add(new FnsScan(ids.Confirmation(), workflow.Id, "confirmation-document", "Скан паспорта", "internal-passport", true, now));
        return workflow;
    }

    private FnsWorkflow ForConsumer(FnsAccount account, JsonObject body, FnsFieldErrors errors, FnsScenario scenario, string? externalId, string? callback)
    {
        var consumerId = errors.RequiredText(body, "consumer");
        var consumer = consumerId is null ? null : account.Consumers.GetValueOrDefault(consumerId);
        if (consumerId is not null && consumer is null) errors.Add("consumer", $"Клиент с идентификатором {consumerId} не найден");
        var type = scenario.Type;
        JsonObject? entrepreneur = null, legalEntity = null, activity = null;
        SigningRequest? signing = null;
        List<(string Title, byte[] Content)>? files = null;
        switch (type)
        {
            case FnsWorkflowType.CertificateIssuing or FnsWorkflowType.CertificateReissuing or FnsWorkflowType.TlsCertificateReissuing:
                entrepreneur = FnsBlockValidator.OptionalBlock(body, "entrepreneur", errors, FnsBlockValidator.Entrepreneur);
                legalEntity = FnsBlockValidator.OptionalBlock(body, "legal_entity", errors, FnsBlockValidator.LegalEntity);
                break;
            case FnsWorkflowType.DocumentSigning:
                signing = SigningFields(body, errors);
                if (scenario.ForLegalEntity && signing.LegalEntity is null && body["legal_entity"] is null) errors.Add("legal_entity", FnsFieldErrors.Required);
                break;
            case FnsWorkflowType.FileDecryption:
                files = FnsDocumentsValidator.Validate(body, errors);
                break;
            case FnsWorkflowType.ExternalActivity:
                activity = ExternalActivity(body, errors);
                break;
        }
        errors.ThrowIfAny();
        if (consumer!.IsBlocked) throw FnsException.Field("consumer", Blocked);
        if (type is FnsWorkflowType.CertificateIssuing or FnsWorkflowType.CertificateReissuing or FnsWorkflowType.TlsCertificateReissuing
            && consumer.State != "identified")
            throw FnsException.Field("consumer", "Клиент не прошёл идентификацию. Выполнение операции невозможно");

        var now = engine.Now;
        if (signing is not null)
            return NewSigning(consumer, scenario, externalId, callback, signing, ChooseCertificate(consumer, signing.LegalEntity, scenario));
        if (legalEntity is not null && !consumer.LegalEntities.Any(l => l["inn"]?.ToString() == legalEntity["inn"]?.ToString()))
            consumer.LegalEntities.Add(legalEntity);
        if (entrepreneur is not null) consumer.Entrepreneur ??= entrepreneur;
        var workflow = new FnsWorkflow(ids.Workflow(), scenario, consumer, now)
        {
            Callback = callback,
            ExternalId = externalId ?? Guid.NewGuid().ToString(),
            Entrepreneur = entrepreneur,
            LegalEntity = legalEntity,
            ExternalActivity = activity,
            Data = body["data"]?.DeepClone(),
        };
        if (activity is not null) workflow.Title = "WebView " + activity["id"];
        foreach (var (title, content) in files ?? [])
            workflow.Documents.Add(new FnsDocument(ids.Document(), title, content, now) { Encrypted = true });
        return workflow;
    }

    private sealed record SigningRequest(List<(string Title, byte[] Content)> Files, JsonObject? LegalEntity, string? Backref, JsonNode? Data);

    private static SigningRequest SigningFields(JsonObject body, FnsFieldErrors errors)
    {
        var files = FnsDocumentsValidator.Validate(body, errors);
        var legalEntity = FnsBlockValidator.OptionalBlock(body, "legal_entity", errors, FnsBlockValidator.SigningLegalEntity);
        var backref = FnsFieldErrors.OptionalText(body, "backref");
        if (body["data"] is { } data && data is not JsonObject) errors.Add("data", FnsBlockValidator.NotObject);
        return new SigningRequest(files, legalEntity, backref, body["data"]?.DeepClone());
    }

    /// <summary>The consumer's confirmed sign certificate for the request: of the named legal entity, or the only/newest one.</summary>
    private static FnsCertificate ChooseCertificate(FnsConsumer consumer, JsonObject? legalEntity, FnsScenario scenario)
    {
        var certificates = consumer.SignCertificates.ToList();
        if (certificates.Count == 0)
            throw FnsException.Field("consumer", "У клиента нет действующего сертификата подписи. Выполнение операции невозможно");
        if (legalEntity?["inn"]?.ToString() is { } inn)
            return certificates.FirstOrDefault(c => c.LegalEntityInn == inn)
                ?? throw new FnsException(StatusCodes.Status400BadRequest, new JsonObject
                {
                    ["legal_entity"] = new JsonObject { ["inn"] = new JsonArray($"Сертификат подписи юридического лица с ИНН {inn} у клиента не найден") },
                });
        if (certificates.Count(c => c.LegalEntityInn is not null) >= 2 && certificates.All(c => c.LegalEntityInn is not null))
            throw FnsException.Field("legal_entity", "У клиента несколько подписей юридических лиц: укажите legal_entity.inn");
        return certificates.FirstOrDefault(c => c.LegalEntityInn is null) ?? certificates[0];
    }

    private FnsWorkflow NewSigning(FnsConsumer consumer, FnsScenario scenario, string? externalId, string? callback, SigningRequest signing, FnsCertificate certificate)
    {
        var now = engine.Now;
        var workflow = new FnsWorkflow(ids.Workflow(), scenario, consumer, now)
        {
            Callback = callback,
            ExternalId = externalId ?? Guid.NewGuid().ToString(),
            Backref = signing.Backref,
            Data = signing.Data,
            LegalEntity = signing.LegalEntity,
            Certificate = certificate,
        };
        if (certificate.LegalEntityInn is not null) workflow.Title = "Подпишите документы для юридического лица";
        else if (consumer.Entrepreneur is not null) workflow.Title = "Подпишите документы для индивидуального предпринимателя";
        foreach (var (title, content) in signing.Files)
            workflow.Documents.Add(new FnsDocument(ids.Document(), title, content, now));
        return workflow;
    }

    private JsonObject? ExternalActivity(JsonObject body, FnsFieldErrors errors) =>
        FnsBlockValidator.OptionalBlock(body, "external_activity", errors, (block, e) =>
        {
            var url = e.Check("url", e.RequiredText(block, "url"), FnsFormats.HttpUrl, "Введите правильный URL.");
            var headers = block["headers"];
            if (headers is not null && (headers is not JsonObject h || h.Any(p => p.Value is not JsonValue)))
                e.Add("headers", "Заголовки передаются объектом \"имя\": \"значение\".");
            return new JsonObject { ["id"] = ids.Document() % 100_000, ["url"] = url, ["headers"] = headers?.DeepClone() ?? new JsonObject() };
        }) ?? Missing(errors, "external_activity");

    private static JsonObject? Missing(FnsFieldErrors errors, string field)
    {
        errors.Add(field, FnsFieldErrors.Required);
        return null;
    }
}
