using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GosApi.Sandbox.ElectronicCertificates.Domain;
using GosApi.Sandbox.ElectronicCertificates.Json;
using GosApi.Sandbox.ElectronicCertificates.Signing;
using GosApi.Sandbox.Infrastructure;

namespace GosApi.Sandbox.ElectronicCertificates.Http;

/// <summary>
/// Writes an ИС ЭС answer: x-response-id, x-response-date, x-correlation-id and, with the caller's secret,
/// x-jws-signature over the body as sent (JSON bodies are sent in their RFC 8785 canonical form, text as UTF-8).
/// Applies the response faults TamperBody (after signing) and DropSignature.
/// </summary>
internal static class EcResponseWriter
{
    public static async Task WriteAsync(HttpContext context, EcReply reply, string correlationId, string? sharedSecret)
    {
        byte[] body;
        string contentType;
        if (reply.Json is not null)
        {
            body = CanonicalJson.Canonicalize(JsonSerializer.SerializeToUtf8Bytes(reply.Json));
            contentType = "application/json; charset=utf-8";
        }
        else
        {
            body = Encoding.UTF8.GetBytes(reply.Text ?? "");
            contentType = "text/plain; charset=utf-8";
        }

        var response = context.Response;
        response.StatusCode = reply.StatusCode;
        response.ContentType = contentType;
        response.Headers["x-response-id"] = Guid.NewGuid().ToString();
        response.Headers["x-response-date"] = EcTime.Format(DateTimeOffset.UtcNow);
        response.Headers["x-correlation-id"] = reply.CorrelationId ?? correlationId;
        if (sharedSecret is not null && !ResponseFaults.Has(context, FaultKind.DropSignature))
            response.Headers["x-jws-signature"] = DetachedJws.Sign(body, sharedSecret);
        if (ResponseFaults.Has(context, FaultKind.TamperBody))
            body = reply.Json is not null ? Tamper(reply.Json) : Encoding.UTF8.GetBytes(TamperText(reply.Text ?? ""));

        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted);
    }

    private static string TamperText(string text) => text switch
    {
        "REQUEST_IS_QUEUED" => "REQUEST_IS_ACCEPTED",
        "REQUEST_IS_ACCEPTED" => "REQUEST_IS_QUEUED",
        _ => text + "!",
    };

    /// <summary>Changes the first scalar (string gets "~", number +1, boolean flipped); an empty container gets a member.</summary>
    private static byte[] Tamper(JsonNode json)
    {
        var copy = json.DeepClone();
        if (!TamperFirst(copy))
        {
            if (copy is JsonObject o) o["tampered"] = true;
            else if (copy is JsonArray a) a.Add(true);
        }
        return CanonicalJson.Canonicalize(JsonSerializer.SerializeToUtf8Bytes(copy));
    }

    private static bool TamperFirst(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, value) in o.ToArray())
                {
                    if (value is JsonValue v) { o[name] = Changed(v); return true; }
                    if (TamperFirst(value)) return true;
                }
                return false;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] is JsonValue v) { a[i] = Changed(v); return true; }
                    if (TamperFirst(a[i])) return true;
                }
                return false;
            default:
                return false;
        }
    }

    private static JsonNode Changed(JsonValue value)
    {
        var element = JsonSerializer.SerializeToElement(value);
        return element.ValueKind switch
        {
            JsonValueKind.String => JsonValue.Create(element.GetString() + "~"),
            JsonValueKind.Number => JsonValue.Create(element.GetDouble() + 1),
            JsonValueKind.True => JsonValue.Create(false),
            _ => JsonValue.Create(true),
        };
    }
}
