namespace GosApi.Sandbox.Tests;

public sealed class SandboxServerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Server_listens_on_loopback_with_a_free_port_and_removes_its_storage_on_dispose()
    {
        var storage = Path.Combine(Path.GetTempPath(), "gosapi-sandbox-test-" + Guid.NewGuid().ToString("N"));
        var sandbox = await SandboxServer.StartAsync(Sandboxes.Fast(o => o.StorageDirectory = storage), Ct);
        Assert.Equal("127.0.0.1", sandbox.BaseUri.Host);
        Assert.NotEqual(0, sandbox.BaseUri.Port);
        Assert.EndsWith("/", sandbox.BaseUri.AbsoluteUri);
        Assert.Same(storage, sandbox.Options.StorageDirectory);

        using (var api = new EpguApi(sandbox))
            await api.PushOkAsync(Services.Pension, Archives.Good());
        Assert.NotEmpty(Directory.EnumerateFiles(storage, "*.zip", SearchOption.AllDirectories));

        await sandbox.DisposeAsync();
        Assert.False(Directory.Exists(storage));
        await sandbox.DisposeAsync(); // idempotent
    }

    [Fact]
    public async Task Two_servers_run_side_by_side()
    {
        await using var first = await Sandboxes.StartFastAsync();
        await using var second = await Sandboxes.StartFastAsync();
        Assert.NotEqual(first.BaseUri, second.BaseUri);
    }

    [Fact]
    public async Task Invalid_options_are_rejected_at_start()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => SandboxServer.StartAsync(new SandboxOptions { ClockSpeed = 0 }, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            SandboxServer.StartAsync(new SandboxOptions { MinChunkSize = 10, MaxChunkSize = 5 }, Ct));
    }

    [Fact]
    public async Task Unknown_endpoint_is_404_with_a_json_error_and_health_answers()
    {
        await using var sandbox = await Sandboxes.StartFastAsync();
        using var http = new HttpClient { BaseAddress = sandbox.BaseUri };
        Assert.Contains("/api/nothing", await ApiError.ExpectAsync(http.GetAsync("api/nothing", Ct), HttpStatusCode.NotFound, "not_found"));
        Assert.Contains("ok", await http.GetStringAsync("sandbox/health", Ct));
    }

    [Fact]
    public async Task Storage_left_by_a_dead_sandbox_process_is_swept_at_start()
    {
        var parent = Directory.CreateTempSubdirectory("gosapi-sweep-").FullName;
        try
        {
            var orphan = Directory.CreateDirectory(Path.Combine(parent, "gosapi-sandbox-orphan")).FullName;
            File.WriteAllText(Path.Combine(orphan, ".owner-pid"), int.MaxValue.ToString());
            var live = Directory.CreateDirectory(Path.Combine(parent, "gosapi-sandbox-live")).FullName;
            File.WriteAllText(Path.Combine(live, ".owner-pid"), Environment.ProcessId.ToString());
            var unmarked = Directory.CreateDirectory(Path.Combine(parent, "gosapi-sandbox-unmarked")).FullName;

            await using var sandbox = await SandboxServer.StartAsync(Sandboxes.Fast(o => o.StorageDirectory = Path.Combine(parent, "gosapi-sandbox-own")), Ct);
            for (var i = 0; i < 100 && Directory.Exists(orphan); i++) await Task.Delay(20, Ct);
            Assert.False(Directory.Exists(orphan));
            Assert.True(Directory.Exists(live));
            Assert.True(Directory.Exists(unmarked));
        }
        finally
        {
            Directory.Delete(parent, recursive: true);
        }
    }
}
