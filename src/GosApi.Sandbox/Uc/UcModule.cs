using GosApi.Sandbox.Infrastructure;
using GosApi.Sandbox.Uc.Domain;
using GosApi.Sandbox.Uc.Http;

namespace GosApi.Sandbox.Uc;

/// <summary>УЦ «Основание» External API v2 (seed 004) under /api/external/v2, and its /sandbox/uc control endpoints.</summary>
internal static class UcModule
{
    public const string Prefix = "/api/external/v2";

    public static bool IsUc(PathString path) => path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);

    public static IServiceCollection AddUc(this IServiceCollection services)
    {
        services.AddSingleton<UcStore>();
        services.AddSingleton<UcEndpoints>();
        services.AddSingleton<UcFileEndpoints>();
        services.AddSingleton<IApiErrorFormatter, UcErrorFormatter>();
        return services;
    }

    public static void MapUc(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix);
        api.MapPost("/request/list", (HttpContext c, UcEndpoints e) => e.ListAsync(c));
        api.MapPost("/request/create", (HttpContext c, UcEndpoints e) => e.CreateAsync(c));
        api.MapPost("/request/change", (HttpContext c, UcEndpoints e) => e.ChangeAsync(c));
        api.MapPost("/request/view", (HttpContext c, UcEndpoints e) => e.ViewAsync(c));
        api.MapPost("/request/status", (HttpContext c, UcEndpoints e) => e.StatusAsync(c));
        api.MapPost("/request/attach_file", (HttpContext c, UcFileEndpoints e) => e.AttachFileAsync(c));
        api.MapPost("/request/result", (HttpContext c, UcFileEndpoints e) => e.ResultAsync(c));
        api.MapPost("/request/client_docs", (HttpContext c, UcFileEndpoints e) => e.ClientDocsAsync(c));
        api.MapPost("/request/attach_certificate", (HttpContext c, UcFileEndpoints e) => e.AttachCertificateAsync(c));
        api.MapPost("/fns/find", (HttpContext c, UcEndpoints e) => e.FindAsync(c));
        api.MapPost("/products", (HttpContext c, UcEndpoints e) => e.ProductsAsync(c));

        var control = app.MapGroup(SandboxPaths.ControlPrefix + "/uc");
        control.MapPost("/managers", async (HttpRequest request, UcStore store) =>
        {
            var body = await SandboxControlEndpoints.ReadOptionalJsonAsync<ManagerDto>(request) ?? new ManagerDto();
            var manager = store.Register(body.Login, body.Password);
            return Results.Json(new { login = manager.Login, password = manager.Password });
        });
        control.MapPost("/requests/{id:long}/refuse", async (long id, HttpRequest request, UcStore store) =>
        {
            var body = await SandboxControlEndpoints.ReadOptionalJsonAsync<RefuseDto>(request) ?? new RefuseDto();
            try { store.Refuse(id, body.Comment ?? "Отказ (sandbox)"); }
            catch (KeyNotFoundException ex) { throw new ApiException(StatusCodes.Status404NotFound, "not_found", ex.Message); }
            catch (InvalidOperationException ex) { throw new ApiException(StatusCodes.Status409Conflict, "conflict", ex.Message); }
            return Results.NoContent();
        });
        control.MapGet("/requests/{id:long}/attachments", (long id, UcStore store) =>
        {
            try { return Results.Json(store.Attachments(id), SandboxJson.Options); }
            catch (KeyNotFoundException ex) { throw new ApiException(StatusCodes.Status404NotFound, "not_found", ex.Message); }
        });
    }

    private sealed class ManagerDto
    {
        public string? Login { get; set; }
        public string? Password { get; set; }
    }

    private sealed class RefuseDto
    {
        public string? Comment { get; set; }
    }
}

/// <summary>Errors on /api/external/v2 (the module's, injected faults, unhandled exceptions) as text/plain bodies, like the service.</summary>
internal sealed class UcErrorFormatter : IApiErrorFormatter
{
    public bool Handles(HttpContext context) => UcModule.IsUc(context.Request.Path);

    public Task WriteAsync(HttpContext context, int statusCode, string message)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(message, context.RequestAborted);
    }
}
