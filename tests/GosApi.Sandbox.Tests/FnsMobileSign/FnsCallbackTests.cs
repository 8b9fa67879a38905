using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace GosApi.Sandbox.Tests.FnsMobileSign;

public sealed class FnsCallbackTests
{
    [Fact]
    public async Task Final_state_callback_is_retried_until_200()
    {
        await using var api = await FnsApi.StartAsync();
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var receiver = new HttpListener();
        receiver.Prefixes.Add($"http://127.0.0.1:{port + 0}/");
        listener.Stop();
        receiver.Start();
        var bodies = new ConcurrentQueue<string>();
        var calls = 0;
        _ = Task.Run(async () =>
        {
            while (receiver.IsListening)
            {
                HttpListenerContext context;
                try { context = await receiver.GetContextAsync(); } catch { return; }
                using var reader = new StreamReader(context.Request.InputStream);
                bodies.Enqueue(await reader.ReadToEndAsync());
                context.Response.StatusCode = Interlocked.Increment(ref calls) <= 2 ? 500 : 200;
                context.Response.Close();
            }
        }, TestContext.Current.CancellationToken);

        var consumer = api.Consumer();
        var body = FnsApi.Signing(consumer.Id);
        body["callback"] = $"http://127.0.0.1:{port}/callback";
        var id = (await api.CreateAsync(body))["id"]!.GetValue<long>();
        await api.WaitStateAsync(id, "complete");

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!api.Server.FnsCallbacks.Any(d => d.Status == 200) && DateTime.UtcNow < deadline) await Task.Delay(20, TestContext.Current.CancellationToken);
        var deliveries = api.Server.FnsCallbacks.Where(d => d.WorkflowId == id).ToList();
        Assert.Equal([500, 500, 200], deliveries.Select(d => d.Status));
        Assert.Equal([1, 2, 3], deliveries.Select(d => d.Attempt));
        var callback = JsonNode.Parse(bodies.Last())!;
        Assert.Equal(id, callback["id"]!.GetValue<long>());
        Assert.Equal("complete", callback["state"]!.GetValue<string>());
        Assert.Equal("document-signing", callback["type"]!.GetValue<string>());
        Assert.Equal(consumer.Id, callback["consumer"]!.GetValue<string>());
        receiver.Stop();
    }

    [Fact]
    public async Task Unreachable_callback_is_tried_five_times()
    {
        await using var api = await FnsApi.StartAsync();
        var consumer = api.Consumer();
        var body = new JsonObject { ["scenario"] = 102, ["consumer"] = consumer.Id, ["callback"] = "http://127.0.0.1:9/none",
            ["external_activity"] = new JsonObject { ["url"] = "https://example.org" } };
        var id = (await api.CreateAsync(body))["id"]!.GetValue<long>();
        await api.PutAsync($"api/rb/workflow/{id}/state", new JsonObject { ["state"] = "complete_external_activity" });
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (api.Server.FnsCallbacks.Count(d => d.WorkflowId == id) < 5 && DateTime.UtcNow < deadline) await Task.Delay(20, TestContext.Current.CancellationToken);
        await Task.Delay(200, TestContext.Current.CancellationToken);
        var deliveries = api.Server.FnsCallbacks.Where(d => d.WorkflowId == id).ToList();
        Assert.Equal(5, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal(0, d.Status));
    }
}
