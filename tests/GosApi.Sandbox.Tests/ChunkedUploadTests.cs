namespace GosApi.Sandbox.Tests;

/// <summary>001 §2.1.2 chunk rules, with MinChunkSize 1024 and MaxChunkSize 4096 (Sandboxes.Fast).</summary>
public sealed class ChunkedUploadTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly string Meta = Services.Fssp.Meta();

    [Fact]
    public async Task Chunks_with_parallel_middle_part_are_assembled_and_processed()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        using var api = new EpguApi(sandbox);
        var orderId = await api.CreateOrderAsync(Services.Fssp);
        var archive = Archives.Good(orderId, padding: 20_000);
        var parts = EpguApi.Split(archive, 3000);
        Assert.True(parts.Length >= 6);

        await api.SendInChunksAsync(orderId, Services.Fssp, archive, 3000);

        var view = await api.WaitForClosedAsync(orderId);
        Assert.Equal("DONE", view.Code);
        Assert.Equal([0, 17, 21, 2, 3], view.StatusIds);
        Assert.Equal(parts.Length, sandbox.Requests.Count(r => r.Path == "/api/gusmev/push/chunked" && r.StatusCode is 200 or 206));

        // The stored archive is byte-for-byte what was sent: its attachment downloads intact.
        var pdf = view.AttachmentFiles.Single(f => f.GetProperty("fileName").GetString() == "attachment.pdf");
        Assert.Equal(20_000, pdf.GetProperty("fileSize").GetInt64());
        var bytes = await api.Http.GetByteArrayAsync($"api/storage/v2/files/{orderId}/2/download?mnemonic=attachment.pdf", Ct);
        Assert.Equal(Archives.Random(20_000), bytes);
    }

    [Fact]
    public async Task Spec_sized_chunks_of_5_MB_are_accepted_with_default_options()
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { ClockSpeed = 2000 }, Ct);
        using var api = new EpguApi(sandbox);
        var orderId = await api.CreateOrderAsync(Services.Fssp);
        var archive = Archives.Good(orderId, padding: 11 * 1024 * 1024);
        await api.SendInChunksAsync(orderId, Services.Fssp, archive, 5_242_880);
        var view = await api.WaitForOrderAsync(orderId, v => v.Code == "DONE");
        var chunkRequests = sandbox.Requests.Where(r => r.Path == "/api/gusmev/push/chunked").ToArray();
        Assert.Equal(3, chunkRequests.Length);
        Assert.Equal(2, chunkRequests.Count(r => r.RequestBodyLength > 5_242_880)); // two full chunks plus multipart overhead
        Assert.Equal("DONE", view.Code);
    }

    [Fact]
    public async Task Single_chunk_without_chunk_and_chunks_completes_the_upload()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        using var api = new EpguApi(sandbox);
        var orderId = await api.CreateOrderAsync(Services.Fssp);
        using var response = await api.SendChunkAsync(orderId, Meta, null, null, Archives.Good(orderId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(orderId, await EpguApi.ReadOrderIdAsync(response));
        Assert.Equal("DONE", (await api.WaitForOrderAsync(orderId, v => v.Code == "DONE")).Code);
    }

    [Fact]
    public async Task First_chunk_must_come_first()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        using var api = new EpguApi(sandbox);
        var orderId = await api.CreateOrderAsync(Services.Fssp);
        var message = await ApiError.ExpectAsync(api.SendChunkAsync(orderId, Meta, 1, 3, new byte[2000]), HttpStatusCode.BadRequest, "bad_request");
        Assert.Equal("chunk 1: chunk 0 must be sent first", message);
    }

    [Fact]
    public async Task Last_chunk_must_come_after_all_others()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        using var api = new EpguApi(sandbox);
        var orderId = await api.CreateOrderAsync(Services.Fssp);
        await EpguApi.ExpectAsync(api.SendChunkAsync(orderId, Meta, 0, 4, new byte[2000]), HttpStatusCode.PartialContent);
        await EpguApi.ExpectAsync(api.SendChunkAsync(orderId, Meta, 2, 4, new byte[2000]), HttpStatusCode.PartialContent);
        var message = await ApiError.ExpectAsync(api.SendChunkAsync(orderId, Meta, 3, 4, new byte[100]), HttpStatusCode.BadRequest, "bad_request");
        Assert.Contains("chunk 3: the last chunk must be sent after all others", message);
        Assert.Contains("chunk(s) 1 not received", message);
    }

    [Theory]
    [InlineData(0, 3, 1023, "chunk 0: size 1023 bytes is below the 1024-byte minimum")]
    [InlineData(0, 3, 4097, "chunk 0: size 4097 bytes exceeds the 4096-byte maximum")]
    [InlineData(0, 1, 4097, "chunk 0: size 4097 bytes exceeds the 4096-byte maximum")]
    [InlineData(0, 1, 0, "chunk 0: file is empty")]
    public async Task Chunk_sizes_are_checked(int chunk, int chunks, int size, string expected)
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        using var api = new EpguApi(sandbox);
        var orderId = await api.CreateOrderAsync(Services.Fssp);
        var message = await ApiError.ExpectAsync(api.SendChunkAsync(orderId, Meta, chunk, chunks, new byte[size]), HttpStatusCode.BadRequest, "bad_request");
        Assert.StartsWith(expected, message);
    }

    [Fact]
    public async Task Middle_and_last_chunk_sizes_are_checked_too()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        using var api = new EpguApi(sandbox);
        var orderId = await api.CreateOrderAsync(Services.Fssp);
        await EpguApi.ExpectAsync(api.SendChunkAsync(orderId, Meta, 0, 3, new byte[1024]), HttpStatusCode.PartialContent);
        Assert.StartsWith("chunk 1: size 1000 bytes is below",
            await ApiError.ExpectAsync(api.SendChunkAsync(orderId, Meta, 1, 3, new byte[1000]), HttpStatusCode.BadRequest, "bad_request"));
        await EpguApi.ExpectAsync(api.SendChunkAsync(orderId, Meta, 1, 3, new byte[4096]), HttpStatusCode.PartialContent);
        Assert.StartsWith("chunk 2: size 5000 bytes exceeds",
            await ApiError.ExpectAsync(api.SendChunkAsync(orderId, Meta, 2, 3, new byte[5000]), HttpStatusCode.BadRequest, "bad_request"));
        // A small last chunk is fine (the archive is garbage, which processing reports, not the upload).
        await EpguApi.ExpectAsync(api.SendChunkAsync(orderId, Meta, 2, 3, new byte[10]), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Chunks_after_the_window_are_rejected_and_the_upload_discarded()
    {
        await using var sandbox = await Sandboxes.StartFastAsync(o => o.ChunkWindow = TimeSpan.FromMilliseconds(300));
        using var api = new EpguApi(sandbox);
        var orderId = await api.CreateOrderAsync(Services.Fssp);
        await EpguApi.ExpectAsync(api.SendChunkAsync(orderId, Meta, 0, 3, new byte[2000]), HttpStatusCode.PartialContent);
        await Task.Delay(500, Ct);
        var message = await ApiError.ExpectAsync(api.SendChunkAsync(orderId, Meta, 1, 3, new byte[2000]), HttpStatusCode.BadRequest, "bad_request");
        Assert.Contains("all chunks must arrive within 0.3 s of chunk 0", message);
        Assert.Contains("discarded", message);

        // Discarded: chunk 0 is gone, so chunk 1 is now out of order; a fresh start is possible.
        Assert.Equal("chunk 1: chunk 0 must be sent first",
            await ApiError.ExpectAsync(api.SendChunkAsync(orderId, Meta, 1, 3, new byte[2000]), HttpStatusCode.BadRequest, "bad_request"));
        await api.SendInChunksAsync(orderId, Services.Fssp, Archives.Good(orderId, padding: 3000), 2000);
    }

    [Fact]
    public async Task Chunks_count_must_stay_the_same()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        using var api = new EpguApi(sandbox);
        var orderId = await api.CreateOrderAsync(Services.Fssp);
        await EpguApi.ExpectAsync(api.SendChunkAsync(orderId, Meta, 0, 4, new byte[2000]), HttpStatusCode.PartialContent);
        var message = await ApiError.ExpectAsync(api.SendChunkAsync(orderId, Meta, 1, 5, new byte[2000]), HttpStatusCode.BadRequest, "bad_request");
        Assert.Equal("chunks: 5 differs from 4 given with chunk 0", message);
    }

    [Theory]
    [InlineData(1, null, "chunks")]
    [InlineData(null, 3, "chunk")]
    [InlineData(3, 3, "chunk: 3 is outside 0…2")]
    [InlineData(0, 0, "chunks: 0 is outside")]
    public async Task Chunk_parameters_are_validated(int? chunk, int? chunks, string expected)
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        using var api = new EpguApi(sandbox);
        var orderId = await api.CreateOrderAsync(Services.Fssp);
        var message = await ApiError.ExpectAsync(api.SendChunkAsync(orderId, Meta, chunk, chunks, new byte[2000]), HttpStatusCode.BadRequest, "bad_request");
        Assert.StartsWith(expected, message);
    }

    [Fact]
    public async Task Order_must_exist_belong_to_the_caller_and_match_meta()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        using var api = new EpguApi(sandbox);
        var orderId = await api.CreateOrderAsync(Services.Fssp);
        await ApiError.ExpectAsync(api.SendChunkAsync(999, Meta, 0, 1, new byte[100]), HttpStatusCode.BadRequest, "not_found");
        using var other = new EpguApi(sandbox, new TokenRequest { Subject = "2000000002" });
        await ApiError.ExpectAsync(other.SendChunkAsync(orderId, Meta, 0, 1, new byte[100]), HttpStatusCode.Forbidden, "order_access");
        Assert.StartsWith("meta.serviceCode",
            await ApiError.ExpectAsync(api.SendChunkAsync(orderId, Services.Pension.Meta(), 0, 1, new byte[100]), HttpStatusCode.BadRequest, "bad_request"));
        Assert.StartsWith("meta.region",
            await ApiError.ExpectAsync(api.SendChunkAsync(orderId, Services.Fssp.Meta("45000000000"), 0, 1, new byte[100]), HttpStatusCode.BadRequest, "bad_request"));
        Assert.StartsWith("meta",
            await ApiError.ExpectAsync(api.SendChunkAsync(orderId, null, 0, 1, new byte[100]), HttpStatusCode.BadRequest, "bad_request"));
    }

    [Fact]
    public async Task Order_from_push_already_has_its_archive()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        using var api = new EpguApi(sandbox);
        var orderId = await api.PushOkAsync(Services.Pension, Archives.Good());
        Assert.Contains("already has its archive",
            await ApiError.ExpectAsync(api.SendChunkAsync(orderId, Services.Pension.Meta(), 0, 1, Archives.Good()), HttpStatusCode.BadRequest, "bad_request"));
    }

    [Fact]
    public async Task Re_sent_chunk_replaces_the_earlier_copy()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        using var api = new EpguApi(sandbox);
        var orderId = await api.CreateOrderAsync(Services.Fssp);
        var parts = EpguApi.Split(Archives.Good(orderId, padding: 5000), 2000);
        Assert.Equal(3, parts.Length);

        await EpguApi.ExpectAsync(api.SendChunkAsync(orderId, Meta, 0, 3, parts[0]), HttpStatusCode.PartialContent);
        var garbage = new byte[parts[1].Length];
        Array.Fill(garbage, (byte)0x5A);
        await EpguApi.ExpectAsync(api.SendChunkAsync(orderId, Meta, 1, 3, garbage), HttpStatusCode.PartialContent);
        await EpguApi.ExpectAsync(api.SendChunkAsync(orderId, Meta, 1, 3, parts[1]), HttpStatusCode.PartialContent);
        await EpguApi.ExpectAsync(api.SendChunkAsync(orderId, Meta, 2, 3, parts[2]), HttpStatusCode.OK);

        var view = await api.WaitForOrderAsync(orderId, v => v.Code is "DONE" or "INVALID_FILES_STRUCTURE");
        Assert.Equal("DONE", view.Code);
    }

    [Fact]
    public async Task Last_chunk_re_sent_after_completion_is_answered_200_again_and_others_are_rejected()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        using var api = new EpguApi(sandbox);
        var orderId = await api.CreateOrderAsync(Services.Fssp);
        var parts = EpguApi.Split(Archives.Good(orderId, padding: 3000), 2000);
        await api.SendInChunksAsync(orderId, Services.Fssp, Archives.Good(orderId, padding: 3000), 2000);

        await EpguApi.ExpectAsync(api.SendChunkAsync(orderId, Meta, parts.Length - 1, parts.Length, parts[^1]), HttpStatusCode.OK);
        Assert.Contains("already complete",
            await ApiError.ExpectAsync(api.SendChunkAsync(orderId, Meta, 0, parts.Length, parts[0]), HttpStatusCode.BadRequest, "bad_request"));
    }
}
