using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using GosApi.Errors;
using GosApi.Http;
using RestSharp;

namespace GosApi.FnsMobileSign
{
    /// <summary>
    /// Turns {"error": …} answers into GosApiException: field errors flattened to "consumer.addresses[0].city: …",
    /// ErrorId FnsMobileSign.ValidationError / ConsumerBlocked / NotFound, or FnsMobileSign.&lt;status&gt;.
    /// </summary>
    internal sealed class FnsErrorTranslator : IApiErrorTranslator
    {
        public GosApiException Translate(RestResponse response, RequestTraits traits, string method, string redactedUrl)
        {
            var status = (int)response.StatusCode;
            var messages = FnsErrorBody.Flatten(response.Content);
            var (code, kind, hint) = Classify(status, messages);
            var text = traits.Operation + " failed: " + (messages.Count == 0 ? Describe(status) : string.Join("; ", messages.Select(m => m.Field.Length == 0 ? m.Message : m.Field + ": " + m.Message)));
            return new GosApiException(GosApiService.FnsMobileSign, kind, text)
            {
                StatusCode = status,
                ApiCode = code,
                Hint = hint,
                Method = method,
                Url = redactedUrl,
                EntityId = traits.EntityId,
            };
        }

        private static (string? Code, GosApiErrorKind Kind, string Hint) Classify(int status, IReadOnlyList<(string Field, string Message)> messages)
        {
            if (status == 400 && messages.Any(m => m.Message.IndexOf("заблокирован", StringComparison.OrdinalIgnoreCase) >= 0))
                return ("ConsumerBlocked", GosApiErrorKind.NotAllowedInCurrentState, "The client failed an automated check earlier and is blocked; nothing can be done for them through the API.");
            if (status == 400 && messages.Count > 0 && messages.All(m => m.Field.Length == 0 || m.Field == "non_field_errors") && messages.Any(m => m.Message.IndexOf("не найден", StringComparison.OrdinalIgnoreCase) >= 0))
                return ("NotFound", GosApiErrorKind.NotFound, "Check the client's data (INN, phone, passport) or the id.");
            if (status == 400 && messages.Count > 0)
                return ("ValidationError", GosApiErrorKind.InvalidRequest, "Correct the fields named in the message.");
            return status switch
            {
                401 => (null, GosApiErrorKind.Authentication, "Check the login and password of Connect-FnsMobileSign."),
                403 => (null, GosApiErrorKind.PermissionDenied, "The account has no right to this operation."),
                404 => (null, GosApiErrorKind.NotFound, "Check the id and -BaseUri."),
                429 => (null, GosApiErrorKind.LimitExceeded, "Slow down (-RequestsPerMinute)."),
                >= 500 => (null, status == 503 || status == 502 || status == 504 ? GosApiErrorKind.ServiceUnavailable : GosApiErrorKind.ServerError, "Try again later."),
                _ => (null, GosApiErrorKind.InvalidRequest, "Check the request."),
            };
        }

        private static string Describe(int status) => status switch
        {
            400 => "the service rejected the request",
            401 => "not authenticated",
            403 => "access denied",
            404 => "not found",
            _ => "HTTP " + status,
        };
    }

    /// <summary>Flattens the "error" value of seed 003's answers into (field path, message) pairs.</summary>
    internal static class FnsErrorBody
    {
        public static IReadOnlyList<(string Field, string Message)> Flatten(string? content)
        {
            var list = new List<(string, string)>();
            if (string.IsNullOrWhiteSpace(content)) return list;
            try
            {
                using var document = JsonDocument.Parse(content!);
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error)) Walk(error, string.Empty, list);
                else if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("detail", out var detail)) Walk(detail, string.Empty, list);
            }
            catch (JsonException)
            {
                list.Add((string.Empty, content!.Length > 300 ? content.Substring(0, 300) + "…" : content));
            }
            return list;
        }

        private static void Walk(JsonElement element, string path, List<(string, string)> list)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                        Walk(property.Value, property.Name == "non_field_errors" ? path : Join(path, property.Name), list);
                    break;
                case JsonValueKind.Array:
                    var index = 0;
                    foreach (var item in element.EnumerateArray())
                    {
                        if (item.ValueKind == JsonValueKind.Object) Walk(item, path + "[" + index + "]", list);
                        else Walk(item, path, list);
                        index++;
                    }
                    break;
                case JsonValueKind.String:
                    list.Add((path, element.GetString() ?? string.Empty));
                    break;
                case JsonValueKind.Null:
                    break;
                default:
                    list.Add((path, element.GetRawText()));
                    break;
            }
        }

        private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;
    }
}
