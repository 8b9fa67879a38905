using System.Text.Json.Nodes;
using System.Xml;
using GosApi.Sandbox.FnsMobileSign.Crypto;
using GosApi.Sandbox.FnsMobileSign.Domain;

namespace GosApi.Sandbox.FnsMobileSign.Http;

/// <summary>Consumer search, push notifications, agents, certificate revocation and signature merging.</summary>
internal sealed class FnsAccountEndpoints(FnsWorkflowEngine engine, FnsPartnerRegistry registry, FnsIds ids)
{
    private static readonly string[] KnownPermissions = ["create_new_agent", "consumer_identify"];

    public async Task<IResult> ConsumerSearchAsync(HttpContext context)
    {
        var caller = FnsCaller.Of(context);
        var body = await FnsBody.ReadAsync(context.Request);
        var errors = new FnsFieldErrors();
        var last = errors.RequiredText(body, "last_name");
        var first = errors.RequiredText(body, "first_name");
        var middle = FnsFieldErrors.OptionalText(body, "middle_name");
        var phone = errors.Check("phone", errors.RequiredText(body, "phone"), FnsFormats.Phone, FnsBlockValidator.BadPhone);
        var birthed = errors.Check("birthed", FnsFieldErrors.OptionalText(body, "birthed"), FnsFormats.Date, FnsBlockValidator.BadDate);
        var snils = errors.Check("snils", FnsFieldErrors.OptionalText(body, "snils"), FnsFormats.Snils, FnsBlockValidator.BadSnils);
        var inn = errors.Check("inn", FnsFieldErrors.OptionalText(body, "inn"), FnsFormats.PersonInn, FnsBlockValidator.BadInn);
        errors.ThrowIfAny();
        lock (caller.Account.Gate)
        {
            engine.Advance(caller.Account);
            static bool Same(string a, string? b) => b is null || string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
            var found = caller.Account.Consumers.Values
                .Where(c => Same(c.Text("last_name"), last) && Same(c.Text("first_name"), first) && Same(c.Text("middle_name"), middle)
                            && c.Phone == phone && Same(c.Text("birthed"), birthed) && Same(c.Snils, snils) && Same(c.Inn, inn))
                .OrderByDescending(c => c.Created)
                .Select(c => (JsonNode)FnsViews.ConsumerWithCertificates(c)).ToArray();
            return FnsResults.Ok(new JsonArray(found));
        }
    }

    public async Task<IResult> PushAsync(string consumerId, HttpContext context)
    {
        var caller = FnsCaller.Of(context);
        var body = await FnsBody.ReadAsync(context.Request);
        lock (caller.Account.Gate)
        {
            if (!caller.Account.Consumers.TryGetValue(consumerId, out var consumer))
                throw FnsException.Field("consumer", $"Клиент с идентификатором {consumerId} не найден");
            var errors = new FnsFieldErrors();
            var title = errors.RequiredText(body, "title");
            var message = errors.RequiredText(body, "message");
            if (FnsFieldErrors.OptionalText(body, "workflow_id") is { } text)
            {
                var id = FnsBody.Long(body["workflow_id"]);
                if (id is null) errors.Add("workflow_id", "Введите правильное число.");
                else if (caller.Account.Workflow(id.Value) is not { } w || w.Consumer != consumer)
                    errors.Add("workflow_id", $"Недопустимый первичный ключ \"{text}\" - объект не существует.");
            }
            errors.ThrowIfAny();
            if (consumer.IsBlocked) throw FnsException.Field("consumer", FnsWorkflowCreator.Blocked);
            caller.Account.PushNotifications.Add(new JsonObject
            {
                ["consumer"] = consumerId, ["title"] = title, ["message"] = message, ["workflow_id"] = FnsBody.Long(body["workflow_id"]),
            });
            return FnsResults.Ok(new JsonObject());
        }
    }

    public async Task<IResult> CreateAgentAsync(HttpContext context)
    {
        var caller = FnsCaller.Of(context);
        RequireAgentAdmin(caller);
        var body = await FnsBody.ReadAsync(context.Request);
        var agent = new FnsAgent(0);
        var errors = new FnsFieldErrors();
        Apply(agent, body, errors, partial: false);
        lock (caller.Account.Gate)
        {
            CheckUnique(caller.Account, agent, body, errors, null);
            errors.ThrowIfAny();
            var created = Copy(agent, ids.Agent());
            caller.Account.Agents[created.Id] = created;
            created.Token = registry.IssueToken(new FnsCaller(caller.Account, created));
            return FnsResults.Ok(created.View(), StatusCodes.Status201Created);
        }
    }

    public async Task<IResult> ChangeAgentAsync(long id, HttpContext context)
    {
        var caller = FnsCaller.Of(context);
        RequireAgentAdmin(caller);
        var body = await FnsBody.ReadAsync(context.Request);
        lock (caller.Account.Gate)
        {
            if (!caller.Account.Agents.TryGetValue(id, out var agent)) throw FnsException.NotFound("Учетная запись не найдена");
            var changed = Copy(agent, agent.Id);
            var errors = new FnsFieldErrors();
            Apply(changed, body, errors, partial: true);
            if (body["is_active"] is { } active)
            {
                if (active is JsonValue v && v.TryGetValue<bool>(out var flag)) changed.IsActive = flag;
                else errors.Add("is_active", "Должно быть булево значение.");
            }
            CheckUnique(caller.Account, changed, body, errors, agent);
            errors.ThrowIfAny();
            caller.Account.Agents[id] = changed;
            return FnsResults.Ok(changed.View());
        }
    }

    public IResult ListAgents(HttpContext context)
    {
        var caller = FnsCaller.Of(context);
        var page = FnsReadEndpoints.Page(context.Request.Query["page"].ToString());
        lock (caller.Account.Gate)
            return FnsResults.Ok(FnsReadEndpoints.Paged(context, caller.Account.Agents.Values.Select(a => a.ListView()).ToList(), page));
    }

    private static void RequireAgentAdmin(FnsCaller caller)
    {
        if (caller.Agent is { } agent && !agent.Permissions.Contains("create_new_agent"))
            throw FnsException.Forbidden("У вас недостаточно прав для выполнения данного действия.");
    }

    private static void Apply(FnsAgent agent, JsonObject body, FnsFieldErrors errors, bool partial)
    {
        string? Text(string field) => partial && body[field] is null ? null : errors.RequiredText(body, field);
        if (Text("username") is { } username) agent.Username = username;
        if (partial && body["password"] is null) { }
        else if (FnsBody.Text(body["password"]) is { Length: > 0 } password) agent.Password = password;
        else errors.Add("password", FnsFieldErrors.Required);
        if (Text("last_name") is { } last) agent.LastName = last;
        if (Text("first_name") is { } first) agent.FirstName = first;
        if (Text("middle_name") is { } middle) agent.MiddleName = middle;
        if (FnsFieldErrors.OptionalText(body, "email") is { } email) agent.Email = email;
        if (errors.Check("phone", Text("phone"), FnsFormats.Phone, FnsBlockValidator.BadPhone) is { } phone) agent.Phone = phone;
        if (Text("unstructured_identity") is { } identity) agent.UnstructuredIdentity = identity;
        if (errors.Check("snils", Text("snils"), FnsFormats.Snils, FnsBlockValidator.BadSnils) is { } snils) agent.Snils = snils;
        if (Text("position") is { } position) agent.Position = position;
        if (Text("company") is { } company)
        {
            if (FnsBody.Long(body["company"]) is { } value) agent.Company = value;
            else errors.Add("company", "Введите правильное число.");
        }
        if (!partial || body["permissions"] is not null)
        {
            if (body["permissions"] is not JsonArray permissions || permissions.Count == 0)
                errors.Add("permissions", body["permissions"] is null ? FnsFieldErrors.Required : FnsBlockValidator.EmptyList);
            else
            {
                var values = permissions.Select(FnsBody.Text).ToList();
                foreach (var bad in values.Where(v => v is null || !KnownPermissions.Contains(v)))
                    errors.Add("permissions", $"Значения {bad} нет среди допустимых вариантов.");
                agent.Permissions = values.OfType<string>().Distinct().ToList();
            }
        }
        if (!partial || body["identification_points"] is not null)
        {
            if (body["identification_points"] is not JsonArray points || points.Count == 0)
                errors.Add("identification_points", body["identification_points"] is null ? FnsFieldErrors.Required : FnsBlockValidator.EmptyList);
            else if (points.Any(p => FnsBody.Long(p) is null))
                errors.Add("identification_points", "Введите правильное число.");
            else agent.IdentificationPoints = points.Select(p => FnsBody.Long(p)!.Value).Distinct().ToList();
        }
    }

    private void CheckUnique(FnsAccount account, FnsAgent agent, JsonObject body, FnsFieldErrors errors, FnsAgent? previous)
    {
        if (agent.Username.Length > 0 && agent.Username != previous?.Username && registry.UsernameTaken(agent.Username))
            errors.Add("username", "Пользователь с таким именем уже существует.");
        if (agent.IsActive && agent.Snils.Length > 0 && account.Agents.Values.Any(a => a.Id != agent.Id && a.IsActive && a.Snils == agent.Snils))
            errors.Add("snils", "Активная учетная запись с таким СНИЛС уже существует.");
    }

    private static FnsAgent Copy(FnsAgent source, long id) => new(id)
    {
        Username = source.Username, Password = source.Password, LastName = source.LastName, FirstName = source.FirstName,
        MiddleName = source.MiddleName, Email = source.Email, Phone = source.Phone, UnstructuredIdentity = source.UnstructuredIdentity,
        Snils = source.Snils, Position = source.Position, Company = source.Company, Permissions = source.Permissions.ToList(),
        IdentificationPoints = source.IdentificationPoints.ToList(), IsActive = source.IsActive, Token = source.Token,
    };

    public async Task<IResult> RevokeAsync(HttpContext context)
    {
        var caller = FnsCaller.Of(context);
        var body = await FnsBody.ReadAsync(context.Request);
        var errors = new FnsFieldErrors();
        var text = errors.RequiredText(body, "base64_encoded_xml_file");
        errors.ThrowIfAny();
        var xml = FnsFormats.Base64(text!) ?? throw FnsException.Field("base64_encoded_xml_file", "Файл должен быть закодирован в base64.");
        try
        {
            var document = new XmlDocument { XmlResolver = null };
            using var stream = new MemoryStream(xml);
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
            document.Load(reader);
        }
        catch (XmlException ex)
        {
            throw FnsException.Field("base64_encoded_xml_file", "Файл не является корректным XML: " + ex.Message);
        }
        lock (caller.Account.Gate) caller.Account.RevocationRequests.Add(xml);
        return FnsResults.Ok(new JsonObject { ["status"] = "accepted" });
    }

    public async Task<IResult> MergeAsync(HttpContext context)
    {
        var caller = FnsCaller.Of(context);
        var body = await FnsBody.ReadAsync(context.Request);
        if (body["signatures"] is not JsonArray list || list.Count == 0)
            throw FnsException.Field("signatures", body["signatures"] is null ? FnsFieldErrors.Required : body["signatures"] is JsonArray ? FnsBlockValidator.EmptyList : FnsBlockValidator.NotList);
        var inputs = new List<byte[]>();
        var items = new List<FnsFieldErrors>();
        lock (caller.Account.Gate)
        {
            engine.Advance(caller.Account);
            foreach (var node in list)
            {
                var e = new FnsFieldErrors();
                items.Add(e);
                if (node is not JsonObject item) { e.Add("non_field_errors", FnsBlockValidator.NotObject); continue; }
                if (FnsFieldErrors.OptionalText(item, "base64_file") is { } file)
                {
                    if (FnsFormats.Base64(file) is { } der) inputs.Add(der);
                    else e.Add("base64_file", "Файл должен быть закодирован в base64.");
                }
                else if (FnsFieldErrors.OptionalText(item, "url") is { } url)
                {
                    if (Signature(caller.Account, url) is { } der) inputs.Add(der);
                    else e.Add("url", "Подпись по ссылке не найдена");
                }
                else e.Add("non_field_errors", "Укажите base64_file или url.");
            }
        }
        var errors = new FnsFieldErrors();
        errors.NestList("signatures", items);
        errors.ThrowIfAny();
        try
        {
            return FnsResults.Ok(new JsonObject { ["result"] = Convert.ToBase64String(FnsSignatureMerger.Merge(inputs)) });
        }
        catch (ArgumentException ex)
        {
            throw FnsException.Field("signatures", ex.Message);
        }
    }

    /// <summary>/api/rb/document/{id}/signature/{name}.p7s (relative or absolute) of this partner.</summary>
    private static byte[]? Signature(FnsAccount account, string url)
    {
        var path = Uri.TryCreate(url, UriKind.Absolute, out var absolute) ? absolute.AbsolutePath : url.Split('?')[0];
        var parts = path.Trim('/').Split('/');
        if (parts is not ["api", "rb", "document", var id, "signature", var name] || !long.TryParse(id, out var documentId)) return null;
        return account.Documents.TryGetValue(documentId, out var document) && document.Signature is not null
               && string.Equals(name, document.SignatureName + ".p7s", StringComparison.OrdinalIgnoreCase)
            ? document.Signature : null;
    }
}
