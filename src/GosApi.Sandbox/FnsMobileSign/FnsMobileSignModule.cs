using GosApi.Sandbox.FnsMobileSign.Callbacks;
using GosApi.Sandbox.FnsMobileSign.Crypto;
using GosApi.Sandbox.FnsMobileSign.Domain;
using GosApi.Sandbox.FnsMobileSign.Http;
using GosApi.Sandbox.Infrastructure;

namespace GosApi.Sandbox.FnsMobileSign;

/// <summary>ФНС «Мобильная подпись» partner API v2.23 (seed 003) under /api/rb, and its /sandbox/fns control endpoints.</summary>
internal static class FnsMobileSignModule
{
    public static IServiceCollection AddFnsMobileSign(this IServiceCollection services)
    {
        services.AddSingleton<FnsIds>();
        services.AddSingleton<FnsPartnerRegistry>();
        services.AddSingleton<FnsCallbackQueue>();
        services.AddSingleton<FnsCertificateIssuer>();
        services.AddSingleton<FnsWorkflowEngine>();
        services.AddSingleton<FnsHooks>();
        services.AddSingleton<FnsWorkflowCreator>();
        services.AddSingleton<FnsReadEndpoints>();
        services.AddSingleton<FnsActionEndpoints>();
        services.AddSingleton<FnsAccountEndpoints>();
        services.AddSingleton<FnsAuthFilter>();
        services.AddSingleton<IApiErrorFormatter, FnsErrorFormatter>();
        services.AddHostedService<FnsCallbackService>();
        return services;
    }

    public static void MapFnsMobileSign(this IEndpointRouteBuilder app)
    {
        var root = app.MapGroup(FnsPaths.Prefix).AddEndpointFilter<FnsErrorFilter>();
        Both(root, "POST", "/auth", FnsAuthEndpoint.LoginAsync);

        var api = root.MapGroup("").AddEndpointFilter<FnsAuthFilter>();
        Both(api, "POST", "/workflow", (HttpContext c, FnsWorkflowCreator creator) => creator.CreateAsync(c));
        Both(api, "POST", "/workflow/fns", (HttpContext c, FnsWorkflowCreator creator) => creator.CreateSimplifiedAsync(c));
        Both(api, "GET", "/workflow", (HttpContext c, FnsReadEndpoints r) => r.List(c));
        Both(api, "GET", "/workflow/{id:long}/full", (long id, HttpContext c, FnsReadEndpoints r) => r.Full(id, c));
        Both(api, "GET", "/workflow/{id:long}/document", (long id, HttpContext c, FnsReadEndpoints r) => r.Documents(id, c));
        Both(api, "GET", "/document/{id:long}/path/{title}", (long id, HttpContext c, FnsReadEndpoints r) => r.DocumentFile(id, c));
        Both(api, "GET", "/document/{id:long}/signature/{name}", (long id, string name, HttpContext c, FnsReadEndpoints r) => r.SignatureFile(id, name, c));

        Both(api, "POST", "/workflow/identification/search", (HttpContext c, FnsActionEndpoints a) => a.IdentificationSearchAsync(c));
        Both(api, "PUT", "/workflow/{id:long}/state", (long id, HttpContext c, FnsActionEndpoints a) => a.ChangeStateAsync(id, c));
        Both(api, "GET", "/workflow/{id:long}/confirmation-document", (long id, HttpContext c, FnsActionEndpoints a) => a.Scans(id, c, "confirmation-document"));
        Both(api, "GET", "/workflow/{id:long}/document-scan", (long id, HttpContext c, FnsActionEndpoints a) => a.Scans(id, c, "document-scan"));
        Both(api, "PUT", "/confirmation-document/{id:long}", (long id, HttpContext c, FnsActionEndpoints a) => a.UploadScanAsync(id, c, "confirmation-document"));
        Both(api, "PUT", "/document-scan/{id:long}", (long id, HttpContext c, FnsActionEndpoints a) => a.UploadScanAsync(id, c, "document-scan"));
        foreach (var kind in new[] { "confirmation-document", "document-scan" })
        {
            Both(api, "GET", $"/{kind}/{{id:long}}/template", (long id, HttpContext c, FnsActionEndpoints a) => a.Template(id, c, kind, text: false));
            Both(api, "GET", $"/{kind}/{{id:long}}/template-text", (long id, HttpContext c, FnsActionEndpoints a) => a.Template(id, c, kind, text: true));
            Both(api, "GET", $"/{kind}/{{id:long}}/path/{{title}}", (long id, HttpContext c, FnsActionEndpoints a) => a.ScanFile(id, c, kind));
        }
        Both(api, "PUT", "/workflow/{id:long}/certificate", (long id, HttpContext c, FnsActionEndpoints a) => a.UploadCertificateAsync(id, c));
        Both(api, "PUT", "/workflow/remove", (HttpContext c, FnsActionEndpoints a) => a.RemoveAsync(c));
        Both(api, "GET", "/certificate/{id:long}/certificate_file", (long id, HttpContext c, FnsActionEndpoints a) => a.CertificateFile(id, c, request: false));
        Both(api, "GET", "/certificate/{id:long}/request_file", (long id, HttpContext c, FnsActionEndpoints a) => a.CertificateFile(id, c, request: true));

        Both(api, "POST", "/consumer/search", (HttpContext c, FnsAccountEndpoints a) => a.ConsumerSearchAsync(c));
        Both(api, "POST", "/consumer/{id}/push_notification", (string id, HttpContext c, FnsAccountEndpoints a) => a.PushAsync(id, c));
        Both(api, "POST", "/staff/agent", (HttpContext c, FnsAccountEndpoints a) => a.CreateAgentAsync(c));
        Both(api, "PUT", "/staff/agent/{id:long}", (long id, HttpContext c, FnsAccountEndpoints a) => a.ChangeAgentAsync(id, c));
        Both(api, "PATCH", "/staff/agent/{id:long}", (long id, HttpContext c, FnsAccountEndpoints a) => a.ChangeAgentAsync(id, c));
        Both(api, "GET", "/staff/agent", (HttpContext c, FnsAccountEndpoints a) => a.ListAgents(c));
        Both(api, "POST", "/certificate/revoke", (HttpContext c, FnsAccountEndpoints a) => a.RevokeAsync(c));
        Both(api, "POST", "/signatures-merge", (HttpContext c, FnsAccountEndpoints a) => a.MergeAsync(c));

        FnsControlEndpoints.Map(app);
    }

    /// <summary>Routing matches the path with and without a trailing slash (the spec writes both).</summary>
    private static void Both(IEndpointRouteBuilder group, string method, string pattern, Delegate handler) =>
        group.MapMethods(pattern, [method], handler);
}
