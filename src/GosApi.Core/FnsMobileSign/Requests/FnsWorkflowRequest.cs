using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using GosApi.FnsMobileSign.Models;
using GosApi.Validation;

namespace GosApi.FnsMobileSign.Requests
{
    /// <summary>POST /api/rb/workflow for any scenario type; checked against the spec's tables before sending.</summary>
    public sealed class FnsWorkflowRequest
    {
        public const int MaxDocuments = 50;

        public FnsWorkflowType Type { get; set; }
        /// <summary>A scenario number other than the session's for the type.</summary>
        public int? Scenario { get; set; }
        public Uri? Callback { get; set; }
        /// <summary>UUID idempotency key; generated when absent (see <see cref="EnsureExternalId"/>).</summary>
        public string? ExternalId { get; set; }
        /// <summary>The client's id, for every type but identification.</summary>
        public string? ConsumerId { get; set; }
        /// <summary>The person to register (identification only).</summary>
        public FnsPersonData? Person { get; set; }
        public FnsEntrepreneurData? Entrepreneur { get; set; }
        public FnsLegalEntityData? LegalEntity { get; set; }
        public List<FnsDocumentUpload> Documents { get; } = new List<FnsDocumentUpload>();
        /// <summary>backref: where the app sends the user after signing.</summary>
        public Uri? Backref { get; set; }
        /// <summary>data.attributes b2b_contractor_name: who sends the documents.</summary>
        public string? ContractorName { get; set; }
        public Uri? ExternalActivityUrl { get; set; }
        public IDictionary<string, string> ExternalActivityHeaders { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Fills <see cref="ExternalId"/> with a new UUID when none was given; returns it.</summary>
        public string EnsureExternalId() => ExternalId ??= Guid.NewGuid().ToString();

        public ValidationResult Validate()
        {
            var result = new ValidationResult();
            if (Type == FnsWorkflowType.Unknown) result.Add("Type", null, "is required");
            if (ExternalId != null && !Guid.TryParseExact(ExternalId, "D", out _)) result.Add("ExternalId", ExternalId, "must be a UUID like 2f973415-4d6b-4541-90c1-010ef6f85455");
            CheckHttpUri(result, "Callback", Callback);
            CheckHttpUri(result, "Backref", Backref);
            if (Scenario.HasValue && Scenario.Value <= 0) result.Add("Scenario", Scenario.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "must be a positive number");
            if (Type == FnsWorkflowType.Identification)
            {
                if (Person == null) result.Add("Person", null, "is required to register a client");
                else Person.Check(result, "Person.");
                if (!Rules.IsBlank(ConsumerId)) result.Add("ConsumerId", ConsumerId, "must be empty when registering a client (the service assigns it)");
            }
            else if (Type != FnsWorkflowType.Unknown)
            {
                if (Rules.IsBlank(ConsumerId)) result.Add("ConsumerId", ConsumerId, "is required (the client's id from registration or Find-FnsConsumer)");
                else if (!Guid.TryParse(ConsumerId, out _)) result.Add("ConsumerId", ConsumerId, "must be the client's UUID");
                if (Person != null) result.Add("Person", null, "is only for registration (identification)");
            }
            if (Entrepreneur != null && LegalEntity != null && Type != FnsWorkflowType.DocumentSigning) result.Add("LegalEntity", null, "give either the entrepreneur or the legal-entity block, not both");
            Entrepreneur?.Check(result, "Entrepreneur.");
            LegalEntity?.Check(result, "LegalEntity.", full: Type != FnsWorkflowType.DocumentSigning);
            var needsDocuments = Type == FnsWorkflowType.DocumentSigning || Type == FnsWorkflowType.FileDecryption;
            if (needsDocuments && Documents.Count == 0) result.Add("Documents", null, "give at least one file");
            if (!needsDocuments && Documents.Count > 0) result.Add("Documents", null, "files go only with document signing or decryption");
            if (Documents.Count > MaxDocuments) result.Add("Documents", Documents.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), "at most " + MaxDocuments + " files per workflow");
            for (var i = 0; i < Documents.Count; i++) Documents[i].Check(result, $"Documents[{i}]");
            if (Type == FnsWorkflowType.ExternalActivity)
            {
                if (ExternalActivityUrl == null) result.Add("Url", null, "is required for an external activity");
                else CheckHttpUri(result, "Url", ExternalActivityUrl);
            }
            else if (ExternalActivityUrl != null) result.Add("Url", ExternalActivityUrl.ToString(), "goes only with an external activity");
            if (ExternalActivityHeaders.Count > 0 && ExternalActivityUrl == null) result.Add("Header", null, "goes only with -Url of an external activity");
            return result;
        }

        internal JsonObject ToJson(int scenario)
        {
            var json = new JsonObject { ["scenario"] = scenario };
            if (Callback != null) json["callback"] = Callback.AbsoluteUri;
            json["external_id"] = EnsureExternalId();
            if (Person != null) json["consumer"] = Person.ToJson();
            else json["consumer"] = ConsumerId!.Trim();
            if (Entrepreneur != null) json["entrepreneur"] = Entrepreneur.ToJson();
            if (LegalEntity != null) json["legal_entity"] = LegalEntity.ToJson();
            AddSigningFields(json, Backref, ContractorName, Documents);
            if (ExternalActivityUrl != null)
            {
                var headers = new JsonObject();
                foreach (var pair in ExternalActivityHeaders) headers[pair.Key] = pair.Value;
                json["external_activity"] = new JsonObject { ["url"] = ExternalActivityUrl.AbsoluteUri, ["headers"] = headers };
            }
            return json;
        }

        internal static void AddSigningFields(JsonObject json, Uri? backref, string? contractorName, IReadOnlyList<FnsDocumentUpload> documents)
        {
            if (backref != null) json["backref"] = backref.AbsoluteUri;
            if (!Rules.IsBlank(contractorName))
                json["data"] = new JsonObject { ["attributes"] = new JsonArray(new JsonObject { ["key"] = "b2b_contractor_name", ["value"] = contractorName!.Trim() }) };
            if (documents.Count > 0) json["documents"] = new JsonArray(documents.Select(d => (JsonNode)d.ToJson()).ToArray());
        }

        internal static void CheckHttpUri(ValidationResult result, string field, Uri? uri)
        {
            if (uri == null) return;
            if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                result.Add(field, uri.OriginalString, "must be an absolute http or https address");
        }
    }

    /// <summary>POST /api/rb/workflow/fns: documents for signature knowing only the signer's INN and phone.</summary>
    public sealed class FnsSimplifiedSigningRequest
    {
        public string? Inn { get; set; }
        public string? Phone { get; set; }
        public int? Scenario { get; set; }
        public Uri? Callback { get; set; }
        public string? ExternalId { get; set; }
        public Uri? Backref { get; set; }
        public string? ContractorName { get; set; }
        /// <summary>Which of the signer's legal entities (by INN) the documents are for.</summary>
        public FnsLegalEntityData? LegalEntity { get; set; }
        public List<FnsDocumentUpload> Documents { get; } = new List<FnsDocumentUpload>();

        public string EnsureExternalId() => ExternalId ??= Guid.NewGuid().ToString();

        public ValidationResult Validate()
        {
            var result = new ValidationResult();
            if (Rules.IsBlank(Inn)) result.Add("Inn", Inn, "is required");
            else result.Add(Validation.Inn.Validate(Inn = Inn!.Trim(), "Inn"));
            Phone = FnsFields.Phone(result, "Phone", Phone, required: true);
            if (ExternalId != null && !Guid.TryParseExact(ExternalId, "D", out _)) result.Add("ExternalId", ExternalId, "must be a UUID like 2f973415-4d6b-4541-90c1-010ef6f85455");
            FnsWorkflowRequest.CheckHttpUri(result, "Callback", Callback);
            FnsWorkflowRequest.CheckHttpUri(result, "Backref", Backref);
            LegalEntity?.Check(result, "LegalEntity.", full: false);
            if (Documents.Count == 0) result.Add("Documents", null, "give at least one file");
            if (Documents.Count > FnsWorkflowRequest.MaxDocuments) result.Add("Documents", Documents.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), "at most " + FnsWorkflowRequest.MaxDocuments + " files per workflow");
            for (var i = 0; i < Documents.Count; i++) Documents[i].Check(result, $"Documents[{i}]");
            return result;
        }

        internal JsonObject ToJson(int scenario)
        {
            var json = new JsonObject { ["scenario"] = scenario, ["inn"] = Inn, ["phone"] = Phone };
            if (Callback != null) json["callback"] = Callback.AbsoluteUri;
            json["external_id"] = EnsureExternalId();
            if (LegalEntity != null) json["legal_entity"] = LegalEntity.ToJson();
            FnsWorkflowRequest.AddSigningFields(json, Backref, ContractorName, Documents);
            return json;
        }
    }
}
