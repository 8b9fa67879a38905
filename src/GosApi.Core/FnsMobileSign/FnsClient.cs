using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using GosApi.Diagnostics;
using GosApi.Errors;
using GosApi.FnsMobileSign.Models;
using GosApi.FnsMobileSign.Requests;
using GosApi.Http;
using GosApi.Validation;
using RestSharp;

namespace GosApi.FnsMobileSign
{
    /// <summary>Every method of the ФНС «Мобильная подпись» partner API (seed 003, v2.23) over a session.</summary>
    public sealed partial class FnsClient
    {
        /// <summary>States a workflow can be moved to with PUT workflow/{id}/state.</summary>
        public static readonly IReadOnlyList<string> SettableStates = new[] { "identify", "scan_confirm_received", "complete_external_activity" };

        private const int MaxPages = 10_000;
        private readonly FnsSession session;

        public FnsClient(FnsSession session) { this.session = session ?? throw new ArgumentNullException(nameof(session)); }

        /// <summary>
        /// POST /api/rb/workflow. The external_id (generated when absent) makes the create safe to repeat: a repeat
        /// returns the workflow made the first time, so transport failures are retried.
        /// </summary>
        public async Task<FnsWorkflow> CreateWorkflowAsync(FnsWorkflowRequest request, CancellationToken cancellationToken = default)
        {
            request.Validate().ThrowIfInvalid();
            var externalId = request.EnsureExternalId();
            var scenario = request.Scenario ?? session.Scenarios.For(request.Type, request.LegalEntity != null);
            var body = request.ToJson(scenario).ToJsonString();
            var traits = new RequestTraits { Operation = "create " + FnsWorkflowTypes.WireName(request.Type) + " workflow", SafeToRetry = true, EntityId = "external_id " + externalId };
            return await CreateAsync("api/rb/workflow", body, traits, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>POST /api/rb/workflow/fns: documents for signature by the signer's INN and phone.</summary>
        public async Task<FnsWorkflow> CreateSimplifiedSigningAsync(FnsSimplifiedSigningRequest request, CancellationToken cancellationToken = default)
        {
            request.Validate().ThrowIfInvalid();
            var externalId = request.EnsureExternalId();
            var body = request.ToJson(request.Scenario ?? session.Scenarios[FnsScenarios.SimplifiedSigningKey]).ToJsonString();
            var traits = new RequestTraits { Operation = "send documents for signature (simplified)", SafeToRetry = true, EntityId = "external_id " + externalId };
            return await CreateAsync("api/rb/workflow/fns", body, traits, cancellationToken).ConfigureAwait(false);
        }

        private async Task<FnsWorkflow> CreateAsync(string path, string body, RequestTraits traits, CancellationToken cancellationToken)
        {
            var response = await SendAsync(Method.Post, path, body, traits, cancellationToken).ConfigureAwait(false);
            var workflow = FnsReader.Workflow(FnsReader.Result(response.Content, traits.Operation));
            workflow.IsExisting = response.StatusCode == HttpStatusCode.OK;
            OperationScope.Verbose($"{traits.Operation}: workflow {workflow.Id} ({workflow.StateName})" + (workflow.IsExisting ? ", made earlier with the same external_id." : "."));
            return workflow;
        }

        /// <summary>GET /api/rb/workflow/{id}/full.</summary>
        public async Task<FnsWorkflow> GetWorkflowAsync(long workflowId, CancellationToken cancellationToken = default)
        {
            CheckId("WorkflowId", workflowId);
            var traits = Read("get workflow", workflowId);
            var response = await SendAsync(Method.Get, $"api/rb/workflow/{workflowId}/full", null, traits, cancellationToken).ConfigureAwait(false);
            return FnsReader.Workflow(FnsReader.Result(response.Content, traits.Operation));
        }

        /// <summary>GET /api/rb/workflow?consumer=…&amp;type=…, every page; <paramref name="onItem"/> may stop early by returning false.</summary>
        public async Task<int> ListWorkflowsAsync(IEnumerable<string>? consumerIds, FnsWorkflowType? type, Func<FnsWorkflow, bool> onItem, CancellationToken cancellationToken = default)
        {
            var ids = (consumerIds ?? Enumerable.Empty<string>()).Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).ToArray();
            var check = new ValidationResult();
            foreach (var id in ids.Where(i => !Guid.TryParse(i, out _))) check.Add("ConsumerId", id, "must be the client's UUID");
            check.ThrowIfInvalid();
            var request = new RestRequest("api/rb/workflow", Method.Get);
            if (ids.Length > 0) request.AddQueryParameter("consumer", string.Join(",", ids), encode: false);
            if (type.HasValue) request.AddQueryParameter("type", FnsWorkflowTypes.QueryName(type.Value));
            return await PagesAsync(request, "list workflows", e => onItem(FnsReader.Workflow(e)), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>POST /api/rb/workflow/identification/search/: the client's registration workflow, for an identification agent.</summary>
        public async Task<FnsWorkflow> SearchIdentificationAsync(FnsIdentificationQuery query, CancellationToken cancellationToken = default)
        {
            query.Validate().ThrowIfInvalid();
            var traits = new RequestTraits { Operation = "find identification", SafeToRetry = true };
            var response = await SendAsync(Method.Post, "api/rb/workflow/identification/search/", query.ToJson().ToJsonString(), traits, cancellationToken).ConfigureAwait(false);
            return FnsReader.Workflow(FnsReader.Result(response.Content, traits.Operation));
        }

        /// <summary>PUT /api/rb/workflow/{id}/state: identify, scan_confirm_received or complete_external_activity.</summary>
        public async Task<FnsWorkflow> SetStateAsync(long workflowId, string state, long? identificationPoint = null, string? idpInfo = null, string? agentInfo = null,
            string? agentExternalData = null, CancellationToken cancellationToken = default)
        {
            var check = new ValidationResult();
            if (workflowId <= 0) check.Add("WorkflowId", workflowId.ToString(CultureInfo.InvariantCulture), "must be a positive number");
            if (!SettableStates.Contains(state)) check.Add("State", state, "must be one of " + string.Join(", ", SettableStates));
            if ((idpInfo == null) != (agentInfo == null)) check.Add(idpInfo == null ? "IdpInfo" : "AgentInfo", null, "IdpInfo and AgentInfo go together (identification under a shared technical account)");
            if (state != "identify" && (identificationPoint.HasValue || idpInfo != null)) check.Add("State", state, "identification point and agent data go only with identify");
            check.ThrowIfInvalid();
            var body = new JsonObject { ["state"] = state };
            if (identificationPoint.HasValue) body["identification_point"] = identificationPoint.Value;
            if (idpInfo != null) body["idp_info"] = idpInfo;
            if (agentInfo != null) body["agent_info"] = agentInfo;
            if (agentExternalData != null) body["agent_external_data"] = agentExternalData;
            var traits = new RequestTraits { Operation = "set workflow state " + state, SafeToRetry = false, EntityId = "workflow " + workflowId };
            var response = await SendAsync(Method.Put, $"api/rb/workflow/{workflowId}/state", body.ToJsonString(), traits, cancellationToken).ConfigureAwait(false);
            var workflow = FnsReader.Workflow(FnsReader.Result(response.Content, traits.Operation));
            workflow.Id = workflowId;
            return workflow;
        }

        /// <summary>PUT /api/rb/workflow/remove; a workflow that cannot be removed is reported, not thrown.</summary>
        public async Task<IReadOnlyList<FnsRemoveResult>> RemoveWorkflowsAsync(IReadOnlyList<long> workflowIds, CancellationToken cancellationToken = default)
        {
            var check = new ValidationResult();
            if (workflowIds.Count == 0) check.Add("WorkflowId", null, "give at least one workflow id");
            foreach (var id in workflowIds.Where(i => i <= 0)) check.Add("WorkflowId", id.ToString(CultureInfo.InvariantCulture), "must be a positive number");
            check.ThrowIfInvalid();
            var body = new JsonObject { ["workflow_id_list"] = new JsonArray(workflowIds.Select(i => (JsonNode)JsonValue.Create(i)!).ToArray()) };
            var traits = new RequestTraits { Operation = "remove workflows", SafeToRetry = true };
            var response = await SendAsync(Method.Put, "api/rb/workflow/remove", body.ToJsonString(), traits, cancellationToken).ConfigureAwait(false);
            var result = FnsReader.Result(response.Content, traits.Operation);
            var removed = new HashSet<long>(LongArray(result, "success_id_list"));
            return workflowIds.Select(i => new FnsRemoveResult { WorkflowId = i, Removed = removed.Contains(i) }).ToArray();
        }

        /// <summary>GET /api/rb/workflow/{id}/document.</summary>
        public async Task<IReadOnlyList<FnsDocument>> GetDocumentsAsync(long workflowId, CancellationToken cancellationToken = default)
        {
            CheckId("WorkflowId", workflowId);
            var traits = Read("get documents", workflowId);
            var response = await SendAsync(Method.Get, $"api/rb/workflow/{workflowId}/document", null, traits, cancellationToken).ConfigureAwait(false);
            return FnsReader.Documents(FnsReader.Result(response.Content, traits.Operation), workflowId);
        }

        /// <summary>
        /// Streams a file the service links to (a document's path or signature, a certificate or template link) into
        /// <paramref name="destination"/>; only links on the session's own host are followed.
        /// </summary>
        public async Task<long> DownloadAsync(string servicePath, string destination, CancellationToken cancellationToken = default)
        {
            var uri = ResolveLink(servicePath);
            var temp = destination + ".partial-" + Guid.NewGuid().ToString("N").Substring(0, 8);
            var download = new StreamingDownload(temp);
            var request = new RestRequest(uri, Method.Get) { AdvancedResponseWriter = download.Write };
            try
            {
                await session.Pipeline.ExecuteAsync(request, new RequestTraits { Operation = "download " + Path.GetFileName(uri.AbsolutePath), SafeToRetry = true }, cancellationToken).ConfigureAwait(false);
                if (File.Exists(destination)) File.Delete(destination);
                File.Move(temp, destination);
                return download.Bytes;
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
        }

        /// <summary>Polls GET workflow/{id}/full until the state is final (complete, rejected, error) or the time is up.</summary>
        public async Task<(FnsWorkflow Workflow, bool TimedOut)> WaitAsync(long workflowId, TimeSpan timeout, TimeSpan pollingInterval, IProgress<FnsWorkflow>? progress = null, CancellationToken cancellationToken = default)
        {
            CheckId("WorkflowId", workflowId);
            if (timeout <= TimeSpan.Zero) new ValidationError("TimeoutSec", timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture), "must be positive").Throw();
            if (pollingInterval <= TimeSpan.Zero) new ValidationError("PollingIntervalSec", pollingInterval.TotalSeconds.ToString(CultureInfo.InvariantCulture), "must be positive").Throw();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (true)
            {
                var workflow = await GetWorkflowAsync(workflowId, cancellationToken).ConfigureAwait(false);
                progress?.Report(workflow);
                if (workflow.IsFinal) return (workflow, false);
                var left = timeout - clock.Elapsed;
                if (left <= TimeSpan.Zero) return (workflow, true);
                await Task.Delay(left < pollingInterval ? left : pollingInterval, cancellationToken).ConfigureAwait(false);
            }
        }

        internal Uri ResolveLink(string servicePath)
        {
            if (string.IsNullOrWhiteSpace(servicePath)) new ValidationError("Path", servicePath, "is empty: the service gave no link (is the document signed yet?)").Throw();
            var uri = new Uri(session.BaseUri, servicePath.Trim());
            if (!string.Equals(uri.Scheme, session.BaseUri.Scheme, StringComparison.OrdinalIgnoreCase) || !string.Equals(uri.Authority, session.BaseUri.Authority, StringComparison.OrdinalIgnoreCase))
                throw new GosApiException(GosApiService.FnsMobileSign, GosApiErrorKind.Security, $"The link {UrlRedactor.Redact(uri)} points outside {session.BaseUri.Authority}; it was not followed");
            return uri;
        }

        private async Task<int> PagesAsync(RestRequest first, string operation, Func<JsonElement, bool> onItem, CancellationToken cancellationToken)
        {
            var request = first;
            var count = 0;
            for (var page = 1; page <= MaxPages; page++)
            {
                var response = await session.Pipeline.ExecuteAsync(request, new RequestTraits { Operation = operation, SafeToRetry = true }, cancellationToken).ConfigureAwait(false);
                var (items, next) = FnsReader.Page(FnsReader.Result(response.Content, operation));
                foreach (var item in items)
                {
                    count++;
                    if (!onItem(item)) return count;
                }
                if (string.IsNullOrEmpty(next) || items.Count == 0) return count;
                request = new RestRequest(ResolveLink(next!), Method.Get);
            }
            return count;
        }

        private Task<RestResponse> SendAsync(Method method, string path, string? json, RequestTraits traits, CancellationToken cancellationToken)
        {
            var request = new RestRequest(path, method);
            if (json != null) request.AddStringBody(json, ContentType.Json);
            return session.Pipeline.ExecuteAsync(request, traits, cancellationToken);
        }

        private static RequestTraits Read(string operation, long workflowId) => new RequestTraits { Operation = operation, SafeToRetry = true, EntityId = "workflow " + workflowId };

        private static void CheckId(string field, long id)
        {
            if (id <= 0) new ValidationError(field, id.ToString(CultureInfo.InvariantCulture), "must be a positive number").Throw();
        }

        private static IEnumerable<long> LongArray(JsonElement e, string name) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
                ? v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.Number).Select(x => x.GetInt64())
                : Enumerable.Empty<long>();
    }
}
