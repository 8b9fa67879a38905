namespace GosApi.Sandbox.Tests;

/// <summary>Processing codes of 001 Приложение 1 for good and bad archives.</summary>
public sealed class ProcessingTests
{
    public static TheoryData<string, string, string> BadArchives => new()
    {
        { "not a zip", "INVALID_FILES_STRUCTURE", "not a zip" },
        { "folder", "INVALID_FILES_STRUCTURE", "folders are not allowed" },
        { "nested zip", "INVALID_FILES_STRUCTURE", "nested archives" },
        { "nested rar", "INVALID_FILES_STRUCTURE", "nested archives" },
        { "nested 7z", "INVALID_FILES_STRUCTURE", "nested archives" },
        { "no req.xml", "REQ_NOT_FOUND", "req.xml" },
        { "req.xml without order number", "REQ_VERIFY_FAILED", "order number" },
    };

    [Theory]
    [MemberData(nameof(BadArchives))]
    public async Task Bad_archive_ends_in_its_processing_code_and_status_24(string kind, string code, string messagePart)
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        using var api = new EpguApi(sandbox);
        var orderId = await api.CreateOrderAsync(Services.Fssp);
        var archive = kind switch
        {
            "not a zip" => Encoding.UTF8.GetBytes("this is plain text, not a zip archive"),
            "folder" => Archives.Zip(Archives.ReqXml(orderId), ("docs/scan.pdf", new byte[10])),
            "nested zip" => Archives.Zip(Archives.ReqXml(orderId), ("inner.zip", Archives.Good(orderId))),
            "nested rar" => Archives.Zip(Archives.ReqXml(orderId), ("inner.RAR", new byte[10])),
            "nested 7z" => Archives.Zip(Archives.ReqXml(orderId), ("inner.7z", new byte[10])),
            "no req.xml" => Archives.Zip(Archives.File("request.xml", 100)),
            "req.xml without order number" => Archives.Zip(Archives.ReqXml(orderId + 1)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        using (var response = await api.SendChunkAsync(orderId, Services.Fssp.Meta(), 0, 1, archive))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var view = await api.WaitForClosedAsync(orderId);
        Assert.Equal(code, view.Code);
        Assert.Contains(messagePart, view.Message);
        Assert.Equal([0, 24], view.StatusIds);
        Assert.Equal("Ошибка отправки заявления в ведомство", view.Order.GetProperty("orderStatusName").GetString());
        Assert.Empty(view.ResponseFiles);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("empty")]
    public async Task Signed_service_rejects_missing_or_empty_signatures(string problem)
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        using var api = new EpguApi(sandbox);
        var signer = sandbox.IssueTestCertificate();
        var req = Archives.ReqXml();
        var archive = problem == "missing"
            ? Archives.Zip(req, FileSignatures.Sign(signer, req), Archives.File("scan.pdf", 50))
            : Archives.Zip(req, FileSignatures.Sign(signer, req), Archives.File("scan.pdf", 50), ("scan.pdf.sig", []));
        var orderId = await api.PushOkAsync(Services.Signed, archive);
        var view = await api.WaitForClosedAsync(orderId);
        Assert.Equal("FILES_VERIFICATION_FAILED", view.Code);
        Assert.Contains("scan.pdf.sig", view.Message);
        Assert.Contains(problem == "missing" ? "missing" : "empty", view.Message);
        Assert.Equal(24, view.StatusId);
    }

    [Fact]
    public async Task Signed_service_accepts_archive_with_signatures_and_reports_them()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        using var api = new EpguApi(sandbox);
        var orderId = await api.PushOkAsync(Services.Signed,
            Archives.Zip(FileSignatures.SignAll(sandbox.IssueTestCertificate(), Archives.ReqXml(), Archives.File("scan.pdf", 50))));
        var view = await api.WaitForClosedAsync(orderId);
        Assert.Equal("DONE", view.Code);
        Assert.Equal(3, view.StatusId);
        Assert.True(view.Order.GetProperty("allFileSign").GetBoolean());
        var scan = view.AttachmentFiles.Single(f => f.GetProperty("fileName").GetString() == "scan.pdf");
        Assert.True(scan.GetProperty("hasDigitalSignature").GetBoolean());
    }

    [Fact]
    public async Task Transport_file_name_is_case_insensitive()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        using var api = new EpguApi(sandbox);
        var orderId = await api.PushOkAsync(Services.Pension, Archives.Zip(Archives.ReqXml(name: "REQ.XML")));
        Assert.Equal("DONE", (await api.WaitForClosedAsync(orderId)).Code);
    }

    [Fact]
    public async Task Service_without_order_number_rule_accepts_req_xml_without_it()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        using var api = new EpguApi(sandbox);
        var orderId = await api.PushOkAsync(Services.Pension, Archives.Zip(Archives.ReqXml(orderId: null)));
        Assert.Equal("DONE", (await api.WaitForClosedAsync(orderId)).Code);
    }

    [Fact]
    public async Task Processing_codes_progress_in_the_spec_order()
    {
        // ClockSpeed 30: each processing step lasts about 170 ms of real time, long enough to be seen by polling.
        await using var sandbox = await SandboxServer.StartAsync(Sandboxes.Fast(o => o.ClockSpeed = 30), TestContext.Current.CancellationToken);
        using var api = new EpguApi(sandbox);
        var orderId = await api.PushOkAsync(Services.Signed, Archives.Zip(FileSignatures.SignAll(sandbox.IssueTestCertificate(), Archives.ReqXml())));
        var seen = new List<string>();
        await api.WaitForOrderAsync(orderId, view =>
        {
            if (seen.Count == 0 || seen[^1] != view.Code) seen.Add(view.Code);
            return view.Code == "DONE";
        });
        Assert.Equal(["NEW", "VALIDATION", "FILES_VERIFICATION", "FILES_VERIFICATION_SUCCESS", "DONE"], seen);
    }
}
