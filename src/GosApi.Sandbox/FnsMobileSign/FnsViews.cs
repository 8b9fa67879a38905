using System.Text.Json.Nodes;
using GosApi.Sandbox.FnsMobileSign.Domain;
using Org.BouncyCastle.Asn1.X509;

namespace GosApi.Sandbox.FnsMobileSign;

/// <summary>The JSON shapes of the spec's examples (snake_case, dates with microseconds).</summary>
internal static class FnsViews
{
    private static readonly JsonObject Company = new()
    {
        ["id"] = 1, ["name"] = "Заказчик", ["inn"] = "7721641988", ["ogrn"] = "1563866968440",
    };

    public static JsonObject Consumer(FnsConsumer consumer)
    {
        var view = new JsonObject { ["id"] = consumer.Id };
        foreach (var (key, value) in consumer.Data) view[key] = value?.DeepClone();
        if (view["addresses"] is JsonArray addresses)
            foreach (var address in addresses.OfType<JsonObject>())
                if (address["region"] is { } region) address["full_region"] = region.ToString();
        view["space"] = 1;
        view["identification_info"] = null;
        view["created"] = FnsJson.Time(consumer.Created);
        view["updated"] = FnsJson.Time(consumer.Updated);
        view["state"] = consumer.State;
        view["is_remotely_identified"] = false;
        return view;
    }

    /// <summary>consumer/search: the consumer with its entrepreneur, legal entities and certificates.</summary>
    public static JsonObject ConsumerWithCertificates(FnsConsumer consumer)
    {
        var view = Consumer(consumer);
        view["entrepreneur"] = consumer.Entrepreneur?.DeepClone();
        view["legal_entities"] = new JsonArray(consumer.LegalEntities.Select(l => (JsonNode)l.DeepClone()).ToArray());
        view["certificates"] = new JsonArray(consumer.Certificates.Where(c => c.State != "request-created")
            .OrderByDescending(c => c.Id).Select(c => (JsonNode)Certificate(c, detailed: true)).ToArray());
        view["identification_point"] = consumer.IdentificationPoint?.DeepClone();
        return view;
    }

    public static JsonObject Certificate(FnsCertificate certificate, bool detailed)
    {
        var view = new JsonObject
        {
            ["id"] = certificate.Id,
            ["type"] = certificate.Type,
            ["state"] = certificate.State,
            ["is_received"] = certificate.IsReceived,
            ["is_confirmed"] = certificate.IsConfirmed,
            ["not_after"] = certificate.State == "issued" && certificate.Issued is { } c ? c.NotAfter.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'") : null,
        };
        if (!detailed) return view;
        var issued = certificate.Issued is { } cert && certificate.State == "issued" ? X509CertificateStructure.GetInstance(cert.Certificate) : null;
        view["request_data"] = new JsonObject { ["subject"] = issued is null ? null : Name(issued.Subject) };
        view["certificate_data"] = issued is null ? null : new JsonObject
        {
            ["issuer"] = Name(issued.Issuer),
            ["serial"] = certificate.Issued!.SerialNumber,
            ["subject"] = Name(issued.Subject),
            ["not_after"] = certificate.Issued.NotAfter.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
            ["request_link"] = $"/api/rb/certificate/{certificate.Id}/request_file",
            ["certificate_link"] = $"/api/rb/certificate/{certificate.Id}/certificate_file",
            ["key_pair_id"] = certificate.Issued.SerialNumber.ToLowerInvariant(),
        };
        return view;
    }

    private static JsonObject Name(X509Name name)
    {
        var result = new JsonObject();
        var oids = name.GetOidList();
        var values = name.GetValueList();
        for (var i = 0; i < oids.Count; i++)
        {
            var key = X509Name.DefaultSymbols.TryGetValue(oids[i], out var symbol) ? symbol : oids[i].Id;
            result[key] = values[i];
        }
        return result;
    }

    public static JsonObject Document(FnsDocument document) => new()
    {
        ["id"] = document.Id,
        ["title"] = document.Title,
        ["description"] = document.Description,
        ["type"] = "not-rejectable",
        ["path"] = document.PathLink,
        ["signature"] = document.SignatureLink,
        ["created"] = FnsJson.Time(document.Created),
        ["updated"] = FnsJson.Time(document.Updated),
        ["visualization"] = null,
        ["is_viewed"] = document.IsViewed,
        ["encrypted"] = document.Encrypted,
    };

    /// <summary>The answer to POST workflow (and workflow/fns).</summary>
    public static JsonObject Created(FnsWorkflow workflow)
    {
        var view = new JsonObject
        {
            ["id"] = workflow.Id,
            ["scenario"] = workflow.Scenario.Id,
            ["type"] = workflow.Wire,
            ["consumer"] = workflow.CreatedConsumer ? Consumer(workflow.Consumer) : workflow.Consumer.Id,
            ["callback"] = workflow.Callback,
            ["external_id"] = workflow.ExternalId,
            ["group"] = 1,
            ["space"] = workflow.Type == FnsWorkflowType.Identification ? 1 : 2,
            ["title"] = workflow.Title,
            ["state"] = workflow.State,
            ["created"] = FnsJson.Time(workflow.Created),
            ["updated"] = FnsJson.Time(workflow.Updated),
        };
        AddTypeSpecific(view, workflow);
        return view;
    }

    private static void AddTypeSpecific(JsonObject view, FnsWorkflow workflow)
    {
        if (workflow.Type is FnsWorkflowType.DocumentSigning or FnsWorkflowType.FileDecryption)
            view["documents"] = Documents(workflow.Documents);
        if (workflow.Type == FnsWorkflowType.FileDecryption)
            view["decrypted_documents"] = Documents(workflow.DecryptedDocuments);
        if (workflow.ExternalActivity is { } activity) view["external_activity"] = activity.DeepClone();
        if (workflow.Backref is { } backref) view["backref"] = backref;
        if (workflow.Type == FnsWorkflowType.DocumentSigning && workflow.LegalEntity is { } legalEntity) view["legal_entity"] = legalEntity.DeepClone();
    }

    public static JsonArray Documents(IEnumerable<FnsDocument> documents) =>
        new(documents.Select(d => (JsonNode)Document(d)).ToArray());

    private static JsonObject Scenario(FnsWorkflow workflow) => new()
    {
        ["id"] = workflow.Scenario.Id,
        ["title"] = workflow.Scenario.Title,
        ["can_personal_identification"] = workflow.Type is FnsWorkflowType.Identification or FnsWorkflowType.TlsCertificateReissuing,
        ["company"] = Company.DeepClone(),
    };

    /// <summary>GET workflow/{id}/full.</summary>
    public static JsonObject Full(FnsWorkflow workflow, IEnumerable<long> children)
    {
        var view = new JsonObject
        {
            ["id"] = workflow.Id,
            ["type"] = workflow.Wire,
            ["state"] = workflow.State,
            ["state_display"] = FnsStates.Display(workflow.State),
            ["scenario"] = Scenario(workflow),
            ["consumer_role_type"] = workflow.ConsumerRoleType,
            ["consumer"] = Consumer(workflow.Consumer),
            ["entrepreneur"] = workflow.Entrepreneur?.DeepClone(),
            ["legal_entity"] = workflow.LegalEntity?.DeepClone(),
            ["certificate"] = workflow.Certificate is { } c && workflow.Type != FnsWorkflowType.DocumentSigning ? Certificate(c, detailed: false) : null,
            ["callback"] = workflow.Callback,
            ["external_id"] = workflow.ExternalId,
            ["created"] = FnsJson.Time(workflow.Created),
            ["updated"] = FnsJson.Time(workflow.Updated),
            ["extended"] = new JsonObject
            {
                ["identification"] = new JsonObject
                {
                    ["identification_by_agent"] = new JsonObject { ["title"] = "Личное обращение в пункт идентификации", ["show"] = true },
                },
            },
            ["parent"] = workflow.ParentId,
            ["parent_id"] = workflow.ParentId,
            ["child_id"] = workflow.ChildId,
            ["children"] = new JsonArray(children.Select(id => (JsonNode)id).ToArray()),
            ["title"] = workflow.Title,
            ["is_remotely_identified"] = false,
            ["company"] = workflow.Agent is null ? null : Company.DeepClone(),
            ["agent"] = workflow.Agent?.DeepClone(),
            ["identification_point"] = workflow.IdentificationPoint?.DeepClone(),
            ["idp_info"] = workflow.IdpInfo,
            ["agent_info"] = workflow.AgentInfo,
            ["agent_external_data"] = workflow.AgentExternalData,
            ["error_code"] = workflow.ErrorCode,
            ["error_message"] = workflow.ErrorMessage,
            ["can_download_final_report"] = false,
        };
        AddTypeSpecific(view, workflow);
        return view;
    }

    /// <summary>An item of GET workflow?consumer=…</summary>
    public static JsonObject ListItem(FnsWorkflow workflow) => new()
    {
        ["id"] = workflow.Id,
        ["type"] = workflow.Wire,
        ["state"] = workflow.State,
        ["state_display"] = FnsStates.Display(workflow.State),
        ["scenario"] = Scenario(workflow),
        ["consumer"] = new JsonObject
        {
            ["id"] = workflow.Consumer.Id,
            ["last_name"] = workflow.Consumer.Text("last_name"),
            ["first_name"] = workflow.Consumer.Text("first_name"),
            ["middle_name"] = workflow.Consumer.Text("middle_name"),
            ["identification_point"] = workflow.Consumer.IdentificationPoint?.DeepClone(),
            ["is_remotely_identified"] = false,
        },
        ["external_id"] = workflow.ExternalId,
        ["created"] = FnsJson.Time(workflow.Created),
        ["updated"] = FnsJson.Time(workflow.Updated),
        ["consumer_role_type"] = workflow.ConsumerRoleType,
        ["parent"] = workflow.ParentId,
        ["can_remotely_identification"] = false,
        ["certificate"] = workflow.Certificate is { } c && workflow.Type != FnsWorkflowType.DocumentSigning ? Certificate(c, detailed: false) : null,
        ["is_rejectable"] = null,
        ["autosign"] = false,
        ["group"] = new JsonObject { ["id"] = 1, ["title"] = "Регистрация бизнеса" },
        ["company"] = null,
    };

    /// <summary>PUT workflow/{id}/state.</summary>
    public static JsonObject StateChange(FnsWorkflow workflow)
    {
        var view = new JsonObject
        {
            ["type"] = workflow.Wire,
            ["error_message"] = workflow.ErrorMessage,
            ["error_code"] = workflow.ErrorCode,
            ["updated"] = FnsJson.Time(workflow.Updated),
            ["state"] = workflow.State,
            ["state_display"] = FnsStates.Display(workflow.State),
            ["message"] = null,
            ["idp_info"] = workflow.IdpInfo,
            ["agent_info"] = workflow.AgentInfo,
            ["agent_external_data"] = workflow.AgentExternalData,
        };
        if (workflow.Type == FnsWorkflowType.ExternalActivity)
        {
            view["documents"] = new JsonArray();
            view["encrypted_documents"] = null;
            view["external_activity"] = workflow.ExternalActivity?.DeepClone();
        }
        return view;
    }

    /// <summary>The callback body of the spec's examples.</summary>
    public static JsonObject Callback(FnsWorkflow workflow, string state)
    {
        if (state == FnsStates.Installed)
            return new JsonObject { ["consumer"] = workflow.Consumer.Id, ["type"] = workflow.Wire, ["id"] = workflow.Id, ["state"] = state };
        var view = new JsonObject
        {
            ["id"] = workflow.Id,
            ["state"] = state,
            ["type"] = workflow.Wire,
            ["parent_id"] = workflow.ParentId,
            ["consumer"] = workflow.Consumer.Id,
            ["child_id"] = workflow.ChildId,
            ["external_id"] = workflow.ExternalId,
            ["error_code"] = workflow.ErrorCode,
            ["error_message"] = workflow.ErrorMessage,
        };
        if (workflow.Type is FnsWorkflowType.Identification or FnsWorkflowType.CertificateIssuing)
        {
            view["is_remotely_identified"] = false;
            view["agent"] = workflow.Agent?.DeepClone();
            view["company"] = null;
            view["identification_point"] = workflow.IdentificationPoint?.DeepClone();
        }
        return view;
    }

    public static JsonObject Scan(FnsScan scan)
    {
        if (scan.Kind == "confirmation-document")
            return new JsonObject
            {
                ["id"] = scan.Id,
                ["document"] = new JsonObject { ["title"] = scan.DocumentTitle },
                ["state"] = scan.Received ? "received" : "created",
                ["type"] = scan.Type,
                ["created"] = FnsJson.Time(scan.Created),
                ["updated"] = FnsJson.Time(scan.Updated),
                ["template_url"] = scan.TemplateUrl,
                ["template_text_url"] = scan.TemplateTextUrl,
                ["title"] = scan.Title,
                ["path"] = scan.PathLink,
            };
        return new JsonObject
        {
            ["id"] = scan.Id,
            ["template_url"] = scan.TemplateUrl,
            ["template_text_url"] = scan.TemplateTextUrl,
            ["document_title"] = scan.DocumentTitle,
            ["created"] = FnsJson.Time(scan.Created),
            ["updated"] = FnsJson.Time(scan.Updated),
            ["document_received"] = scan.Received,
            ["title"] = scan.Title,
            ["path"] = scan.PathLink,
        };
    }
}
