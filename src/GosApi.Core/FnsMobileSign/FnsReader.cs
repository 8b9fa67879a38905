using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using GosApi.Errors;
using GosApi.FnsMobileSign.Models;
using GosApi.Json;

namespace GosApi.FnsMobileSign
{
    /// <summary>Reads seed 003's {"result": …} answers into models, leniently (the service may add fields).</summary>
    internal static class FnsReader
    {
        public static JsonElement Result(string? content, string operation)
        {
            try
            {
                using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(content) ? "{}" : content!);
                if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("result", out var result)) return result.Clone();
            }
            catch (JsonException)
            {
            }
            throw Shape(operation, "a \"result\"");
        }

        public static GosApiException Shape(string operation, string expected) =>
            new GosApiException(GosApiService.FnsMobileSign, GosApiErrorKind.InvalidResponse, $"{operation}: the answer does not contain {expected}");

        public static FnsWorkflow Workflow(JsonElement e)
        {
            var workflow = new FnsWorkflow
            {
                Id = e.Long("id") ?? 0,
                Type = FnsWorkflowTypes.Parse(e.Str("type")),
                StateName = e.Str("state"),
                StateDisplay = e.Str("state_display"),
                ExternalId = e.Str("external_id"),
                Callback = e.Str("callback"),
                Title = e.Str("title"),
                ErrorCode = e.Str("error_code"),
                ErrorMessage = e.Str("error_message"),
                IdpInfo = e.Str("idp_info"),
                AgentInfo = e.Str("agent_info"),
                Created = e.Date("created"),
                Updated = e.Date("updated"),
            };
            workflow.State = FnsWorkflowStates.Parse(workflow.StateName);
            workflow.StateDisplay ??= FnsWorkflowStates.Meaning(workflow.State);
            if (e.TryGetProperty("scenario", out var scenario))
            {
                if (scenario.ValueKind == JsonValueKind.Object)
                {
                    workflow.Scenario = scenario.Int("id");
                    workflow.ScenarioTitle = scenario.Str("title");
                }
                else workflow.Scenario = e.Int("scenario");
            }
            if (e.TryGetProperty("consumer", out var consumer))
            {
                if (consumer.ValueKind == JsonValueKind.String) workflow.ConsumerId = consumer.GetString();
                else if (consumer.ValueKind == JsonValueKind.Object)
                {
                    workflow.Consumer = Consumer(consumer);
                    workflow.ConsumerId = workflow.Consumer.Id;
                }
            }
            workflow.ParentId = Id(e, "parent") ?? Id(e, "parent_id");
            var children = e.Array("children").Select(c => c.ValueKind == JsonValueKind.Number && c.TryGetInt64(out var n) ? n : 0).Where(n => n != 0).ToList();
            var child = e.Long("child_id");
            if (child.HasValue && !children.Contains(child.Value)) children.Add(child.Value);
            workflow.Children = children;
            var agent = e.Obj("agent");
            workflow.AgentUsername = agent?.Str("username");
            workflow.ExternalActivityUrl = e.Obj("external_activity")?.Str("url");
            workflow.Documents = Documents(e, workflow.Id);
            return workflow;
        }

        public static IReadOnlyList<FnsDocument> Documents(JsonElement e, long workflowId) =>
            e.Array("documents").Select(d => new FnsDocument
            {
                Id = d.Long("id") ?? 0,
                WorkflowId = workflowId,
                Title = d.Str("title"),
                Description = d.Str("description"),
                Type = d.Str("type"),
                Path = d.Str("path"),
                Signature = d.Str("signature"),
                IsViewed = d.Bool("is_viewed"),
                Encrypted = d.Bool("encrypted"),
                Created = d.Date("created"),
                Updated = d.Date("updated"),
            }).ToArray();

        public static FnsConsumer Consumer(JsonElement e) => new FnsConsumer
        {
            Id = e.Str("id"),
            LastName = e.Str("last_name")?.Trim(),
            FirstName = e.Str("first_name")?.Trim(),
            MiddleName = e.Str("middle_name")?.Trim(),
            Gender = e.Str("gender"),
            Birthed = Day(e.Str("birthed")),
            Snils = e.Str("snils"),
            Inn = e.Str("inn"),
            Phone = e.Str("phone"),
            State = e.Str("state"),
            IsRemotelyIdentified = e.Bool("is_remotely_identified"),
            Ogrnip = e.Obj("entrepreneur")?.Str("ogrnip"),
            LegalEntityInns = e.Array("legal_entities").Select(l => l.Str("inn")).Where(i => i != null).Select(i => i!).ToArray(),
            Certificates = e.Array("certificates").Select(Certificate).ToArray(),
            Created = e.Date("created"),
        };

        private static FnsCertificateInfo Certificate(JsonElement c)
        {
            var data = c.Obj("certificate_data");
            return new FnsCertificateInfo
            {
                Id = c.Long("id") ?? 0,
                Type = c.Str("type"),
                State = c.Str("state"),
                IsConfirmed = c.Bool("is_confirmed"),
                NotAfter = c.Date("not_after") ?? data?.Date("not_after"),
                Serial = data?.Str("serial"),
                SubjectName = data?.Obj("subject")?.Str("CN"),
                IssuerName = data?.Obj("issuer")?.Str("CN"),
                CertificateLink = data?.Str("certificate_link"),
                RequestLink = data?.Str("request_link"),
            };
        }

        public static FnsAgent Agent(JsonElement e)
        {
            var company = e.Obj("company");
            return new FnsAgent
            {
                Id = e.Long("id") ?? 0,
                Username = e.Str("username"),
                LastName = e.Str("last_name"),
                FirstName = e.Str("first_name"),
                MiddleName = e.Str("middle_name"),
                Snils = e.Str("snils"),
                Phone = e.Str("phone"),
                Position = e.Str("position"),
                CompanyId = company?.Long("id") ?? e.Long("company"),
                CompanyName = company?.Str("name"),
                Permissions = e.Array("permissions").Select(p => p.GetString() ?? string.Empty).ToArray(),
                IdentificationPoints = e.Array("identification_points").Select(p => p.ValueKind == JsonValueKind.Object ? p.Long("id") ?? 0 : p.TryGetInt64(out var n) ? n : 0).ToArray(),
                IsActive = !e.TryGetProperty("is_active", out var active) || active.ValueKind != JsonValueKind.False,
                HasToken = !string.IsNullOrEmpty(e.Str("token")),
            };
        }

        public static FnsUploadSlot Slot(JsonElement e, long workflowId, string kind)
        {
            var inner = e.Obj("document");
            return new FnsUploadSlot
            {
                Id = e.Long("id") ?? 0,
                WorkflowId = workflowId,
                Kind = kind,
                DocumentTitle = e.Str("document_title") ?? inner?.Str("title"),
                State = e.Str("state") ?? inner?.Str("state"),
                Type = e.Str("type") ?? inner?.Str("type"),
                Title = e.Str("title") ?? inner?.Str("title"),
                Path = e.Str("path") ?? inner?.Str("path"),
                TemplateUrl = e.Str("template_url") ?? inner?.Str("template_url"),
            };
        }

        /// <summary>A page of a list: {"count","next","previous","results"} (or a bare array).</summary>
        public static (IReadOnlyList<JsonElement> Items, string? Next) Page(JsonElement result)
        {
            if (result.ValueKind == JsonValueKind.Array) return (result.EnumerateArray().ToArray(), null);
            return (result.Array("results").ToArray(), result.Str("next"));
        }

        private static long? Id(JsonElement e, string name)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v)) return null;
            if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n)) return n;
            if (v.ValueKind == JsonValueKind.Object) return v.Long("id");
            return null;
        }

        private static DateTime? Day(string? text) =>
            DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : (DateTime?)null;
    }
}
