using System.Text.RegularExpressions;

namespace GosApi.Sandbox.Tests;

/// <summary>Status progression of an order and its result files.</summary>
public sealed class OrderStatusTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Order_progresses_to_Исполнено_with_spec_shaped_statuses()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        using var api = new EpguApi(sandbox);
        var orderId = await api.PushOkAsync(Services.Pension, Archives.Good());
        var view = await api.WaitForClosedAsync(orderId);

        Assert.Equal([0, 17, 21, 2, 3], view.StatusIds);
        Assert.Equal(
            ["Черновик заявления", "Зарегистрировано на портале", "Заявление отправлено в ведомство", "Заявление получено ведомством", "Исполнено"],
            view.Statuses.Select(s => s.GetProperty("title").GetString()));
        Assert.Equal([false, false, false, true, false], view.Statuses.Select(s => s.GetProperty("cancelAllowed").GetBoolean()));
        Assert.Equal([false, false, false, false, true], view.Statuses.Select(s => s.GetProperty("finalStatus").GetBoolean()));
        Assert.All(view.Statuses, s => Assert.Equal(orderId, s.GetProperty("orderId").GetInt64()));
        var dates = view.Statuses.Select(s => s.GetProperty("date").GetString()!).ToArray();
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);

        Assert.Equal(3, view.StatusId);
        Assert.Equal("Исполнено", view.Order.GetProperty("orderStatusName").GetString());
        Assert.True(view.Order.GetProperty("hasResult").GetBoolean());
        Assert.Equal(view.Statuses[^1].GetProperty("id").GetInt64(), view.CurrentStatusHistoryId);
        Assert.Equal(view.CurrentStatusHistoryId, view.Order.GetProperty("currentStatusHistory").GetProperty("id").GetInt64());
        Assert.Equal(dates[^1], view.Order.GetProperty("updated").GetString());
    }

    [Fact]
    public async Task Result_files_download_from_both_routes()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        using var api = new EpguApi(sandbox);
        var orderId = await api.PushOkAsync(Services.Pension, Archives.Good());
        var view = await api.WaitForClosedAsync(orderId);
        Assert.Equal(2, view.ResponseFiles.Length);

        foreach (var file in view.ResponseFiles)
        {
            var link = file.GetProperty("link").GetString()!;
            var match = Regex.Match(link, @"^terrabyte://00/(\d+)/([^/]+)/3$");
            Assert.True(match.Success, link);
            Assert.Equal(view.CurrentStatusHistoryId, long.Parse(match.Groups[1].Value));
            var mnemonic = match.Groups[2].Value;
            var size = file.GetProperty("fileSize").GetInt64();
            var fileName = file.GetProperty("fileName").GetString()!;

            using var storage = await api.Http.GetAsync($"api/storage/v2/files/{view.CurrentStatusHistoryId}/3/download?mnemonic={mnemonic}", Ct);
            Assert.Equal(HttpStatusCode.OK, storage.StatusCode);
            var bytes = await storage.Content.ReadAsByteArrayAsync(Ct);
            Assert.Equal(size, bytes.Length);
            Assert.Equal(file.GetProperty("mimeType").GetString(), storage.Content.Headers.ContentType!.MediaType);
            Assert.Equal(fileName, storage.Content.Headers.ContentDisposition!.FileNameStar);

            using var gusmev = await api.Http.GetAsync(
                $"api/gusmev/files/download/{view.CurrentStatusHistoryId}/3?mnemonic={mnemonic}&eserviceCode={Services.Pension.ServiceCode}", Ct);
            Assert.Equal(HttpStatusCode.OK, gusmev.StatusCode);
            Assert.Equal(bytes, await gusmev.Content.ReadAsByteArrayAsync(Ct));
        }

        var xml = view.ResponseFiles.Single(f => f.GetProperty("mimeType").GetString() == "application/xml");
        var pdf = view.ResponseFiles.Single(f => f.GetProperty("mimeType").GetString() == "application/pdf");
        Assert.Contains($"<OrderId>{orderId}</OrderId>", await api.Http.GetStringAsync(DownloadPath(view, xml), Ct));
        Assert.StartsWith("%PDF-", await api.Http.GetStringAsync(DownloadPath(view, pdf), Ct));
        Assert.Contains("Результат", pdf.GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task Downloads_check_existence_and_ownership()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        using var api = new EpguApi(sandbox);
        var orderId = await api.PushOkAsync(Services.Pension, Archives.Good());
        var view = await api.WaitForClosedAsync(orderId);
        var path = DownloadPath(view, view.ResponseFiles[0]);

        await ApiError.ExpectAsync(api.Http.GetAsync($"api/storage/v2/files/{view.CurrentStatusHistoryId}/3/download?mnemonic=nope", Ct), HttpStatusCode.NotFound, "not_found");
        await ApiError.ExpectAsync(api.Http.GetAsync("api/storage/v2/files/1/3/download?mnemonic=nope", Ct), HttpStatusCode.NotFound, "not_found");
        await ApiError.ExpectAsync(api.Http.GetAsync($"api/storage/v2/files/{view.CurrentStatusHistoryId}/3/download", Ct), HttpStatusCode.BadRequest, "bad_request");
        var mnemonic = path[(path.IndexOf("mnemonic=", StringComparison.Ordinal) + 9)..];
        await ApiError.ExpectAsync(
            api.Http.GetAsync($"api/gusmev/files/download/{view.CurrentStatusHistoryId}/3?mnemonic={mnemonic}&eserviceCode=10000092161", Ct),
            HttpStatusCode.NotFound, "not_found");
        using var other = new EpguApi(sandbox, new TokenRequest { Subject = "2000000002" });
        await ApiError.ExpectAsync(other.Http.GetAsync(path, Ct), HttpStatusCode.Forbidden, "order_access");
    }

    [Fact]
    public async Task Order_attachments_download_by_their_links()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        using var api = new EpguApi(sandbox);
        var req = Archives.ReqXml();
        var orderId = await api.PushOkAsync(Services.Pension, Archives.Zip(req));
        var view = await api.WaitForOrderAsync(orderId, v => v.Code == "DONE");
        var attachment = Assert.Single(view.AttachmentFiles);
        Assert.Equal($"terrabyte://00/{orderId}/req.xml/2", attachment.GetProperty("link").GetString());
        Assert.Equal("REQUEST", attachment.GetProperty("type").GetString());
        Assert.Equal(req.Item2, await api.Http.GetByteArrayAsync($"api/storage/v2/files/{orderId}/2/download?mnemonic=req.xml", Ct));
    }

    private static string DownloadPath(OrderView view, JsonElement file)
    {
        var parts = file.GetProperty("link").GetString()!.Split('/');
        return $"api/storage/v2/files/{parts[3]}/{parts[5]}/download?mnemonic={parts[4]}";
    }
}
