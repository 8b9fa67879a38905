using System.Text.Json.Nodes;

namespace GosApi.Sandbox.Tests.ElectronicCertificates;

/// <summary>Fault injection on the ИС ЭС routes (TamperBody, DropSignature and the generic kinds) and the purchase hook.</summary>
public sealed class EcFaultAndPurchaseTests
{
    private static Task<SandboxServer> StartAsync() => Sandboxes.StartFastAsync(o => o.ClockSpeed = 6000);

    private static bool SignatureVerifies(HttpResponseMessage response, byte[] body, string secret) =>
        response.Headers.TryGetValues("x-jws-signature", out var values) && values.Single() == EcApi.Sign(body, secret);

    [Fact]
    public async Task TamperBody_changes_the_acknowledgement_after_signing()
    {
        await using var sandbox = await StartAsync();
        using var api = new EcApi(sandbox);
        sandbox.Faults.Add(new FaultRule { PathPrefix = "/api/1.2.1-У/ес/ec-create", Kind = FaultKind.TamperBody });
        using var response = await api.PostAsync("ec-create", EcBodies.Create(EcBodies.Assignment()));
        var body = await response.Content.ReadAsByteArrayAsync(EcApi.Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("REQUEST_IS_ACCEPTED", Encoding.UTF8.GetString(body));
        Assert.False(SignatureVerifies(response, body, api.Client.SharedSecret));
        Assert.True(SignatureVerifies(response, "REQUEST_IS_QUEUED"u8.ToArray(), api.Client.SharedSecret));

        // The task was queued all the same, and the next answer is intact.
        Assert.Single(await api.StatusesAsync());
    }

    [Fact]
    public async Task TamperBody_changes_a_value_of_a_JSON_answer()
    {
        await using var sandbox = await StartAsync();
        using var api = new EcApi(sandbox);
        var (number, _) = await api.IssueAsync();
        var intact = EcApi.Canonical(await api.StatementJsonAsync(number));
        sandbox.Faults.Add(new FaultRule { PathPrefix = "/api/1.2.1-У/ес/ec-detailed-statement", Kind = FaultKind.TamperBody });
        using var response = await api.StatementAsync(number);
        var body = await response.Content.ReadAsByteArrayAsync(EcApi.Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(intact, Encoding.UTF8.GetString(body));
        Assert.NotNull(JsonNode.Parse(body));
        Assert.False(SignatureVerifies(response, body, api.Client.SharedSecret));
        Assert.True(SignatureVerifies(response, Encoding.UTF8.GetBytes(intact), api.Client.SharedSecret));

        sandbox.Faults.Add(new FaultRule { PathPrefix = "/api/1.2.1-Y/ec/ec-tasks-status", Kind = FaultKind.TamperBody });
        using var latin = new EcApi(sandbox, api.Client, EcApi.LatinBase);
        using var empty = await latin.PostAsync("ec-tasks-status", new JsonObject { ["Request_Types"] = new JsonArray("ec_edit"), ["Task_Quantity"] = 1 });
        var emptyBody = await empty.Content.ReadAsByteArrayAsync(EcApi.Ct);
        Assert.Equal("[true]", Encoding.UTF8.GetString(emptyBody));
        Assert.True(SignatureVerifies(empty, "[]"u8.ToArray(), api.Client.SharedSecret));
    }

    [Fact]
    public async Task DropSignature_leaves_the_signature_out_once()
    {
        await using var sandbox = await StartAsync();
        using var api = new EcApi(sandbox);
        sandbox.Faults.Add(new FaultRule { PathPrefix = "/api/1.2.1-У/ес/", Kind = FaultKind.DropSignature });
        using var response = await api.PostAsync("ec-create", EcBodies.Create(EcBodies.Assignment()));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.False(response.Headers.Contains("x-jws-signature"));
        EcApi.AssertResponseHeaders(response);
        Assert.Equal("REQUEST_IS_QUEUED", await response.Content.ReadAsStringAsync(EcApi.Ct));
        Assert.Single(await api.StatusesAsync()); // signed again
    }

    [Fact]
    public async Task New_fault_kinds_are_accepted_by_the_control_endpoint()
    {
        await using var sandbox = await StartAsync();
        using var http = new HttpClient { BaseAddress = sandbox.BaseUri };
        foreach (var kind in new[] { "TamperBody", "DropSignature" })
        {
            using var response = await http.PostAsync("sandbox/faults",
                new StringContent($$"""{"pathPrefix":"/api/1.2.1-Y/ec/","kind":"{{kind}}"}""", Encoding.UTF8, "application/json"), EcApi.Ct);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
        Assert.Equal([FaultKind.TamperBody, FaultKind.DropSignature], sandbox.Faults.Rules.Select(r => r.Kind));
    }

    [Fact]
    public async Task Generic_faults_answer_in_the_services_error_shape_signed()
    {
        await using var sandbox = await StartAsync();
        using var api = new EcApi(sandbox);
        sandbox.Faults.Add(new FaultRule { PathPrefix = "/api/1.2.1-У/ес/ec-create", Kind = FaultKind.Status, StatusCode = 503 });
        sandbox.Faults.Add(new FaultRule { PathPrefix = "/api/1.2.1-У/ес/ec-tasks-status", Kind = FaultKind.TooManyRequests, RetryAfterSeconds = 4 });
        sandbox.Faults.Add(new FaultRule { PathPrefix = "/api/1.2.1-У/ес/ec-tasks-results", Kind = FaultKind.Delay, Delay = TimeSpan.FromMilliseconds(300) });

        var created = EcBodies.Create(EcBodies.Assignment());
        await api.ExpectErrorAsync(api.PostAsync("ec-create", created), HttpStatusCode.ServiceUnavailable, "EC00200");
        await api.QueueAsync("ec-create", created); // the retry passes

        var statusBody = new JsonObject { ["Request_Types"] = new JsonArray("ec_create"), ["Task_Quantity"] = 1 };
        using (var limited = await api.PostAsync("ec-tasks-status", statusBody))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(4), limited.Headers.RetryAfter!.Delta);
            Assert.Contains("EC00200", await api.ReadSignedAsync(limited));
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Empty(await api.ResultsAsync(Guid.NewGuid().ToString()));
        Assert.True(watch.ElapsedMilliseconds >= 250);
    }

    [Fact]
    public async Task ResetConnection_drops_the_request_before_it_is_queued()
    {
        await using var sandbox = await StartAsync();
        using var api = new EcApi(sandbox);
        sandbox.Faults.Add(new FaultRule { PathPrefix = "/api/1.2.1-У/ес/ec-create", Kind = FaultKind.ResetConnection });
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => api.PostAsync("ec-create", EcBodies.Create(EcBodies.Assignment())));
        Assert.Empty(await api.StatusesAsync());
    }

    [Fact]
    public async Task Purchase_adds_a_usage_transaction_and_lowers_the_balance()
    {
        await using var sandbox = await StartAsync();
        using var api = new EcApi(sandbox);
        var (number, _) = await api.IssueAsync(EcBodies.Assignment(EcBodies.Type1, null, null, EcBodies.Good(1_500_000, 2)));

        var purchase = sandbox.SimulateElectronicCertificatePurchase(number);
        Assert.Equal(1, purchase.Quantity);
        Assert.Equal(1_500_000, purchase.Amount);
        Assert.Equal(16, purchase.TransactionNumber.ToString().Length);

        var statement = await api.StatementJsonAsync(number);
        Assert.Equal("ECUSPART", (string)statement["usageStatus"]!);
        Assert.Equal("""[{"actualAmount":1500000,"actualQuantity":1,"code":"30.92.20.000-00001"}]""", EcApi.Canonical(statement["eCertificateBalance"]!));
        var transaction = Assert.Single(statement["usageTransactions"]!.AsArray())!;
        Assert.Equal(purchase.TransactionNumber, (long)transaction["transactionNumber"]!);
        Assert.Equal("OPTPPRCH", (string)transaction["transactionType"]!);
        Assert.Equal(1_500_000, (long)transaction["transactionTotalAmount"]!);
        Assert.Equal("30.92.20.000-00001", (string)transaction["transactionGoodsWorksServices"]![0]!["code"]!);
        Assert.NotNull(transaction["seller"]!["INN"]);

        // Through the control endpoint, the rest of the good: fully used.
        using var http = new HttpClient { BaseAddress = sandbox.BaseUri };
        using var response = await http.PostAsync($"sandbox/ec/certificates/{number}/purchase",
            new StringContent("""{"quantity":1,"amount":1400000}""", Encoding.UTF8, "application/json"), EcApi.Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        statement = await api.StatementJsonAsync(number);
        Assert.Equal("ECUSFULL", (string)statement["usageStatus"]!);
        Assert.Equal(2, statement["usageTransactions"]!.AsArray().Count);

        Assert.Throws<InvalidOperationException>(() => sandbox.SimulateElectronicCertificatePurchase(number));
        Assert.Throws<KeyNotFoundException>(() => sandbox.SimulateElectronicCertificatePurchase(new string('7', 25)));
        using var unknown = await http.PostAsync($"sandbox/ec/certificates/{new string('7', 25)}/purchase", null, EcApi.Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Purchase_with_an_amount_certificate_lowers_certificateActualAmount()
    {
        await using var sandbox = await StartAsync();
        using var api = new EcApi(sandbox);
        var (number, _) = await api.IssueAsync(EcBodies.Assignment(EcBodies.Type2, 50_000, null, EcBodies.Good(null, null)));
        sandbox.SimulateElectronicCertificatePurchase(number, amount: 20_000);
        var statement = await api.StatementJsonAsync(number);
        Assert.Equal(30_000, (long)statement["certificateActualAmount"]!);
        Assert.Equal(50_000, (long)statement["certificateAmount"]!);
        Assert.Throws<InvalidOperationException>(() => sandbox.SimulateElectronicCertificatePurchase(number, amount: 30_001));
    }
}
