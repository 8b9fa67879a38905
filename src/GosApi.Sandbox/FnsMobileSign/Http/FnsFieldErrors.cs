using System.Text.Json.Nodes;

namespace GosApi.Sandbox.FnsMobileSign.Http;

/// <summary>
/// Field errors of one JSON object, nested like the request: field → [messages], a nested block → its own
/// errors, a list of blocks → one error object per item ({} for good items), as Django REST framework answers.
/// </summary>
internal sealed class FnsFieldErrors
{
    public const string Required = "Это поле обязательно.";
    public const string NotNull = "Это поле не может быть пустым.";

    public JsonObject Errors { get; } = new();
    public bool Any => Errors.Count > 0;

    public void Add(string field, string message)
    {
        if (Errors[field] is not JsonArray list) Errors[field] = list = new JsonArray();
        list.Add(message);
    }

    public void Nest(string field, FnsFieldErrors nested)
    {
        if (nested.Any) Errors[field] = nested.Errors;
    }

    public void NestList(string field, IReadOnlyList<FnsFieldErrors> items)
    {
        if (items.Any(i => i.Any)) Errors[field] = new JsonArray(items.Select(i => (JsonNode)i.Errors).ToArray());
    }

    /// <summary>The text of a required scalar; adds "Это поле обязательно." and returns null when it is missing or blank.</summary>
    public string? RequiredText(JsonObject block, string field)
    {
        var text = FnsBody.Text(block[field]);
        if (string.IsNullOrWhiteSpace(text))
        {
            Add(field, Required);
            return null;
        }
        return text.Trim();
    }

    /// <summary>The text of an optional scalar (null when missing or blank).</summary>
    public static string? OptionalText(JsonObject block, string field)
    {
        var text = FnsBody.Text(block[field]);
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    /// <summary>Checks a value already read; adds <paramref name="message"/> when <paramref name="valid"/> fails.</summary>
    public string? Check(string field, string? value, Func<string, bool> valid, string message)
    {
        if (value is null) return null;
        if (valid(value)) return value;
        Add(field, message);
        return null;
    }

    public void ThrowIfAny(string? wrapIn = null)
    {
        if (!Any) return;
        throw new FnsException(StatusCodes.Status400BadRequest, wrapIn is null ? Errors : new JsonObject { [wrapIn] = Errors });
    }
}
