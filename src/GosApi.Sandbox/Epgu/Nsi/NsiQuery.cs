using System.Text.Json;
using GosApi.Sandbox.Infrastructure;

namespace GosApi.Sandbox.Epgu.Nsi;

internal enum TreeFiltering { OneLevel, Subtree }

internal sealed record NsiFieldError(string FieldName, string Message);

/// <summary>The request body of POST /api/nsi/v1/dictionary/{code} (001 Table 31); pageNum is 1-based as in 001's example.</summary>
internal sealed record NsiQuery(TreeFiltering TreeFiltering, string? ParentRefItemValue, int? PageNum, int? PageSize)
{
    public const int MaxPageSize = 1000;

    /// <summary>Parses the body; problems with individual fields come back as field errors, all of them at once.</summary>
    public static NsiQuery? Parse(string body, List<NsiFieldError> errors)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(body, SandboxJson.Lenient); }
        catch (JsonException ex)
        {
            errors.Add(new("body", "not valid JSON: " + ex.Message));
            return null;
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new("body", "must be a JSON object"));
                return null;
            }
            var filtering = ParseFiltering(root, errors);
            var parent = OptionalString(root, "parentRefItemValue", errors);
            var pageNum = OptionalInt(root, "pageNum", 1, int.MaxValue, errors);
            var pageSize = OptionalInt(root, "pageSize", 1, MaxPageSize, errors);
            if (pageNum is null != pageSize is null)
                errors.Add(new(pageNum is null ? "pageNum" : "pageSize", "pageNum and pageSize go together: give both or neither"));
            return errors.Count == 0 ? new NsiQuery(filtering!.Value, parent, pageNum, pageSize) : null;
        }
    }

    private static TreeFiltering? ParseFiltering(JsonElement root, List<NsiFieldError> errors)
    {
        if (!root.TryGetProperty("treeFiltering", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            errors.Add(new("treeFiltering", "required field is missing (ONELEVEL or SUBTREE)"));
            return null;
        }
        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
        switch (text)
        {
            case "ONELEVEL": return TreeFiltering.OneLevel;
            case "SUBTREE": return TreeFiltering.Subtree;
            default:
                errors.Add(new("treeFiltering", $"'{text}' is not ONELEVEL or SUBTREE"));
                return null;
        }
    }

    private static string? OptionalString(JsonElement root, string name, List<NsiFieldError> errors)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.String) return value.GetString();
        errors.Add(new(name, $"must be a string, got {value.ValueKind}"));
        return null;
    }

    private static int? OptionalInt(JsonElement root, string name, int min, int max, List<NsiFieldError> errors)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            errors.Add(new(name, $"must be an integer, got {value.GetRawText()}"));
            return null;
        }
        if (number < min || number > max)
        {
            errors.Add(new(name, $"{number} is outside {min}…{(max == int.MaxValue ? "" : max)}"));
            return null;
        }
        return number;
    }
}
