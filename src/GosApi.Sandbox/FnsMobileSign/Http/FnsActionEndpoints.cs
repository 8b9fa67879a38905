using System.Text.Json.Nodes;
using GosApi.Sandbox.FnsMobileSign.Domain;

namespace GosApi.Sandbox.FnsMobileSign.Http;

/// <summary>Identification search, state changes, scans, certificate upload and files, workflow removal.</summary>
internal sealed class FnsActionEndpoints(FnsWorkflowEngine engine, FnsReadEndpoints reads)
{
    public async Task<IResult> IdentificationSearchAsync(HttpContext context)
    {
        var caller = FnsCaller.Of(context);
        var body = await FnsBody.ReadAsync(context.Request);
        var errors = new FnsFieldErrors();
        string? phone = null, snils = null;
        var passports = new List<(string Series, string Number)>();
        if (body["consumer"] is not JsonObject consumer) errors.Add("consumer", body["consumer"] is null ? FnsFieldErrors.Required : FnsBlockValidator.NotObject);
        else
        {
            var nested = new FnsFieldErrors();
            phone = nested.Check("phone", nested.RequiredText(consumer, "phone"), FnsFormats.Phone, FnsBlockValidator.BadPhone);
            snils = nested.Check("snils", FnsFieldErrors.OptionalText(consumer, "snils"), FnsFormats.Snils, FnsBlockValidator.BadSnils);
            if (consumer["identities"] is JsonArray identities)
                foreach (var identity in identities.OfType<JsonObject>())
                    passports.Add((FnsBody.Text(identity["series"]) ?? "", FnsBody.Text(identity["number"]) ?? ""));
            if (snils is null && passports.Count == 0 && !nested.Any) nested.Add("identities", FnsFieldErrors.Required);
            errors.Nest("consumer", nested);
        }
        errors.ThrowIfAny();
        lock (caller.Account.Gate)
        {
            engine.Advance(caller.Account);
            var workflow = caller.Account.Workflows.Values
                .Where(w => !w.Removed && w.Type == FnsWorkflowType.Identification && w.Consumer.Phone == phone
                            && (snils is not null ? w.Consumer.Snils == snils : Passports(w.Consumer).Any(passports.Contains)))
                .OrderByDescending(w => w.Id).FirstOrDefault()
                ?? throw FnsException.NonField("Поток работ не найден");
            var c = workflow.Consumer;
            var view = new JsonObject
            {
                ["id"] = workflow.Id,
                ["state"] = workflow.State,
                ["children"] = new JsonArray(caller.Account.Workflows.Values.Where(w => w.ParentId == workflow.Id).Select(w => (JsonNode)w.Id).ToArray()),
                ["created"] = FnsJson.Time(workflow.Created),
                ["updated"] = FnsJson.Time(workflow.Updated),
                ["consumer"] = new JsonObject
                {
                    ["id"] = c.Id, ["last_name"] = c.Text("last_name"), ["first_name"] = c.Text("first_name"), ["middle_name"] = c.Text("middle_name"),
                    ["birthed"] = c.Text("birthed"), ["snils"] = c.Snils, ["phone"] = c.Phone, ["identities"] = c.Data["identities"]?.DeepClone(),
                },
            };
            return FnsResults.Ok(view);
        }
    }

    private static IEnumerable<(string, string)> Passports(FnsConsumer consumer) =>
        (consumer.Data["identities"] as JsonArray ?? new JsonArray()).OfType<JsonObject>()
            .Select(i => (i["series"]?.ToString() ?? "", i["number"]?.ToString() ?? ""));

    public async Task<IResult> ChangeStateAsync(long id, HttpContext context)
    {
        var caller = FnsCaller.Of(context);
        var body = await FnsBody.ReadAsync(context.Request);
        var errors = new FnsFieldErrors();
        var state = errors.RequiredText(body, "state");
        if (state is not null and not ("identify" or "scan_confirm_received" or "complete_external_activity"))
            errors.Add("state", $"Значения {state} нет среди допустимых вариантов.");
        errors.ThrowIfAny();
        return reads.WithWorkflow(context, id, (account, workflow) =>
        {
            switch (state)
            {
                case "identify":
                    Identify(caller, workflow, body);
                    engine.Enter(account, workflow, FnsStates.CertificateIssue, engine.Now);
                    break;
                case "scan_confirm_received":
                    if (workflow.Type is not (FnsWorkflowType.CertificateIssuing or FnsWorkflowType.CertificateReissuing) || workflow.State != FnsStates.WaitScanUpload)
                        throw FnsException.Field("state", $"Поток работ в статусе {workflow.State} не ожидает подтверждения выпуска сертификата");
                    if (workflow.Scans.Any(s => !s.Received))
                        throw FnsException.Field("state", "Загружены не все сканы документов");
                    workflow.ScanConfirmed = true;
                    engine.Enter(account, workflow, FnsStates.Complete, engine.Now);
                    break;
                default:
                    if (workflow.Type != FnsWorkflowType.ExternalActivity || workflow.State != FnsStates.ProcessingExternalActivity)
                        throw FnsException.Field("state", $"Поток работ в статусе {workflow.State} нельзя завершить как внешнюю активность");
                    engine.Enter(account, workflow, FnsStates.Complete, engine.Now);
                    break;
            }
            return FnsResults.Ok(FnsViews.StateChange(workflow));
        });
    }

    private static void Identify(FnsCaller caller, FnsWorkflow workflow, JsonObject body)
    {
        if (workflow.Type is not (FnsWorkflowType.Identification or FnsWorkflowType.TlsCertificateReissuing) || workflow.State != FnsStates.WaitConsumerIdentification)
            throw FnsException.Field("state", $"Поток работ в статусе {workflow.State} не ожидает идентификации клиента");
        var errors = new FnsFieldErrors();
        var point = FnsFieldErrors.OptionalText(body, "identification_point");
        long? pointId = point is null ? null : FnsBody.Long(body["identification_point"]);
        if (point is not null && pointId is null) errors.Add("identification_point", "Введите правильное число.");
        if (caller.Agent is { } agent)
        {
            if (pointId is null && point is null && agent.IdentificationPoints.Count > 1) errors.Add("identification_point", FnsFieldErrors.Required);
            if (pointId is { } p && !agent.IdentificationPoints.Contains(p))
                errors.Add("identification_point", $"Недопустимый первичный ключ \"{p}\" - объект не существует.");
            pointId ??= agent.IdentificationPoints.FirstOrDefault();
            workflow.Agent = new JsonObject
            {
                ["username"] = agent.Username, ["last_name"] = agent.LastName, ["first_name"] = agent.FirstName, ["middle_name"] = agent.MiddleName,
            };
        }
        else if (pointId is null)
        {
            workflow.IdpInfo = errors.RequiredText(body, "idp_info");
            workflow.AgentInfo = errors.RequiredText(body, "agent_info");
            workflow.AgentExternalData = FnsFieldErrors.OptionalText(body, "agent_external_data");
        }
        errors.ThrowIfAny();
        if (pointId is { } id)
            workflow.IdentificationPoint = new JsonObject { ["id"] = id, ["name"] = $"Пункт идентификации {id}", ["external_id"] = null };
    }

    public IResult Scans(long id, HttpContext context, string kind) => reads.WithWorkflow(context, id, (_, workflow) =>
    {
        var scans = new JsonArray(workflow.Scans.Where(s => s.Kind == kind).Select(s => (JsonNode)FnsViews.Scan(s)).ToArray());
        if (kind == "confirmation-document")
        {
            if (workflow.Type != FnsWorkflowType.Identification) throw FnsException.NonField("Поток работ не является идентификацией");
            return FnsResults.Ok(new JsonObject { ["confirmation_documents"] = scans });
        }
        if (workflow.Type is not (FnsWorkflowType.CertificateIssuing or FnsWorkflowType.CertificateReissuing))
            throw FnsException.NonField("Поток работ не является выпуском сертификата");
        return FnsResults.Ok(new JsonObject
        {
            ["scans"] = scans, ["id"] = workflow.Id, ["parent_id"] = workflow.ParentId, ["child_id"] = workflow.ChildId,
            ["consumer_id"] = workflow.Consumer.Id, ["consumer_role_type"] = workflow.ConsumerRoleType,
        });
    });

    public async Task<IResult> UploadScanAsync(long id, HttpContext context, string kind)
    {
        var caller = FnsCaller.Of(context);
        var body = await FnsBody.ReadAsync(context.Request);
        var errors = new FnsFieldErrors();
        var title = errors.RequiredText(body, "title");
        var path = errors.RequiredText(body, "path");
        var content = path is null ? null : FnsFormats.Base64(path);
        if (path is not null && content is null) errors.Add("path", "Файл должен быть закодирован в base64.");
        errors.ThrowIfAny();
        lock (caller.Account.Gate)
        {
            engine.Advance(caller.Account);
            var scan = Scan(caller.Account, id, kind);
            scan.Title = FnsFormats.SanitizeTitle(title!);
            scan.Content = content;
            scan.Updated = engine.Now;
            return FnsResults.Ok(FnsViews.Scan(scan));
        }
    }

    public IResult Template(long id, HttpContext context, string kind, bool text)
    {
        var caller = FnsCaller.Of(context);
        lock (caller.Account.Gate)
        {
            var scan = Scan(caller.Account, id, kind);
            var body = $"Бланк: {scan.DocumentTitle} (песочница GosApi)";
            return text ? Results.Text(body, "text/plain; charset=utf-8")
                : Results.File(System.Text.Encoding.UTF8.GetBytes("%PDF-1.4\n% " + body + "\n%%EOF\n"), "application/pdf", $"template-{id}.pdf");
        }
    }

    public IResult ScanFile(long id, HttpContext context, string kind)
    {
        var caller = FnsCaller.Of(context);
        lock (caller.Account.Gate)
        {
            var scan = Scan(caller.Account, id, kind);
            return scan.Content is null ? throw FnsException.NotFound() : Results.File(scan.Content, "application/octet-stream", scan.Title);
        }
    }

    private static FnsScan Scan(FnsAccount account, long id, string kind) =>
        account.Scans.TryGetValue(id, out var scan) && scan.Kind == kind && account.Workflow(scan.WorkflowId) is not null
            ? scan : throw FnsException.NotFound();

    public async Task<IResult> UploadCertificateAsync(long id, HttpContext context)
    {
        var body = await FnsBody.ReadAsync(context.Request);
        var errors = new FnsFieldErrors();
        var text = errors.RequiredText(body, "certificate");
        var der = text is null ? null : FnsFormats.Base64(text);
        if (text is not null && (der is null || !IsCertificate(der))) errors.Add("certificate", "Неправильный формат сертификата");
        errors.ThrowIfAny();
        return reads.WithWorkflow(context, id, (_, workflow) =>
        {
            if (workflow.Type is not (FnsWorkflowType.CertificateIssuing or FnsWorkflowType.CertificateReissuing or FnsWorkflowType.TlsCertificateReissuing or FnsWorkflowType.Identification)
                || FnsStates.IsFinal(workflow.State) || workflow.Certificate is null)
                throw FnsException.NonField($"Поток работ {workflow.Id} не ожидает сертификат");
            workflow.Certificate.Uploaded = der;
            return Results.NoContent();
        });
    }

    private static bool IsCertificate(byte[] der)
    {
        try { return new Org.BouncyCastle.X509.X509CertificateParser().ReadCertificate(der) is not null; }
        catch (Exception) { return false; }
    }

    public async Task<IResult> RemoveAsync(HttpContext context)
    {
        var caller = FnsCaller.Of(context);
        var body = await FnsBody.ReadAsync(context.Request);
        if (body["workflow_id_list"] is not JsonArray list)
            throw FnsException.Field("workflow_id_list", body["workflow_id_list"] is null ? FnsFieldErrors.Required : FnsBlockValidator.NotList);
        var ids = new List<long>();
        foreach (var item in list)
            ids.Add(FnsBody.Long(item) ?? throw FnsException.Field("workflow_id_list", "Введите правильное число."));
        lock (caller.Account.Gate)
        {
            engine.Advance(caller.Account);
            var success = new JsonArray();
            var error = new JsonArray();
            foreach (var id in ids)
            {
                var workflow = caller.Account.Workflow(id);
                if (workflow is null || (workflow.Type == FnsWorkflowType.DocumentSigning && workflow.State == FnsStates.Complete))
                {
                    error.Add(id);
                    continue;
                }
                workflow.Removed = true;
                success.Add(id);
            }
            return FnsResults.Ok(new JsonObject
            {
                ["workflow_id_list"] = new JsonArray(ids.Select(i => (JsonNode)i).ToArray()),
                ["success_id_list"] = success,
                ["error_id_list"] = error,
            });
        }
    }

    public IResult CertificateFile(long id, HttpContext context, bool request)
    {
        var caller = FnsCaller.Of(context);
        lock (caller.Account.Gate)
        {
            engine.Advance(caller.Account);
            if (!caller.Account.Certificates.TryGetValue(id, out var certificate)) throw FnsException.NotFound();
            if (request)
                return certificate.Request is null ? throw FnsException.NotFound() : Results.File(certificate.Request, "application/pkcs10", $"request-{id}.csr");
            return certificate.State != "issued" || certificate.Issued is null
                ? throw FnsException.NotFound()
                : Results.File(certificate.Issued.Certificate, "application/pkix-cert", $"certificate-{id}.cer");
        }
    }
}
