using System.Text;
using System.Text.Json;
using GosApi.Core.Tests.Http;
using GosApi.ElectronicCertificates;
using GosApi.ElectronicCertificates.Models;
using GosApi.Errors;
using Xunit;
using static GosApi.Core.Tests.ElectronicCertificates.EcTestData;

namespace GosApi.Core.Tests.ElectronicCertificates;

/// <summary>Reading statements, task statuses (a queue) and task results, and waiting for tasks.</summary>
public class ReaderAndTaskTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string apiKey = Secrets.New("ec-task-key");
    private readonly byte[] secret = Encoding.UTF8.GetBytes(Secrets.New("ec-task-secret"));

    private const string Protocol = "\"receivingTime\":\"2025-02-01T10:00:00+03:00\",\"processingTime\":\"2025-02-01T10:03:00+03:00\"";

    private const string FullStatement = @"{
        ""factAssignmentUuid"": """ + Uuid + @""",
        ""certificateNumber"": """ + CertificateNumber + @""",
        ""startDate"": ""2025-01-15"",
        ""endDate"": ""2025-12-31"",
        ""program"": """ + ProgramT + @""",
        ""certificateAmount"": 1500000,
        ""goodsWorksServices"": [ { ""code"": ""01.02.03.04.05.06"", ""name"": ""Кресло-коляска"", ""quantity"": 2 } ],
        ""usageStatus"": ""ECUSPART"",
        ""currentStatus"": { ""statusCode"": ""ECSTACTV"", ""statusReason"": ""ECSR9999"", ""statusDateTime"": ""2025-02-01T10:00:00+03:00"" },
        ""activationSuspensionReasons"": ""ECASCARD"",
        ""certificateActualAmount"": 1200000,
        ""usageTransactions"": [ {
            ""transactionNumber"": 1234567890123456,
            ""transactionType"": ""OPTPPRCH"",
            ""transactionTimestamp"": ""2025-02-03T12:15:00+03:00"",
            ""transactionAddress"": ""г. Москва, ул. Тверская, 1"",
            ""transactionGoodsWorksServices"": [ { ""code"": ""01.02.03.04.05.06"", ""name"": ""Кресло-коляска"", ""transactionAmount"": 300000, ""transactionFullAmount"": 350000, ""transactionQuantity"": 1 } ],
            ""seller"": { ""fullName"": ""ООО «Ромашка»"", ""INN"": ""7707083893"", ""KPP"": ""773601001"" },
            ""transactionTotalAmount"": 300000,
            ""transactionTotalFullAmount"": 350000
        }, {
            ""transactionNumber"": 2, ""transactionType"": ""OPTPXXXX"", ""transactionTimestamp"": ""2025-02-04T08:00:00+00:00"",
            ""transactionLocation"": { ""address"": ""онлайн"" }, ""transactionTotalAmount"": 0, ""transactionTotalFullAmount"": 0
        } ],
        ""eCertificateBalance"": [ { ""code"": ""01.02.03.04.05.06"", ""actualAmount"": 0, ""actualQuantity"": 1 } ]
    }";

    // ---- reader ----

    [Fact]
    public void Statement_is_read_with_status_usage_transactions_and_balance()
    {
        using var document = JsonDocument.Parse(FullStatement);
        var c = ElectronicCertificateReader.Certificate(document.RootElement);

        Assert.Equal(CertificateNumber, c.CertificateNumber);
        Assert.Equal(Uuid, c.FactAssignmentUuid);
        Assert.Equal(new DateTime(2025, 1, 15), c.StartDate);
        Assert.Equal(new DateTime(2025, 12, 31), c.EndDate);
        Assert.Equal(ProgramT, c.Program!.Code);
        Assert.Equal("Технические средства реабилитации", c.Program.Meaning);
        Assert.Equal(1_500_000, c.CertificateAmount);
        Assert.Null(c.CertificateQuantity);
        Assert.Equal(("ECSTACTV", "Активный"), (c.Status!.Code, c.Status.Meaning));
        Assert.Equal("ECSR9999", c.StatusReason!.Code);
        Assert.Equal(new DateTimeOffset(2025, 2, 1, 7, 0, 0, TimeSpan.Zero), c.StatusDateTime);
        Assert.Equal(("ECUSPART", "Использован частично"), (c.UsageStatus!.Code, c.UsageStatus.Meaning));
        Assert.Equal("ECASCARD", c.ActivationSuspensionReason!.Code);
        Assert.Equal(1_200_000, c.ActualAmount);
        var good = Assert.Single(c.GoodsWorksServices);
        Assert.Equal(("01.02.03.04.05.06", "Кресло-коляска", 2), (good.Code, good.Name, good.Quantity));

        Assert.Equal(2, c.Transactions.Count);
        var purchase = c.Transactions[0];
        Assert.Equal(1234567890123456, purchase.TransactionNumber);
        Assert.Equal(("OPTPPRCH", "Покупка"), (purchase.TransactionType!.Code, purchase.TransactionType.Meaning));
        Assert.Equal(new DateTimeOffset(2025, 2, 3, 9, 15, 0, TimeSpan.Zero), purchase.Timestamp);
        Assert.Equal("г. Москва, ул. Тверская, 1", purchase.Address);
        Assert.Equal((300000L, 350000L), (purchase.TotalAmount!.Value, purchase.TotalFullAmount!.Value));
        Assert.Equal(("ООО «Ромашка»", "7707083893", "773601001"), (purchase.SellerName, purchase.SellerInn, purchase.SellerKpp));
        var item = Assert.Single(purchase.Items);
        Assert.Equal((300000L, 350000L, 1), (item.Amount!.Value, item.FullAmount!.Value, item.Quantity!.Value));
        // An unknown transaction type is kept; the address may come from transactionLocation.
        Assert.False(c.Transactions[1].TransactionType!.IsKnown);
        Assert.Equal("онлайн", c.Transactions[1].Address);
        Assert.Empty(c.Transactions[1].Items);

        var balance = Assert.Single(c.Balance);
        Assert.Equal(("01.02.03.04.05.06", 0L, 1L), (balance.Code, balance.ActualAmount!.Value, balance.ActualQuantity!.Value));
    }

    [Fact]
    public void Task_statuses_are_read_from_an_array_or_a_wrapped_array()
    {
        var at = new DateTimeOffset(2025, 2, 1, 10, 0, 0, TimeSpan.Zero);
        using var array = JsonDocument.Parse("[{\"Id\":\"" + Uuid + "\",\"Status\":\"underProcessing\",\"Task_Type\":\"ec_create\"},{\"Id\":\"x\",\"Status\":\"taskIsExecuted\"}]");
        var tasks = ElectronicCertificateReader.TaskStatuses(array.RootElement, at);

        Assert.Equal(2, tasks.Count);
        Assert.Equal((Uuid, "ec_create", "underProcessing", "Обрабатывается поставщиком сервиса", at), (tasks[0].TaskId, tasks[0].TaskType, tasks[0].Status, tasks[0].StatusMeaning, tasks[0].ObservedAt));
        Assert.False(tasks[0].IsCompleted);
        Assert.True(tasks[1].IsCompleted && tasks[1].IsSuccessful);
        Assert.Null(tasks[1].TaskType);

        using var wrapped = JsonDocument.Parse("{\"tasks\":[{\"Id\":\"a\",\"Status\":\"cancelled\"}]}");
        var cancelled = Assert.Single(ElectronicCertificateReader.TaskStatuses(wrapped.RootElement, at));
        Assert.True(cancelled.IsFailed && cancelled.IsCompleted && !cancelled.IsSuccessful);

        using var bad = JsonDocument.Parse("[{\"Status\":\"cancelled\"}]");
        Assert.Equal(GosApiErrorKind.InvalidResponse, Assert.Throws<GosApiException>(() => ElectronicCertificateReader.TaskStatuses(bad.RootElement, at)).Kind);
        using var text = JsonDocument.Parse("\"REQUEST_IS_QUEUED\"");
        Assert.Throws<GosApiException>(() => ElectronicCertificateReader.TaskStatuses(text.RootElement, at));
    }

    private static string Results(string create, string edit, string block) =>
        "{\"ec_tasks_results\":{" +
        "\"ec_create_task_results\":[{\"Id\":\"" + create + "\",\"Task_Type\":\"ec_create\",\"eCertificatesCreateResponse\":[" +
            "{\"recordId\":1,\"protocol\":{" + Protocol + ",\"isProcessedSuccessfully\":true},\"factAssignmentUuid\":\"" + Uuid + "\"," +
            "\"eCertificate\":{\"certificateNumber\":\"" + CertificateNumber + "\",\"factAssignmentUuid\":\"" + Uuid + "\",\"usageStatus\":\"ECUSNONE\",\"currentStatus\":{\"statusCode\":\"ECSTFRMD\",\"statusReason\":\"ECSR9999\",\"statusDateTime\":\"2025-02-01T10:03:00+03:00\"}}}," +
            "{\"recordId\":2,\"protocol\":{" + Protocol + ",\"isProcessedSuccessfully\":false,\"processingProtocol\":[" +
                "{\"MessageType\":1,\"ruleCode\":\"012\",\"MessageMetadata\":\"СНИЛС не прошёл проверку контрольной суммы\"}," +
                "{\"MessageType\":2,\"MessageMetadata\":\"Телефон не подтверждён\"}]}}]}]," +
        "\"ec_edit_tasks_results\":[{\"Id\":\"" + edit + "\",\"Task_Type\":\"ec_edit\",\"eCertificateEditResponse\":[{\"recordId\":1,\"protocol\":{" + Protocol + ",\"isProcessedSuccessfully\":true}}]}]," +
        "\"ec_block_task_results\":[{\"Id\":\"" + block + "\",\"Task_Type\":\"ec_block\",\"eCertificateBlockResponse\":[{\"recordId\":3,\"protocol\":{" + Protocol + ",\"isProcessedSuccessfully\":true},\"factAssignmentUuid\":\"" + Uuid + "\"}]}]" +
        "}}";

    [Fact]
    public void Task_results_of_every_group_are_read_with_their_protocols()
    {
        string a = Guid.NewGuid().ToString(), b = Guid.NewGuid().ToString(), c = Guid.NewGuid().ToString();
        using var document = JsonDocument.Parse(Results(a, b, c));
        var info = new ResponseInfo("req", "resp", "corr", null);

        var results = ElectronicCertificateReader.TaskResults(document.RootElement, info);

        Assert.Equal(new[] { (a, 1), (a, 2), (b, 1), (c, 3) }, results.Select(r => (r.TaskId, r.RecordId)));
        Assert.Equal(new[] { "ec_create", "ec_create", "ec_edit", "ec_block" }, results.Select(r => r.TaskType));
        var ok = results[0];
        Assert.True(ok.IsProcessedSuccessfully);
        Assert.Empty(ok.Messages);
        Assert.Equal(CertificateNumber, ok.CertificateNumber);
        Assert.Equal("ECSTFRMD", ok.Certificate!.Status!.Code);
        Assert.Equal(Uuid, ok.FactAssignmentUuid);
        Assert.Equal(new DateTimeOffset(2025, 2, 1, 7, 0, 0, TimeSpan.Zero), ok.ReceivingTime);
        Assert.Equal(new DateTimeOffset(2025, 2, 1, 7, 3, 0, TimeSpan.Zero), ok.ProcessingTime);
        Assert.Equal(("req", "resp", "corr"), (ok.RequestId, ok.ResponseId, ok.CorrelationId));

        var failed = results[1];
        Assert.False(failed.IsProcessedSuccessfully);
        Assert.Equal(2, failed.Messages.Count);
        Assert.True(failed.Messages[0].IsError);
        Assert.Equal("012", failed.Messages[0].RuleCode);
        Assert.Equal("СНИЛС не прошёл проверку контрольной суммы", failed.Messages[0].Text);
        Assert.False(failed.Messages[1].IsError);
        Assert.Null(failed.Messages[1].RuleCode);
        Assert.Equal("error 012: СНИЛС не прошёл проверку контрольной суммы; warning: Телефон не подтверждён", failed.MessageText);
        Assert.Null(failed.Certificate);

        Assert.Equal(Uuid, results[3].FactAssignmentUuid);
        Assert.Null(results[3].Certificate);
    }

    [Fact]
    public void Task_results_without_the_wrapper_are_a_shape_error()
    {
        using var document = JsonDocument.Parse("{\"ec_create_task_results\":[]}");
        var error = Assert.Throws<GosApiException>(() => ElectronicCertificateReader.TaskResults(document.RootElement, new ResponseInfo("r", null, null, null)));
        Assert.Equal(GosApiErrorKind.InvalidResponse, error.Kind);
        Assert.Contains("ec_tasks_results", error.Message);
        using var empty = JsonDocument.Parse("{\"ec_tasks_results\":{}}");
        Assert.Empty(ElectronicCertificateReader.TaskResults(empty.RootElement, new ResponseInfo("r", null, null, null)));
    }

    // ---- over HTTP ----

    private ElectronicCertificateSession Session(LoopbackServer server) =>
        new(new Uri(server.BaseUri, "api/1.2.1-Y/ec/"), apiKey, secret, Pipelines.FastOptions(0));

    private LoopbackServer Serve(Func<RecordedRequest, string> json) =>
        EcFake.Start(secret, r =>
        {
            var body = json(r); // once: the responders keep state
            return new EcAnswer { Body = body, SignedBody = GosApi.Json.CanonicalJson.Canonicalize(body) };
        });

    private static string Statuses(IEnumerable<(string Id, string Status)> tasks) =>
        "[" + string.Join(",", tasks.Select(t => "{\"Id\":\"" + t.Id + "\",\"Status\":\"" + t.Status + "\",\"Task_Type\":\"ec_create\"}")) + "]";

    /// <summary>ec-tasks-status as a queue: each call hands out up to Task_Quantity statuses not reported yet.</summary>
    private sealed class StatusQueue
    {
        private readonly Queue<(string, string)> pending = new();
        private readonly object gate = new();
        public List<int> Quantities { get; } = new();
        public List<string[]> Types { get; } = new();

        public void Enqueue(string id, string status) { lock (gate) pending.Enqueue((id, status)); }

        public string Answer(RecordedRequest request)
        {
            using var body = JsonDocument.Parse(request.Body);
            var quantity = body.RootElement.GetProperty("Task_Quantity").GetInt32();
            lock (gate)
            {
                Quantities.Add(quantity);
                Types.Add(body.RootElement.GetProperty("Request_Types").EnumerateArray().Select(e => e.GetString()!).ToArray());
                var page = new List<(string, string)>();
                while (page.Count < quantity && pending.Count > 0) page.Add(pending.Dequeue());
                return Statuses(page);
            }
        }
    }

    [Fact]
    public async Task Statuses_are_read_page_after_page_until_a_short_page()
    {
        var queue = new StatusQueue();
        var ids = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid().ToString()).ToArray();
        foreach (var id in ids) queue.Enqueue(id, "underProcessing");
        await using var server = Serve(queue.Answer);
        using var session = Session(server);

        var tasks = await new ElectronicCertificateClient(session).GetTaskStatusesAsync(new[] { "ec_create", "ec_edit" }, pageSize: 2, Ct);

        Assert.Equal(ids, tasks.Select(t => t.TaskId));
        Assert.Equal(3, server.Count); // 2 + 2 + 1
        Assert.Equal(new[] { 2, 2, 2 }, queue.Quantities);
        Assert.All(queue.Types, t => Assert.Equal(new[] { "ec_create", "ec_edit" }, t));
        Assert.Equal("{\"Request_Types\":[\"ec_create\",\"ec_edit\"],\"Task_Quantity\":2}", server.Requests[0].BodyText);
        Assert.Equal("/api/1.2.1-Y/ec/ec-tasks-status", server.Requests[0].Target);
    }

    [Fact]
    public async Task A_full_last_page_is_followed_by_one_empty_page()
    {
        var queue = new StatusQueue();
        for (var i = 0; i < 4; i++) queue.Enqueue(Guid.NewGuid().ToString(), "requestIsQueued");
        await using var server = Serve(queue.Answer);
        using var session = Session(server);

        var tasks = await new ElectronicCertificateClient(session).GetTaskStatusesAsync(null, pageSize: 2, Ct);

        Assert.Equal(4, tasks.Count);
        Assert.Equal(3, server.Count);
        // By default every kind of task is asked about.
        Assert.Equal(ElectronicCertificateCodes.TaskRequestTypes, queue.Types[0]);
    }

    [Fact]
    public async Task A_page_with_nothing_new_ends_the_reading()
    {
        var a = Guid.NewGuid().ToString();
        var b = Guid.NewGuid().ToString();
        // A service that does not work as a queue: the same full page every time.
        await using var server = Serve(_ => Statuses(new[] { (a, "underProcessing"), (b, "taskIsExecuted") }));
        using var session = Session(server);

        var tasks = await new ElectronicCertificateClient(session).GetTaskStatusesAsync(null, pageSize: 2, Ct);

        Assert.Equal(new[] { a, b }, tasks.Select(t => t.TaskId));
        Assert.Equal(2, server.Count);
    }

    [Fact]
    public async Task Statuses_are_remembered_after_the_queue_has_reported_them()
    {
        var queue = new StatusQueue();
        var a = Guid.NewGuid().ToString();
        var b = Guid.NewGuid().ToString();
        queue.Enqueue(a, "requestIsQueued");
        queue.Enqueue(b, "underProcessing");
        queue.Enqueue(a, "taskIsExecuted"); // a moved on within the same page: the later status wins
        await using var server = Serve(queue.Answer);
        using var session = Session(server);
        var client = new ElectronicCertificateClient(session);

        var first = await client.GetTaskStatusesAsync(null, 100, Ct);
        var second = await client.GetTaskStatusesAsync(null, 100, Ct);

        Assert.Equal(3, first.Count);
        Assert.Empty(second); // the queue has nothing new
        var known = client.KnownTasks(new[] { b, a.ToUpperInvariant(), Guid.NewGuid().ToString() });
        Assert.Equal(new[] { (b, "underProcessing"), (a, "taskIsExecuted") }, known.Select(t => (t.TaskId, t.Status)));
        Assert.Equal(2, session.KnownTasks.Count);
    }

    [Theory]
    [InlineData("ec_nope", 10)]
    [InlineData("ec_create", 0)]
    [InlineData("ec_create", 101)]
    public async Task Bad_status_arguments_are_refused_before_sending(string type, int pageSize)
    {
        await using var server = Serve(_ => "[]");
        using var session = Session(server);
        var error = await Assert.ThrowsAsync<GosApi.Validation.InputValidationException>(() =>
            new ElectronicCertificateClient(session).GetTaskStatusesAsync(new[] { type }, pageSize, Ct));
        Assert.Contains(pageSize is < 1 or > 100 ? "PageSize" : "RequestType", error.Message);
        Assert.Equal(0, server.Count);
    }

    [Fact]
    public async Task Results_are_asked_100_ids_at_a_time_and_ids_without_result_are_reported()
    {
        var ids = Enumerable.Range(0, 150).Select(_ => Guid.NewGuid().ToString()).ToArray();
        string create = ids[5], edit = ids[120], block = ids[149];
        var asked = new List<string[]>();
        await using var server = Serve(r =>
        {
            using var body = JsonDocument.Parse(r.Body);
            var chunk = body.RootElement.GetProperty("eCertificateRequest_TaskResult").EnumerateArray().Select(e => e.GetProperty("taskId").GetString()!).ToArray();
            lock (asked) asked.Add(chunk);
            // Only executed tasks are answered; empty groups are omitted.
            if (chunk.Contains(create)) return "{\"ec_tasks_results\":{\"ec_create_task_results\":[{\"Id\":\"" + create + "\",\"Task_Type\":\"ec_create\",\"eCertificatesCreateResponse\":[{\"recordId\":1,\"protocol\":{" + Protocol + ",\"isProcessedSuccessfully\":true}}]}]}}";
            return Results("00000000-0000-4000-8000-000000000000", edit, block).Replace("\"Id\":\"00000000-0000-4000-8000-000000000000\"", "\"Id\":\"" + edit + "\"");
        });
        using var session = Session(server);

        var answer = await new ElectronicCertificateClient(session).GetTaskResultsAsync(ids, Ct);

        Assert.Equal(2, server.Count);
        Assert.Equal(ids.Take(100), asked[0]);
        Assert.Equal(ids.Skip(100), asked[1]);
        Assert.StartsWith("{\"eCertificateRequest_TaskResult\":[{\"taskId\":\"" + ids[0] + "\"},{\"taskId\":\"" + ids[1] + "\"}", server.Requests[0].BodyText);
        Assert.Equal(new[] { create, edit, edit, edit, block }, answer.Results.Select(r => r.TaskId));
        Assert.Equal(ids.Where(id => id != create && id != edit && id != block), answer.WithoutResult);
    }

    [Fact]
    public async Task Result_ids_are_checked_and_deduplicated_before_sending()
    {
        const string id = Uuid; // variant 9: upper case stays within the spec's [89ab]
        var seen = new List<string>();
        await using var server = Serve(r => { lock (seen) seen.Add(r.BodyText); return "{\"ec_tasks_results\":{}}"; });
        using var session = Session(server);
        var client = new ElectronicCertificateClient(session);

        var error = await Assert.ThrowsAsync<GosApi.Validation.InputValidationException>(() => client.GetTaskResultsAsync(new[] { id, "42" }, Ct));
        Assert.Contains("TaskId 42", error.Message);
        await Assert.ThrowsAsync<GosApi.Validation.InputValidationException>(() => client.GetTaskResultsAsync(Array.Empty<string>(), Ct));
        Assert.Equal(0, server.Count);

        var answer = await client.GetTaskResultsAsync(new[] { id, id.ToUpperInvariant() }, Ct);
        Assert.Equal("{\"eCertificateRequest_TaskResult\":[{\"taskId\":\"" + id + "\"}]}", Assert.Single(seen));
        Assert.Equal(new[] { id }, answer.WithoutResult);
        Assert.Empty(answer.Results);
    }

    [Fact]
    public async Task Wait_returns_when_every_task_has_completed()
    {
        var queue = new StatusQueue();
        var a = Guid.NewGuid().ToString();
        var b = Guid.NewGuid().ToString();
        queue.Enqueue(a, "underProcessing");
        queue.Enqueue(b, "taskIsExecuted");
        var polls = 0;
        await using var server = Serve(r =>
        {
            if (Interlocked.Increment(ref polls) == 2) queue.Enqueue(a, "taskIsExecuted");
            return queue.Answer(r);
        });
        using var session = Session(server);
        var reports = new List<TaskWaitProgress>();

        var outcome = await new ElectronicCertificateClient(session).WaitAsync(new[] { a, b }, TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(20), new SyncProgress(reports), Ct);

        Assert.False(outcome.TimedOut);
        Assert.Equal(new[] { (a, "taskIsExecuted"), (b, "taskIsExecuted") }, outcome.Tasks.Select(t => (t.TaskId, t.Status)));
        Assert.Equal(2, polls);
        Assert.Equal(new[] { 1, 2 }, reports.Select(r => r.Completed));
        Assert.All(reports, r => Assert.Equal(2, r.Total));
        Assert.Equal(a, reports[0].Pending!.TaskId);
        Assert.Null(reports[1].Pending);
    }

    [Fact]
    public async Task Wait_reports_a_timeout_with_the_last_known_statuses()
    {
        var queue = new StatusQueue();
        var a = Guid.NewGuid().ToString();
        var unknown = Guid.NewGuid().ToString();
        queue.Enqueue(a, "responseIsAcceptedBySmev");
        await using var server = Serve(queue.Answer);
        using var session = Session(server);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        // A whole second for 50 ms polls: even a loaded machine fits a second poll in before the timeout.
        var outcome = await new ElectronicCertificateClient(session).WaitAsync(new[] { a, unknown }, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(50), null, Ct);

        Assert.True(outcome.TimedOut);
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(950), TimeSpan.FromSeconds(6));
        Assert.Equal(new[] { (a, "responseIsAcceptedBySmev"), (unknown, "requestIsQueued") }, outcome.Tasks.Select(t => (t.TaskId, t.Status)));
        Assert.True(server.Count >= 2, "polled again before giving up");
    }

    [Fact]
    public async Task Wait_counts_a_failed_task_as_completed()
    {
        var queue = new StatusQueue();
        var a = Guid.NewGuid().ToString();
        queue.Enqueue(a, "requestIsRejectedBySmev");
        await using var server = Serve(queue.Answer);
        using var session = Session(server);

        var outcome = await new ElectronicCertificateClient(session).WaitAsync(new[] { a }, TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(20), null, Ct);

        Assert.False(outcome.TimedOut);
        Assert.True(Assert.Single(outcome.Tasks).IsFailed);
        Assert.Equal(1, server.Count);
    }

    /// <summary>IProgress that reports on the caller's thread (Progress&lt;T&gt; posts to the thread pool).</summary>
    private sealed class SyncProgress : IProgress<TaskWaitProgress>
    {
        private readonly List<TaskWaitProgress> reports;
        public SyncProgress(List<TaskWaitProgress> reports) { this.reports = reports; }
        public void Report(TaskWaitProgress value) => reports.Add(value);
    }
}
