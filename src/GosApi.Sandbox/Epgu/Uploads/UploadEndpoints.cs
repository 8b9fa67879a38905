using GosApi.Sandbox.Epgu.Orders;
using GosApi.Sandbox.Epgu.Packages;
using GosApi.Sandbox.Infrastructure;

namespace GosApi.Sandbox.Epgu.Uploads;

/// <summary>POST /api/gusmev/push (001 §2.1.3) and /api/gusmev/push/chunked (001 §2.1.2); multipart bodies streamed to disk.</summary>
internal static class UploadEndpoints
{
    private const string FileField = "file";

    public static void MapUploads(this RouteGroupBuilder gusmev)
    {
        gusmev.MapPost("/push", PushAsync);
        gusmev.MapPost("/push/chunked", PushChunkedAsync);
    }

    private static async Task<IResult> PushAsync(
        HttpContext context, SandboxOptions options, EpguStorage storage, ServiceCatalog catalog, OrderQuota quota, OrderStore store, PackageIntake intake)
    {
        var caller = EpguCaller.From(context);
        using var form = await MultipartForm.ReadAsync(context.Request, FileField, options.MaxChunkSize, storage.Layout, context.RequestAborted);
        var meta = OrderMeta.Parse(form.Field("meta"), "meta");
        var file = RequireFile(form);
        if (file.Length > options.MaxChunkSize)
            throw EpguErrors.BadRequest(
                $"file: size {file.Length} bytes exceeds the {options.MaxChunkSize}-byte maximum for /push; send larger archives with /order and /push/chunked");
        var service = catalog.Resolve(meta);
        quota.Consume(caller.Subject, service.ServiceCode);

        var order = store.Create(caller.ToOwner(), meta, service);
        var archivePath = storage.ArchivePath(order.Id);
        file.MoveTo(archivePath);
        intake.Receive(order, archivePath, chunks: 1, lastChunkSize: file.Length);
        return Results.Json(new { orderId = order.Id }, SandboxJson.Options);
    }

    private static async Task<IResult> PushChunkedAsync(
        HttpContext context, SandboxOptions options, EpguStorage storage, OrderStore store, ChunkedUploadRegistry uploads, PackageIntake intake)
    {
        var caller = EpguCaller.From(context);
        using var form = await MultipartForm.ReadAsync(context.Request, FileField, options.MaxChunkSize, storage.Layout, context.RequestAborted);
        var orderIdText = form.Field("orderId") ?? throw EpguErrors.BadRequest("orderId: required parameter is missing");
        var orderId = OrderEndpoints.ParseOrderId(orderIdText.Trim(), "orderId");
        var meta = OrderMeta.Parse(form.Field("meta"), "meta");
        var part = ChunkPart.Parse(form.Field("chunk"), form.Field("chunks"));
        var file = RequireFile(form);

        var order = store.Find(orderId) ?? throw EpguErrors.UnknownOrderParameter(orderId);
        caller.EnsureOwns(order);
        EnsureSameOrder(meta, order);

        var result = uploads.Accept(order, part, file);
        if (result.Outcome == ChunkOutcome.Completed)
            intake.Receive(order, result.ArchivePath, result.Chunks, result.LastChunkSize);
        return Results.Json(new { orderId = order.Id }, SandboxJson.Options,
            statusCode: result.Outcome == ChunkOutcome.Partial ? StatusCodes.Status206PartialContent : StatusCodes.Status200OK);
    }

    private static UploadedFile RequireFile(MultipartForm form) =>
        form.File ?? throw EpguErrors.BadRequest($"{FileField}: required part with the archive data is missing");

    private static void EnsureSameOrder(OrderMeta meta, Order order)
    {
        if (meta.ServiceCode != order.Meta.ServiceCode)
            throw EpguErrors.BadRequest($"meta.serviceCode: '{meta.ServiceCode}' differs from order {order.Id}'s '{order.Meta.ServiceCode}'");
        if (meta.TargetCode != order.Meta.TargetCode)
            throw EpguErrors.BadRequest($"meta.targetCode: '{meta.TargetCode}' differs from order {order.Id}'s '{order.Meta.TargetCode}'");
        if (meta.Region != order.Meta.Region)
            throw EpguErrors.BadRequest($"meta.region: '{meta.Region}' differs from order {order.Id}'s '{order.Meta.Region}'");
    }
}
