using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using GosApi.FnsMobileSign.Models;
using GosApi.FnsMobileSign.Requests;
using GosApi.Http;
using GosApi.Json;
using GosApi.Validation;
using RestSharp;

namespace GosApi.FnsMobileSign
{
    /// <summary>Uploads, clients, agents, notifications, revocation and signature merging.</summary>
    public sealed partial class FnsClient
    {
        /// <summary>GET /api/rb/workflow/{id}/confirmation-document.</summary>
        public Task<IReadOnlyList<FnsUploadSlot>> GetConfirmationDocumentsAsync(long workflowId, CancellationToken cancellationToken = default) =>
            SlotsAsync(workflowId, "confirmation-document", "confirmation_documents", cancellationToken);

        /// <summary>GET /api/rb/workflow/{id}/document-scan.</summary>
        public Task<IReadOnlyList<FnsUploadSlot>> GetDocumentScansAsync(long workflowId, CancellationToken cancellationToken = default) =>
            SlotsAsync(workflowId, "document-scan", "scans", cancellationToken);

        /// <summary>PUT /api/rb/confirmation-document/{id} or PUT /api/rb/document-scan/{id} with the file.</summary>
        public async Task<FnsUploadSlot> UploadAsync(string kind, long slotId, FnsDocumentUpload file, CancellationToken cancellationToken = default)
        {
            if (kind != "confirmation-document" && kind != "document-scan") throw new ArgumentException("kind: confirmation-document or document-scan", nameof(kind));
            CheckId("Id", slotId);
            var check = new ValidationResult();
            file.Check(check, "Path");
            check.ThrowIfInvalid();
            var traits = new RequestTraits { Operation = "upload " + kind, SafeToRetry = true, EntityId = kind + " " + slotId };
            var response = await SendAsync(Method.Put, $"api/rb/{kind}/{slotId}", file.ToJson().ToJsonString(), traits, cancellationToken).ConfigureAwait(false);
            return FnsReader.Slot(FnsReader.Result(response.Content, traits.Operation), 0, kind);
        }

        /// <summary>PUT /api/rb/workflow/{id}/certificate (204).</summary>
        public async Task SetCertificateAsync(long workflowId, byte[] certificate, CancellationToken cancellationToken = default)
        {
            CheckId("WorkflowId", workflowId);
            if (certificate == null || certificate.Length == 0) new ValidationError("Certificate", null, "is empty").Throw();
            var body = new JsonObject { ["certificate"] = Convert.ToBase64String(certificate) };
            await SendAsync(Method.Put, $"api/rb/workflow/{workflowId}/certificate", body.ToJsonString(), new RequestTraits { Operation = "upload certificate", SafeToRetry = true, EntityId = "workflow " + workflowId }, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>POST /api/rb/consumer/search.</summary>
        public async Task<IReadOnlyList<FnsConsumer>> SearchConsumersAsync(FnsConsumerQuery query, CancellationToken cancellationToken = default)
        {
            query.Validate().ThrowIfInvalid();
            var traits = new RequestTraits { Operation = "find client", SafeToRetry = true };
            var response = await SendAsync(Method.Post, "api/rb/consumer/search", query.ToJson().ToJsonString(), traits, cancellationToken).ConfigureAwait(false);
            var result = FnsReader.Result(response.Content, traits.Operation);
            return result.ValueKind == JsonValueKind.Array ? result.EnumerateArray().Select(FnsReader.Consumer).ToArray() : Array.Empty<FnsConsumer>();
        }

        /// <summary>POST /api/rb/staff/agent.</summary>
        public async Task<FnsAgent> CreateAgentAsync(FnsAgentData agent, CancellationToken cancellationToken = default)
        {
            agent.Validate(creating: true).ThrowIfInvalid();
            var traits = new RequestTraits { Operation = "create agent " + agent.Username, SafeToRetry = false };
            var response = await SendAsync(Method.Post, "api/rb/staff/agent", agent.ToJson().ToJsonString(), traits, cancellationToken).ConfigureAwait(false);
            return FnsReader.Agent(FnsReader.Result(response.Content, traits.Operation));
        }

        /// <summary>PUT /api/rb/staff/agent/{id}: changes what is set; IsActive false blocks the account.</summary>
        public async Task<FnsAgent> UpdateAgentAsync(long agentId, FnsAgentData changes, CancellationToken cancellationToken = default)
        {
            CheckId("Id", agentId);
            changes.Validate(creating: false).ThrowIfInvalid();
            var body = changes.ToJson();
            if (body.Count == 0) new ValidationError("Id", agentId.ToString(CultureInfo.InvariantCulture), "nothing to change: give at least one field").Throw();
            var traits = new RequestTraits { Operation = "change agent " + agentId, SafeToRetry = true, EntityId = "agent " + agentId };
            var response = await SendAsync(Method.Put, $"api/rb/staff/agent/{agentId}", body.ToJsonString(), traits, cancellationToken).ConfigureAwait(false);
            return FnsReader.Agent(FnsReader.Result(response.Content, traits.Operation));
        }

        /// <summary>GET /api/rb/staff/agent, every page.</summary>
        public Task<int> ListAgentsAsync(Func<FnsAgent, bool> onItem, CancellationToken cancellationToken = default) =>
            PagesAsync(new RestRequest("api/rb/staff/agent", Method.Get), "list agents", e => onItem(FnsReader.Agent(e)), cancellationToken);

        /// <summary>POST /api/rb/consumer/{id}/push_notification/ (agreed templates only).</summary>
        public async Task SendPushNotificationAsync(string consumerId, string title, string message, long? workflowId = null, CancellationToken cancellationToken = default)
        {
            var check = new ValidationResult();
            if (!Guid.TryParse(consumerId, out _)) check.Add("ConsumerId", consumerId, "must be the client's UUID");
            if (Rules.IsBlank(title)) check.Add("Title", title, "is required");
            if (Rules.IsBlank(message)) check.Add("Message", message, "is required");
            if (workflowId.HasValue && workflowId.Value <= 0) check.Add("WorkflowId", workflowId.Value.ToString(CultureInfo.InvariantCulture), "must be a positive number");
            check.ThrowIfInvalid();
            var body = new JsonObject { ["title"] = title, ["message"] = message };
            if (workflowId.HasValue) body["workflow_id"] = workflowId.Value.ToString(CultureInfo.InvariantCulture);
            await SendAsync(Method.Post, $"api/rb/consumer/{consumerId.Trim()}/push_notification/", body.ToJsonString(), new RequestTraits { Operation = "send push notification", SafeToRetry = false }, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>POST /api/rb/certificate/revoke/ with the revocation request XML.</summary>
        public async Task<string?> RevokeCertificateAsync(byte[] xml, CancellationToken cancellationToken = default)
        {
            if (xml == null || xml.Length == 0) new ValidationError("Path", null, "the revocation XML is empty").Throw();
            try { System.Xml.Linq.XDocument.Parse(System.Text.Encoding.UTF8.GetString(xml!)); }
            catch (System.Xml.XmlException ex) { new ValidationError("Path", null, "is not well-formed XML (" + ex.Message + ")").Throw(); }
            var body = new JsonObject { ["base64_encoded_xml_file"] = Convert.ToBase64String(xml!) };
            var response = await SendAsync(Method.Post, "api/rb/certificate/revoke/", body.ToJsonString(), new RequestTraits { Operation = "revoke certificate", SafeToRetry = false }, cancellationToken).ConfigureAwait(false);
            try { return FnsReader.Result(response.Content, "revoke certificate").Str("status"); }
            catch (Errors.GosApiException) { return null; } // the spec shows no answer body
        }

        /// <summary>POST /api/rb/signatures-merge: one CMS with the signers of all the given signatures (files or service links).</summary>
        public async Task<byte[]> MergeSignaturesAsync(IReadOnlyList<byte[]> signatures, IReadOnlyList<string> links, CancellationToken cancellationToken = default)
        {
            var check = new ValidationResult();
            if (signatures.Count + links.Count < 2) check.Add("Path", null, "give at least two signatures to merge");
            check.ThrowIfInvalid();
            var items = signatures.Select(s => (JsonNode)new JsonObject { ["base64_file"] = Convert.ToBase64String(s) })
                .Concat(links.Select(l => (JsonNode)new JsonObject { ["url"] = ResolveLink(l).AbsolutePath }));
            var body = new JsonObject { ["signatures"] = new JsonArray(items.ToArray()) };
            var traits = new RequestTraits { Operation = "merge signatures", SafeToRetry = true };
            var response = await SendAsync(Method.Post, "api/rb/signatures-merge", body.ToJsonString(), traits, cancellationToken).ConfigureAwait(false);
            var merged = FnsReader.Result(response.Content, traits.Operation).Str("result");
            if (string.IsNullOrEmpty(merged)) throw FnsReader.Shape(traits.Operation, "the merged signature");
            return Convert.FromBase64String(merged);
        }

        private async Task<IReadOnlyList<FnsUploadSlot>> SlotsAsync(long workflowId, string kind, string listName, CancellationToken cancellationToken)
        {
            CheckId("WorkflowId", workflowId);
            var traits = Read("get " + kind + "s", workflowId);
            var response = await SendAsync(Method.Get, $"api/rb/workflow/{workflowId}/{kind}", null, traits, cancellationToken).ConfigureAwait(false);
            var result = FnsReader.Result(response.Content, traits.Operation);
            return result.Array(listName).Select(e => FnsReader.Slot(e, workflowId, kind)).ToArray();
        }
    }
}
