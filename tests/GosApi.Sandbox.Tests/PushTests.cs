namespace GosApi.Sandbox.Tests;

public sealed class PushTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Push_creates_an_order_that_is_processed_to_DONE()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        using var api = new EpguApi(sandbox);
        var orderId = await api.PushOkAsync(Services.Pension, Archives.Good(padding: 2000));
        var view = await api.WaitForClosedAsync(orderId);
        Assert.Equal("DONE", view.Code);
        Assert.Equal(3, view.StatusId);
        Assert.Equal(["req.xml", "attachment.pdf"], view.AttachmentFiles.Select(f => f.GetProperty("fileName").GetString()));
    }

    [Fact]
    public async Task Push_at_the_size_limit_is_accepted_and_above_it_rejected()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        using var api = new EpguApi(sandbox);
        var overhead = Archives.Zip(Archives.ReqXml(), Archives.File("a.pdf", 0)).Length;
        var padded = Archives.Zip(Archives.ReqXml(), Archives.File("a.pdf", 4096 - overhead));
        Assert.Equal(4096, padded.Length);
        await api.PushOkAsync(Services.Pension, padded);

        var message = await ApiError.ExpectAsync(api.PushAsync(Services.Pension.Meta(), Archives.Good(padding: 5000)), HttpStatusCode.BadRequest, "bad_request");
        Assert.Contains("exceeds the 4096-byte maximum", message);
    }

    [Fact]
    public async Task Push_without_meta_or_file_is_400_naming_the_part()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        using var api = new EpguApi(sandbox);
        Assert.Contains("meta", await ApiError.ExpectAsync(api.PushAsync(null, Archives.Good()), HttpStatusCode.BadRequest, "bad_request"));
        Assert.Contains("file", await ApiError.ExpectAsync(api.PushAsync(Services.Pension.Meta(), null), HttpStatusCode.BadRequest, "bad_request"));
    }

    [Fact]
    public async Task Push_with_json_body_instead_of_multipart_is_400()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        using var api = new EpguApi(sandbox);
        var message = await ApiError.ExpectAsync(api.PostJsonAsync("api/gusmev/push", Services.Pension.Meta()), HttpStatusCode.BadRequest, "bad_request");
        Assert.Contains("multipart/form-data", message);
    }

    [Fact]
    public async Task Push_for_unknown_service_is_service_not_found()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        using var api = new EpguApi(sandbox);
        await ApiError.ExpectAsync(api.PushAsync("""{"region":"36000000000","serviceCode":"1","targetCode":"-1"}""", Archives.Good()),
            HttpStatusCode.BadRequest, "service_not_found");
    }
}
