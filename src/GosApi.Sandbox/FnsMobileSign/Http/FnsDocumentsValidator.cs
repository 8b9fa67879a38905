using System.Text.Json.Nodes;

namespace GosApi.Sandbox.FnsMobileSign.Http;

/// <summary>documents: 1..50 items of {title, path}: title sanitised to [\w\s.()-] and at most 250 characters, path base64.</summary>
internal static class FnsDocumentsValidator
{
    public const int MaxDocuments = 50;
    public const int MaxTitle = 250;

    public static List<(string Title, byte[] Content)> Validate(JsonObject body, FnsFieldErrors errors)
    {
        var result = new List<(string, byte[])>();
        var node = body["documents"];
        if (node is null) { errors.Add("documents", FnsFieldErrors.Required); return result; }
        if (node is not JsonArray array) { errors.Add("documents", FnsBlockValidator.NotList); return result; }
        if (array.Count == 0) { errors.Add("documents", FnsBlockValidator.EmptyList); return result; }
        if (array.Count > MaxDocuments)
        {
            errors.Add("documents", $"Убедитесь, что в этом списке не больше {MaxDocuments} элементов.");
            return result;
        }
        var items = new List<FnsFieldErrors>();
        foreach (var element in array)
        {
            var e = new FnsFieldErrors();
            items.Add(e);
            if (element is not JsonObject document) { e.Add("non_field_errors", FnsBlockValidator.NotObject); continue; }
            var title = e.RequiredText(document, "title");
            if (title is not null && title.Length > MaxTitle)
            {
                e.Add("title", $"Убедитесь, что это значение содержит не более {MaxTitle} символов.");
                title = null;
            }
            var path = e.RequiredText(document, "path");
            var content = path is null ? null : FnsFormats.Base64(path);
            if (path is not null && content is null) e.Add("path", "Файл должен быть закодирован в base64.");
            if (title is not null && content is not null) result.Add((FnsFormats.SanitizeTitle(title), content));
        }
        errors.NestList("documents", items);
        return result;
    }
}
