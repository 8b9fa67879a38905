using System.Text.Json.Nodes;
using GosApi.Sandbox.FnsMobileSign.Domain;

namespace GosApi.Sandbox.FnsMobileSign.Http;

/// <summary>GET workflow/{id}/full, workflow/{id}/document, the workflow list, and file downloads.</summary>
internal sealed class FnsReadEndpoints(FnsWorkflowEngine engine)
{
    public const int PageSize = 20;

    public IResult Full(long id, HttpContext context) => WithWorkflow(context, id, (account, workflow) =>
        FnsResults.Ok(FnsViews.Full(workflow, account.Workflows.Values.Where(w => w.ParentId == workflow.Id && !w.Removed).Select(w => w.Id))));

    public IResult Documents(long id, HttpContext context) => WithWorkflow(context, id, (_, workflow) =>
    {
        if (workflow.Type is not (FnsWorkflowType.DocumentSigning or FnsWorkflowType.FileDecryption))
            throw FnsException.NonField("Поток работ не является подписанием документов");
        var documents = workflow.Type == FnsWorkflowType.FileDecryption && workflow.DecryptedDocuments.Count > 0
            ? workflow.DecryptedDocuments : workflow.Documents;
        return FnsResults.Ok(new JsonObject { ["documents"] = FnsViews.Documents(documents) });
    });

    public IResult List(HttpContext context)
    {
        var caller = FnsCaller.Of(context);
        var query = context.Request.Query;
        var consumers = query["consumer"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        FnsWorkflowType? type = null;
        if (query["type"].ToString() is { Length: > 0 } typeText)
            type = FnsScenarios.Parse(typeText) ?? throw FnsException.Field("type", $"Значения {typeText} нет среди допустимых вариантов.");
        var page = Page(query["page"].ToString());
        lock (caller.Account.Gate)
        {
            engine.Advance(caller.Account);
            var all = caller.Account.Workflows.Values
                .Where(w => !w.Removed && (consumers.Length == 0 || consumers.Contains(w.Consumer.Id, StringComparer.OrdinalIgnoreCase))
                            && (type is null || w.Type == type))
                .OrderByDescending(w => w.Id).ToList();
            return FnsResults.Ok(Paged(context, all.Select(FnsViews.ListItem).ToList(), page));
        }
    }

    public static int Page(string text)
    {
        if (text.Length == 0) return 1;
        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var page) && page >= 1
            ? page : throw FnsException.NotFound("Неправильная страница.");
    }

    /// <summary>{"count","next","previous","results"} with absolute next/previous links on the request's own URL.</summary>
    public static JsonObject Paged(HttpContext context, IReadOnlyList<JsonObject> items, int page)
    {
        var pages = Math.Max(1, (items.Count + PageSize - 1) / PageSize);
        if (page > pages) throw FnsException.NotFound("Неправильная страница.");
        string Link(int number)
        {
            var request = context.Request;
            var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(request.QueryString.Value);
            var builder = new Microsoft.AspNetCore.Http.Extensions.QueryBuilder(query.Where(q => q.Key != "page").SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? ""))));
            if (number > 1) builder.Add("page", number.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{builder.ToQueryString()}";
        }
        return new JsonObject
        {
            ["count"] = items.Count,
            ["next"] = page < pages ? Link(page + 1) : null,
            ["previous"] = page > 1 ? Link(page - 1) : null,
            ["results"] = new JsonArray(items.Skip((page - 1) * PageSize).Take(PageSize).Select(i => (JsonNode)i).ToArray()),
        };
    }

    public IResult DocumentFile(long id, HttpContext context) => WithDocument(context, id, d =>
        Results.File(d.Content, "application/octet-stream", d.Title));

    public IResult SignatureFile(long id, string name, HttpContext context) => WithDocument(context, id, d =>
        d.Signature is not null && string.Equals(name, d.SignatureName + ".p7s", StringComparison.OrdinalIgnoreCase)
            ? Results.File(d.Signature, "application/pkcs7-signature", name)
            : throw FnsException.NotFound());

    private IResult WithDocument(HttpContext context, long id, Func<FnsDocument, IResult> answer)
    {
        var caller = FnsCaller.Of(context);
        lock (caller.Account.Gate)
        {
            engine.Advance(caller.Account);
            return caller.Account.Documents.TryGetValue(id, out var document) ? answer(document) : throw FnsException.NotFound();
        }
    }

    public IResult WithWorkflow(HttpContext context, long id, Func<FnsAccount, FnsWorkflow, IResult> answer)
    {
        var caller = FnsCaller.Of(context);
        lock (caller.Account.Gate)
        {
            engine.Advance(caller.Account);
            var workflow = caller.Account.Workflow(id) ?? throw FnsException.NotFound("Поток работ не найден");
            return answer(caller.Account, workflow);
        }
    }
}
