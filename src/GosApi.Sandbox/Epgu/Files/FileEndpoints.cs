using System.IO.Compression;
using GosApi.Sandbox.Epgu.Orders;
using GosApi.Sandbox.Infrastructure;

namespace GosApi.Sandbox.Epgu.Files;

/// <summary>
/// File download: GET /api/storage/v2/files/{objectId}/{objectType}/download?mnemonic=… (001 §4, authoritative) and the
/// route of later spec versions GET /api/gusmev/files/download/{objectId}/{objectType}?mnemonic=…&amp;eserviceCode=….
/// objectType 3: result files (objectId = currentStatusHistoryId); objectType 2: files of the order archive (objectId = orderId).
/// </summary>
internal static class FileEndpoints
{
    public static void MapStorageFiles(this RouteGroupBuilder storage) =>
        storage.MapGet("/v2/files/{objectId}/{objectType}/download", (HttpContext context, string objectId, string objectType, OrderStore store, SandboxClock clock) =>
            Download(context, objectId, objectType, eserviceCode: null, store, clock));

    public static void MapGusmevFiles(this RouteGroupBuilder gusmev) =>
        gusmev.MapGet("/files/download/{objectId}/{objectType}", (HttpContext context, string objectId, string objectType, OrderStore store, SandboxClock clock) =>
            Download(context, objectId, objectType, context.Request.Query["eserviceCode"].FirstOrDefault(), store, clock));

    private static IResult Download(HttpContext context, string objectIdText, string objectTypeText, string? eserviceCode, OrderStore store, SandboxClock clock)
    {
        var caller = EpguCaller.From(context);
        if (!long.TryParse(objectIdText, out var objectId)) throw EpguErrors.BadRequest($"objectId: '{objectIdText}' is not a number");
        if (!int.TryParse(objectTypeText, out var objectType)) throw EpguErrors.BadRequest($"objectType: '{objectTypeText}' is not a number");
        var mnemonic = context.Request.Query["mnemonic"].ToString();
        if (mnemonic.Length == 0) throw EpguErrors.BadRequest("mnemonic: required parameter is missing");

        return objectType switch
        {
            ResultFile.ResultType => ResultFileAnswer(caller, objectId, mnemonic, eserviceCode, store),
            ResultFile.AttachmentType => AttachmentAnswer(caller, objectId, mnemonic, eserviceCode, store, clock),
            _ => throw EpguErrors.FileNotFound($"objectType {objectType}: no files of this type (3 = result, 2 = order attachment)"),
        };
    }

    private static IResult ResultFileAnswer(EpguCaller caller, long objectId, string mnemonic, string? eserviceCode, OrderStore store)
    {
        var found = store.FindByHistoryId(objectId) ?? throw EpguErrors.FileNotFound($"objectId {objectId}: no such status history entry");
        caller.EnsureOwns(found.Order);
        EnsureService(found.Order, eserviceCode);
        var file = ResultFiles.For(found.Snapshot).FirstOrDefault(f => f.ObjectId == objectId && f.Mnemonic == mnemonic)
            ?? throw EpguErrors.FileNotFound($"mnemonic '{mnemonic}': no result file under objectId {objectId}");
        return Results.File(file.Content, file.MimeType, file.FileName);
    }

    private static IResult AttachmentAnswer(EpguCaller caller, long orderId, string mnemonic, string? eserviceCode, OrderStore store, SandboxClock clock)
    {
        var order = store.Find(orderId) ?? throw EpguErrors.FileNotFound($"objectId {orderId}: no such order");
        caller.EnsureOwns(order);
        EnsureService(order, eserviceCode);
        var package = order.Snapshot(clock.Now).Package ?? throw EpguErrors.FileNotFound($"order {orderId} has no archive yet");
        var entryName = package.Entries.FirstOrDefault(e => e.FileName == mnemonic)?.FileName
            ?? throw EpguErrors.FileNotFound($"mnemonic '{mnemonic}': no such file in the archive of order {orderId}");
        return new ZipEntryResult(package.ArchivePath, entryName);
    }

    private static void EnsureService(Order order, string? eserviceCode)
    {
        if (eserviceCode is not null && eserviceCode != order.Service.ServiceCode)
            throw EpguErrors.FileNotFound($"eserviceCode '{eserviceCode}': order {order.Id} belongs to service {order.Service.ServiceCode}");
    }

    /// <summary>Streams one entry of an archive on disk.</summary>
    private sealed class ZipEntryResult(string archivePath, string entryName) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            using var zip = ZipFile.OpenRead(archivePath);
            var entry = zip.GetEntry(entryName)!;
            await using var content = entry.Open();
            await Results.Stream(content, MimeTypes.For(entryName), entryName).ExecuteAsync(httpContext);
        }
    }
}
