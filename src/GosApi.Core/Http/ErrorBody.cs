using System.Text.Json;

namespace GosApi.Http
{
    /// <summary>Reads the {"code": …, "message": …} error body that EPGU and ESIA both answer with.</summary>
    internal static class ErrorBody
    {
        public static void Read(string? content, out string? code, out string? message)
        {
            code = null;
            message = null;
            if (string.IsNullOrWhiteSpace(content)) return;
            try
            {
                using var document = JsonDocument.Parse(content!);
                if (document.RootElement.ValueKind != JsonValueKind.Object) return;
                if (document.RootElement.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String) code = c.GetString();
                if (document.RootElement.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String) message = m.GetString();
            }
            catch (JsonException)
            {
                // Not JSON (a gateway page): keep a short excerpt as the message.
                message = content!.Length > 300 ? content.Substring(0, 300) + "…" : content;
            }
        }
    }
}
