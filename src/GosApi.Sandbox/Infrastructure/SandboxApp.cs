using GosApi.Sandbox.ElectronicCertificates;
using GosApi.Sandbox.Epgu;
using GosApi.Sandbox.Esia;
using GosApi.Sandbox.FnsMobileSign;
using GosApi.Sandbox.Uc;

namespace GosApi.Sandbox.Infrastructure;

/// <summary>Composes the web app: shared infrastructure first, then one module per emulated service.</summary>
internal static class SandboxApp
{
    public static WebApplication Build(SandboxOptions options, string url, bool quiet)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = typeof(SandboxApp).Assembly.GetName().Name,
        });
        builder.WebHost.UseUrls(url);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = null; // sizes are the spec's business, checked per endpoint
        });
        builder.Logging.ClearProviders();
        if (!quiet) builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.ConfigureHttpJsonOptions(json => SandboxJson.Configure(json.SerializerOptions));

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddEsia(options); // first: a bad test CA in the options fails before anything is created on disk
        services.AddSingleton(sp => new SandboxClock(sp.GetRequiredService<TimeProvider>(), options.ClockSpeed));
        services.AddSingleton(new StorageLayout(options.StorageDirectory));
        services.AddSingleton<FaultInjector>();
        services.AddSingleton<RequestRecorder>();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton(sp => new RateLimiter(options.RequestsPerMinute, sp.GetRequiredService<TimeProvider>()));
        services.AddEpgu();
        services.AddElectronicCertificates();
        services.AddFnsMobileSign();
        services.AddUc();

        var app = builder.Build();
        app.UseMiddleware<RequestRecordingMiddleware>();
        app.UseMiddleware<FaultInjectionMiddleware>();
        app.UseMiddleware<ApiErrorMiddleware>();
        app.UseMiddleware<RateLimitingMiddleware>();
        app.UseRouting(); // after the middleware above, so routing errors get the JSON error body too

        app.MapSandboxControl();
        app.MapEpgu();
        app.MapEsia();
        app.MapElectronicCertificates();
        app.MapFnsMobileSign();
        app.MapUc();
        app.MapFallback((HttpContext context) => Results.Json(
            new { code = "not_found", message = $"no sandbox endpoint for {context.Request.Method} {context.Request.Path}" },
            SandboxJson.Options, statusCode: StatusCodes.Status404NotFound));
        return app;
    }
}
