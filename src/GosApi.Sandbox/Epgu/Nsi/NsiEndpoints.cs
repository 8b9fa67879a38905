using System.Text.Json.Nodes;
using GosApi.Sandbox.Infrastructure;

namespace GosApi.Sandbox.Epgu.Nsi;

/// <summary>
/// POST /api/nsi/v1/dictionary/{code} (001 §3), no auth. Errors come, like results, in the 001 envelope with
/// error.code ≠ 0 and fieldErrors: code 1 for a bad request, 2 for an unknown dictionary or parent element.
/// </summary>
internal static class NsiEndpoints
{
    private const int InvalidRequest = 1;
    private const int NotFound = 2;

    public static void MapNsi(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/nsi/v1/dictionary/{code}", QueryAsync);

    private static async Task<IResult> QueryAsync(HttpContext context, string code, NsiCatalog catalog)
    {
        if (!context.Request.HasJsonContentType())
            return Error(InvalidRequest, "invalid request", [new("Content-Type", $"must be application/json, got '{context.Request.ContentType}'")],
                StatusCodes.Status400BadRequest);
        using var reader = new StreamReader(context.Request.Body);
        var errors = new List<NsiFieldError>();
        var query = NsiQuery.Parse(await reader.ReadToEndAsync(context.RequestAborted), errors);
        if (query is null) return Error(InvalidRequest, "invalid request", errors);

        var dictionary = catalog.Find(code);
        if (dictionary is null)
            return Error(NotFound, "dictionary not found", [new("code", $"dictionary '{code}' does not exist (known: {string.Join(", ", catalog.Codes)})")]);

        IReadOnlyList<NsiItem> level = dictionary.Roots;
        if (query.ParentRefItemValue is not null)
        {
            var parent = dictionary.Find(query.ParentRefItemValue);
            if (parent is null)
                return Error(NotFound, "element not found",
                    [new("parentRefItemValue", $"'{query.ParentRefItemValue}' is not an element of dictionary {code}")]);
            level = parent.Children;
        }

        var page = query.PageNum is null ? level : level.Skip((int)Math.Min(int.MaxValue, (long)(query.PageNum.Value - 1) * query.PageSize!.Value)).Take(query.PageSize!.Value);
        var expand = query.TreeFiltering == TreeFiltering.Subtree;
        return Results.Json(new JsonObject
        {
            ["error"] = new JsonObject { ["code"] = 0, ["message"] = "operation completed" },
            ["fieldErrors"] = new JsonArray(),
            ["total"] = level.Count,
            ["items"] = new JsonArray(page.Select(item => (JsonNode?)ToJson(item, expand)).ToArray()),
        }, SandboxJson.Options);
    }

    private static JsonObject ToJson(NsiItem item, bool expand) => new()
    {
        ["value"] = item.Value,
        ["parentValue"] = item.ParentValue,
        ["title"] = item.Title,
        ["isLeaf"] = item.IsLeaf,
        ["children"] = new JsonArray(expand ? item.Children.Select(child => (JsonNode?)ToJson(child, expand)).ToArray() : []),
        ["attributes"] = new JsonArray(),
        ["source"] = null,
        ["attributeValues"] = new JsonObject(item.AttributeValues.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value))),
    };

    private static IResult Error(int code, string message, IEnumerable<NsiFieldError> fieldErrors, int httpStatus = StatusCodes.Status200OK) =>
        Results.Json(new JsonObject
        {
            ["error"] = new JsonObject { ["code"] = code, ["message"] = message },
            ["fieldErrors"] = new JsonArray(fieldErrors.Select(e => (JsonNode?)new JsonObject { ["fieldName"] = e.FieldName, ["message"] = e.Message }).ToArray()),
            ["total"] = 0,
            ["items"] = new JsonArray(),
        }, SandboxJson.Options, statusCode: httpStatus);
}
