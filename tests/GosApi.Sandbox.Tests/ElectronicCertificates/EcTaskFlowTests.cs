using System.Text.Json.Nodes;

namespace GosApi.Sandbox.Tests.ElectronicCertificates;

/// <summary>Queued tasks: status progression, the status queue, results, statements, edit and block, business rules.</summary>
public sealed class EcTaskFlowTests
{
    private static Task<SandboxServer> StartAsync(double clockSpeed = 6000) => Sandboxes.StartFastAsync(o => o.ClockSpeed = clockSpeed);

    private static JsonNode Record(JsonArray records, int index = 0) => records[index]!;

    [Fact]
    public async Task Status_progresses_on_the_sandbox_clock_until_the_task_is_executed()
    {
        await using var sandbox = await StartAsync(clockSpeed: 60); // 30 sandbox seconds = 0.5 s
        using var api = new EcApi(sandbox);
        var taskId = await api.QueueAsync("ec-create", EcBodies.Create(EcBodies.Assignment()));
        var seen = new List<string>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (seen.LastOrDefault() != "taskIsExecuted")
        {
            Assert.True(DateTime.UtcNow < deadline, string.Join(", ", seen));
            foreach (var item in await api.StatusesAsync())
            {
                Assert.Equal(taskId, (string)item!["Id"]!);
                Assert.Equal("ec_create", (string)item["Task_Type"]!);
                seen.Add((string)item["Status"]!);
            }
            await Task.Delay(100, EcApi.Ct);
        }
        // Each step is reported once, in order (a slow machine may poll past a 0.5 s step; EcTaskTimelineTests pins the times).
        string[] steps = ["requestIsQueued", "requestIsAcceptedBySmev", "underProcessing", "responseIsAcceptedBySmev", "taskIsExecuted"];
        Assert.Equal("requestIsQueued", seen[0]);
        Assert.Equal(seen.OrderBy(s => Array.IndexOf(steps, s)), seen);
        Assert.Equal(seen.Distinct(), seen);
        Assert.All(seen, s => Assert.Contains(s, steps));
    }

    [Fact]
    public async Task Create_results_and_statement_of_an_ESTR0001_certificate()
    {
        await using var sandbox = await StartAsync();
        using var api = new EcApi(sandbox);
        var goods = new[] { EcBodies.Good(1_500_000, 2), EcBodies.Good(300_000, 5, code: "32.50.22.190-00005") };
        var taskId = await api.QueueAsync("ec-create", EcBodies.Create(EcBodies.Assignment(EcBodies.Type1, null, null, goods)));

        var records = await api.WaitForRecordsAsync(taskId, "ec_create_task_results", "eCertificatesCreateResponse");
        var results = await api.ResultsAsync(taskId, Guid.NewGuid().ToString());
        Assert.Equal(["ec_create_task_results"], results.Select(g => g.Key));
        var task = Assert.Single(results["ec_create_task_results"]!.AsArray())!;
        Assert.Equal(taskId, (string)task["Id"]!);
        Assert.Equal("ec_create", (string)task["Task_Type"]!);
        Assert.Equal(records.ToJsonString(), task["eCertificatesCreateResponse"]!.ToJsonString()); // may be read again

        var record = Record(records);
        Assert.Equal(1, (int)record["recordId"]!);
        var protocol = record["protocol"]!;
        Assert.True((bool)protocol["isProcessedSuccessfully"]!);
        Assert.Null(protocol["processingProtocol"]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$", (string)protocol["receivingTime"]!);
        var certificate = record["eCertificate"]!;
        var number = (string)certificate["certificateNumber"]!;
        Assert.Matches("^[0-9]{25}$", number);
        Assert.Equal((string)record["factAssignmentUuid"]!, (string)certificate["factAssignmentUuid"]!);
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", (string)record["factAssignmentUuid"]!);
        Assert.Equal("2025-01-01", (string)certificate["startDate"]!);
        Assert.Equal("2025-12-31", (string)certificate["endDate"]!);
        Assert.Equal(EcBodies.ProgramTsr, (string)certificate["program"]!);
        Assert.Equal("ECUSNONE", (string)certificate["usageStatus"]!);
        Assert.Equal("ECSTACTV", (string)certificate["currentStatus"]!["statusCode"]!);
        Assert.Equal("ECSR9999", (string)certificate["currentStatus"]!["statusReason"]!);
        Assert.NotNull(certificate["currentStatus"]!["statusDateTime"]);
        Assert.Null(certificate["certificateAmount"]);
        Assert.Null(certificate["usageTransactions"]);
        Assert.Equal("""[{"actualAmount":3000000,"actualQuantity":2,"code":"30.92.20.000-00001"},{"actualAmount":1500000,"actualQuantity":5,"code":"32.50.22.190-00005"}]""",
            EcApi.Canonical(certificate["eCertificateBalance"]!));

        var statement = await api.StatementJsonAsync(number);
        Assert.Equal(EcApi.Canonical(certificate), EcApi.Canonical(statement));

        using var other = new EcApi(sandbox); // another client's certificates are not found
        await other.ExpectErrorAsync(other.StatementAsync(number), HttpStatusCode.NotFound, "EC00216");
        Assert.Empty(await other.ResultsAsync(taskId));
    }

    [Fact]
    public async Task Balances_follow_the_certificate_type()
    {
        await using var sandbox = await StartAsync();
        using var api = new EcApi(sandbox);
        var taskId = await api.QueueAsync("ec-create", EcBodies.Create(
            EcBodies.Assignment(EcBodies.Type2, 5_000_000, null, EcBodies.Good(null, null)),
            EcBodies.Assignment(EcBodies.Type3, 5_000_000, 3, EcBodies.Good(2_000_000, null)),
            EcBodies.Assignment(EcBodies.Type4, 5_000_000, null, EcBodies.Good(null, 4))));
        var records = await api.WaitForRecordsAsync(taskId, "ec_create_task_results", "eCertificatesCreateResponse");
        Assert.Equal([1, 2, 3], records.Select(r => (int)r!["recordId"]!));
        Assert.All(records, r => Assert.True((bool)r!["protocol"]!["isProcessedSuccessfully"]!));
        string Summary(int i)
        {
            var c = records[i]!["eCertificate"]!.AsObject();
            return $"{c["certificateAmount"]?.ToJsonString()}|{c["certificateQuantity"]?.ToJsonString()}|{c["certificateActualAmount"]?.ToJsonString()}|{c["certificateActualQuantity"]?.ToJsonString()}|{EcApi.Canonical(c["eCertificateBalance"]!)}";
        }
        Assert.Equal("""5000000||5000000||[{"code":"30.92.20.000-00001"}]""", Summary(0));
        Assert.Equal("""5000000|3|5000000|3|[{"code":"30.92.20.000-00001"}]""", Summary(1));
        Assert.Equal("""5000000||5000000||[{"actualQuantity":4,"code":"30.92.20.000-00001"}]""", Summary(2));
        Assert.Equal(3, records.Select(r => (string)r!["eCertificate"]!["certificateNumber"]!).Distinct().Count());
    }

    [Fact]
    public async Task Business_rules_fail_records_in_the_protocol_while_the_others_succeed()
    {
        await using var sandbox = await StartAsync();
        using var api = new EcApi(sandbox);
        var badSnils = EcBodies.Assignment();
        badSnils["pid"] = "11223344596";
        var badInn = EcBodies.Assignment();
        badInn["organization"]!["INN"] = "7707083894";
        var badDates = EcBodies.Assignment();
        badDates["endDate"] = "2024-12-31T00:00:00+03:00";
        var type1WithAmount = EcBodies.Assignment(EcBodies.Type1, 100, null, EcBodies.Good(100, null));
        var type3Incomplete = EcBodies.Assignment(EcBodies.Type3, 100, null, EcBodies.Good(null, 1));
        var smallSnils = EcBodies.Assignment();
        smallSnils["pid"] = "00100199800"; // up to 001-001-998 no check number is checked
        var taskId = await api.QueueAsync("ec-create", EcBodies.Create(EcBodies.Assignment(), badSnils, badInn, badDates, type1WithAmount, type3Incomplete, smallSnils));

        var records = await api.WaitForRecordsAsync(taskId, "ec_create_task_results", "eCertificatesCreateResponse");
        string[] Rules(int i) => records[i]!["protocol"]!["processingProtocol"]?.AsArray().Select(m =>
        {
            Assert.Equal(1, (int)m!["MessageType"]!);
            Assert.False(string.IsNullOrEmpty((string)m["MessageMetadata"]!));
            return (string)m["ruleCode"]!;
        }).ToArray() ?? [];
        Assert.True((bool)records[0]!["protocol"]!["isProcessedSuccessfully"]!);
        Assert.Equal(["101"], Rules(1));
        Assert.Equal(["102"], Rules(2));
        Assert.Equal(["103"], Rules(3));
        Assert.Equal(["110", "113"], Rules(4));
        Assert.Equal(["111", "112", "113"], Rules(5));
        Assert.Empty(Rules(6));
        foreach (var i in new[] { 1, 2, 3, 4, 5 })
        {
            Assert.False((bool)records[i]!["protocol"]!["isProcessedSuccessfully"]!);
            Assert.Null(records[i]!["eCertificate"]);
            Assert.Null(records[i]!["factAssignmentUuid"]);
        }
        Assert.Contains("expected 95", (string)records[1]!["protocol"]!["processingProtocol"]![0]!["MessageMetadata"]!);
    }

    [Fact]
    public async Task Edit_changes_the_certificate_and_fails_for_unknown_or_mismatched_ones()
    {
        await using var sandbox = await StartAsync();
        using var api = new EcApi(sandbox);
        var (number, uuid) = await api.IssueAsync();

        var ok = await api.QueueAsync("ec-edit", EcBodies.Edit(number, uuid, pid: "00100199800", phone: "9998887766", card: "2200987654321098765"));
        var record = Assert.Single(await api.WaitForRecordsAsync(ok, "ec_edit_tasks_results", "eCertificateEditResponse"))!;
        Assert.True((bool)record["protocol"]!["isProcessedSuccessfully"]!, record.ToJsonString());
        Assert.Equal(uuid, (string)record["factAssignmentUuid"]!);
        Assert.Equal(number, (string)record["eCertificate"]!["certificateNumber"]!);

        var unknown = await api.QueueAsync("ec-edit", EcBodies.Edit(new string('9', 25), uuid, phone: "9998887766"));
        Assert.Equal("201", (string)(await api.WaitForRecordsAsync(unknown, "ec_edit_tasks_results", "eCertificateEditResponse"))[0]!["protocol"]!["processingProtocol"]![0]!["ruleCode"]!);
        var mismatch = await api.QueueAsync("ec-edit", EcBodies.Edit(number, Guid.NewGuid().ToString(), phone: "9998887766"));
        Assert.Equal("202", (string)(await api.WaitForRecordsAsync(mismatch, "ec_edit_tasks_results", "eCertificateEditResponse"))[0]!["protocol"]!["processingProtocol"]![0]!["ruleCode"]!);
        var badSnils = await api.QueueAsync("ec-edit", EcBodies.Edit(number, uuid, pid: "11223344596"));
        Assert.Equal("101", (string)(await api.WaitForRecordsAsync(badSnils, "ec_edit_tasks_results", "eCertificateEditResponse"))[0]!["protocol"]!["processingProtocol"]![0]!["ruleCode"]!);
    }

    [Fact]
    public async Task Block_sets_ECSTBLKD_with_the_matching_reason_and_a_second_block_or_an_edit_fails()
    {
        await using var sandbox = await StartAsync();
        using var api = new EcApi(sandbox);
        var (number, uuid) = await api.IssueAsync();

        var block = await api.QueueAsync("ec-block", EcBodies.Block(number, uuid, EcBodies.Block9010));
        var record = Assert.Single(await api.WaitForRecordsAsync(block, "ec_block_task_results", "eCertificateBlockResponse"))!;
        Assert.True((bool)record["protocol"]!["isProcessedSuccessfully"]!);
        Assert.Equal("ECSTBLKD", (string)record["eCertificate"]!["currentStatus"]!["statusCode"]!);
        Assert.Equal("ECSR9010", (string)record["eCertificate"]!["currentStatus"]!["statusReason"]!);

        var statement = await api.StatementJsonAsync(number);
        Assert.Equal("ECSTBLKD", (string)statement["currentStatus"]!["statusCode"]!);

        var again = await api.QueueAsync("ec-block", EcBodies.Block(number, uuid));
        var edit = await api.QueueAsync("ec-edit", EcBodies.Edit(number, uuid, phone: "9998887766"));
        Assert.Equal("203", (string)(await api.WaitForRecordsAsync(again, "ec_block_task_results", "eCertificateBlockResponse"))[0]!["protocol"]!["processingProtocol"]![0]!["ruleCode"]!);
        Assert.Equal("203", (string)(await api.WaitForRecordsAsync(edit, "ec_edit_tasks_results", "eCertificateEditResponse"))[0]!["protocol"]!["processingProtocol"]![0]!["ruleCode"]!);
        Assert.Throws<InvalidOperationException>(() => sandbox.SimulateElectronicCertificatePurchase(number));
    }

    [Fact]
    public async Task Task_status_is_a_queue_of_changes_paged_by_Task_Quantity()
    {
        await using var sandbox = await StartAsync(clockSpeed: 10); // requestIsAcceptedBySmev after 3 s
        using var api = new EcApi(sandbox);
        var created = new List<string>();
        for (var i = 0; i < 3; i++) created.Add(await api.QueueAsync("ec-create", EcBodies.Create(EcBodies.Assignment())));
        var block = await api.QueueAsync("ec-block", EcBodies.Block(new string('1', 25), Guid.NewGuid().ToString()));

        var page1 = await api.StatusesAsync(2, "ec_create");
        var page2 = await api.StatusesAsync(2, "ec_create");
        Assert.Equal(created, page1.Concat(page2).Select(t => (string)t!["Id"]!)); // oldest first
        Assert.All(page1.Concat(page2), t => Assert.Equal("requestIsQueued", (string)t!["Status"]!));
        Assert.Single(page2);
        Assert.Empty(await api.StatusesAsync(2, "ec_create")); // nothing new
        Assert.Empty(await api.StatusesAsync(100, "ec_edit", "ec_status"));
        var blocks = await api.StatusesAsync(100, "ec_block", "ec_create");
        Assert.Equal(block, (string)Assert.Single(blocks)!["Id"]!);
        Assert.Equal("ec_block", (string)blocks[0]!["Task_Type"]!);

        await Task.Delay(TimeSpan.FromSeconds(3.3), EcApi.Ct);
        var moved = await api.StatusesAsync(100, "ec_create", "ec_block");
        Assert.Equal(created.Append(block), moved.Select(t => (string)t!["Id"]!));
        Assert.All(moved, t => Assert.Equal("requestIsAcceptedBySmev", (string)t!["Status"]!));
        Assert.Empty(await api.StatusesAsync(100, "ec_create", "ec_block"));
        Assert.Empty(await api.ResultsAsync([.. created, block])); // not executed yet: left out
    }

    [Fact]
    public async Task Parallel_batches_each_get_their_own_task()
    {
        await using var sandbox = await StartAsync();
        using var api = new EcApi(sandbox);
        var tasks = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => api.QueueAsync("ec-create", EcBodies.Create(EcBodies.Assignment(), EcBodies.Assignment()))));
        Assert.Equal(12, tasks.Distinct().Count());
        foreach (var task in tasks) await api.WaitForRecordsAsync(task, "ec_create_task_results", "eCertificatesCreateResponse");
        var results = await api.ResultsAsync(tasks);
        var numbers = results["ec_create_task_results"]!.AsArray()
            .SelectMany(t => t!["eCertificatesCreateResponse"]!.AsArray()).Select(r => (string)r!["eCertificate"]!["certificateNumber"]!).ToArray();
        Assert.Equal(24, numbers.Distinct().Count());
    }
}
