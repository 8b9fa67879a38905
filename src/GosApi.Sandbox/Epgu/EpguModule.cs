using GosApi.Sandbox.Epgu.Files;
using GosApi.Sandbox.Epgu.Nsi;
using GosApi.Sandbox.Epgu.Orders;
using GosApi.Sandbox.Epgu.Packages;
using GosApi.Sandbox.Epgu.Uploads;
using GosApi.Sandbox.Esia;

namespace GosApi.Sandbox.Epgu;

/// <summary>The EPGU API emulator (seed 001): services and routes.</summary>
internal static class EpguModule
{
    public static IServiceCollection AddEpgu(this IServiceCollection services)
    {
        services.AddSingleton<ServiceCatalog>();
        services.AddSingleton<OrderQuota>();
        services.AddSingleton<OrderStore>();
        services.AddSingleton<EpguStorage>();
        services.AddSingleton<ChunkedUploadRegistry>();
        services.AddSingleton<ISignatureVerifier>(sp => sp.GetRequiredService<SandboxOptions>().EpguVerifySignatures
            ? new GostSignatureVerifier(sp.GetRequiredService<TestCertificateAuthority>(), sp.GetRequiredService<TimeProvider>())
            : new PresenceSignatureVerifier());
        services.AddSingleton<PackageInspector>();
        services.AddSingleton<PackageIntake>();
        services.AddSingleton<NsiCatalog>();
        services.AddSingleton<EpguAuthFilter>();
        return services;
    }

    public static void MapEpgu(this IEndpointRouteBuilder app)
    {
        var gusmev = app.MapGroup("/api/gusmev").AddEndpointFilter<EpguAuthFilter>();
        gusmev.MapOrders();
        gusmev.MapOrderStatuses();
        gusmev.MapUploads();
        gusmev.MapGusmevFiles();

        var storage = app.MapGroup("/api/storage").AddEndpointFilter<EpguAuthFilter>();
        storage.MapStorageFiles();

        app.MapNsi();
    }
}
