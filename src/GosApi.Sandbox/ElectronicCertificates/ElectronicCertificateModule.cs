using GosApi.Sandbox.ElectronicCertificates.Domain;
using GosApi.Sandbox.ElectronicCertificates.Http;
using GosApi.Sandbox.ElectronicCertificates.Operations;
using GosApi.Sandbox.ElectronicCertificates.Schema;
using GosApi.Sandbox.Infrastructure;

namespace GosApi.Sandbox.ElectronicCertificates;

/// <summary>
/// The ИС «Электронный сертификат» API emulator (seed 002, OpenAPI 1.2.1-У) under both base paths, and its
/// /sandbox/ec control endpoints. Wire decisions: docs/design-notes.md, "ИС «Электронный сертификат» (seed 002)".
/// </summary>
internal static class ElectronicCertificateModule
{
    public static IServiceCollection AddElectronicCertificates(this IServiceCollection services)
    {
        services.AddSingleton<EcClientRegistry>();
        services.AddSingleton<CertificateNumbers>();
        services.AddSingleton<EcTaskTimeline>();
        services.AddSingleton<CreateProcessor>();
        services.AddSingleton<EditProcessor>();
        services.AddSingleton<BlockProcessor>();
        services.AddSingleton<EcTaskRunner>();
        services.AddSingleton<PurchaseSimulator>();
        services.AddSingleton<TaskQueue>();
        services.AddSingleton<TaskResults>();
        services.AddSingleton<DetailedStatement>();
        services.AddSingleton<EcRequestGate>();
        services.AddSingleton<EcEndpoint>();
        services.AddSingleton<IApiErrorFormatter, EcErrorFormatter>();
        return services;
    }

    public static void MapElectronicCertificates(this IEndpointRouteBuilder app)
    {
        var services = app.ServiceProvider;
        var queue = services.GetRequiredService<TaskQueue>();
        var results = services.GetRequiredService<TaskResults>();
        var statement = services.GetRequiredService<DetailedStatement>();
        EcOperation[] operations =
        [
            new("ec-create", HttpMethods.Post, EcSchemas.Create, call => queue.Enqueue(call, EcTaskTypes.Create)),
            new("ec-edit", HttpMethods.Post, EcSchemas.Edit, call => queue.Enqueue(call, EcTaskTypes.Edit)),
            new("ec-block", HttpMethods.Post, EcSchemas.Block, call => queue.Enqueue(call, EcTaskTypes.Block)),
            new("ec-detailed-statement", HttpMethods.Get, null, statement.Read),
            new("ec-tasks-status", HttpMethods.Post, EcSchemas.TasksStatus, queue.Statuses),
            new("ec-tasks-results", HttpMethods.Post, EcSchemas.TasksResults, results.Read),
        ];
        var endpoint = services.GetRequiredService<EcEndpoint>();
        foreach (var basePath in EcPaths.Bases)
        {
            foreach (var operation in operations)
                app.Map(basePath + "/" + operation.Path, context => endpoint.HandleAsync(context, operation));
            app.Map(basePath + "/{**rest}", context => endpoint.HandleAsync(context, null));
        }
        MapControl(app);
    }

    private static void MapControl(IEndpointRouteBuilder app)
    {
        var control = app.MapGroup(SandboxPaths.ControlPrefix + "/ec");
        control.MapPost("/clients", async (HttpRequest request, EcClientRegistry clients) =>
        {
            var dto = await SandboxControlEndpoints.ReadOptionalJsonAsync<ClientDto>(request) ?? new ClientDto();
            try { return Results.Json(clients.Register(dto.ApiKey, dto.SharedSecret), SandboxJson.Options); }
            catch (ArgumentException ex) { throw ApiException.BadRequest(ex.Message); }
        });
        control.MapPost("/certificates/{cn}/purchase", async (string cn, HttpRequest request, PurchaseSimulator purchases) =>
        {
            var dto = await SandboxControlEndpoints.ReadOptionalJsonAsync<PurchaseDto>(request) ?? new PurchaseDto();
            try
            {
                var purchase = purchases.Purchase(cn, dto.GoodsCode, dto.Quantity ?? 1, dto.Amount);
                return Results.Json(purchase, SandboxJson.Options, statusCode: StatusCodes.Status201Created);
            }
            catch (ArgumentException ex) { throw ApiException.BadRequest(ex.Message); }
            catch (KeyNotFoundException ex) { throw new ApiException(StatusCodes.Status404NotFound, "not_found", ex.Message); }
            catch (InvalidOperationException ex) { throw new ApiException(StatusCodes.Status409Conflict, "conflict", ex.Message); }
        });
    }

    private sealed class ClientDto
    {
        public string? ApiKey { get; set; }
        public string? SharedSecret { get; set; }
    }

    private sealed class PurchaseDto
    {
        public string? GoodsCode { get; set; }
        public int? Quantity { get; set; }
        public long? Amount { get; set; }
    }
}
