using System.Text.Json.Nodes;

namespace GosApi.Sandbox.Tests.ElectronicCertificates;

/// <summary>Request bodies are checked against seed 002's schemas on arrival: 400 EC00201 naming the first violation's path.</summary>
public sealed class EcSchemaTests
{
    private static Task<SandboxServer> StartAsync() => Sandboxes.StartFastAsync(o => o.ClockSpeed = 6000);

    private static JsonArray Creates(int count) => EcBodies.Create(Enumerable.Range(0, count).Select(_ => EcBodies.Assignment()).ToArray());

    private static async Task<string> RejectAsync(string operation, JsonNode body)
    {
        await using var sandbox = await StartAsync();
        using var api = new EcApi(sandbox);
        return await api.ExpectErrorAsync(api.PostAsync(operation, body), HttpStatusCode.BadRequest, "EC00201");
    }

    [Fact]
    public async Task One_hundred_records_pass_and_101_do_not()
    {
        await using var sandbox = await StartAsync();
        using var api = new EcApi(sandbox);
        var hundred = Creates(100);
        await api.QueueAsync("ec-create", hundred);

        var tooMany = Creates(100);
        tooMany.Add(new JsonObject { ["recordId"] = 100, ["assignment"] = EcBodies.Assignment() });
        var msg = await api.ExpectErrorAsync(api.PostAsync("ec-create", tooMany), HttpStatusCode.BadRequest, "EC00201");
        Assert.Equal("$: must have at most 100 items, got 101", msg);
        Assert.Equal("$: must have at least 1 item(s), got 0", await api.ExpectErrorAsync(api.PostAsync("ec-create", new JsonArray()), HttpStatusCode.BadRequest, "EC00201"));
    }

    [Fact]
    public async Task Path_names_the_record_and_member()
    {
        var body = Creates(4);
        body[3]!["assignment"]!["organization"]!["INN"] = "770708389";
        Assert.Equal("[3].assignment.organization.INN: must be 10 characters, got 9", await RejectAsync("ec-create", body));
    }

    [Fact]
    public async Task Additional_properties_are_rejected_where_the_seed_forbids_them()
    {
        var body = Creates(2);
        body[1]!["assignment"]!["comment"] = "x";
        Assert.StartsWith("[1].assignment.comment: is not a property", await RejectAsync("ec-create", body));
    }

    [Fact]
    public async Task Goods_may_carry_other_members_since_goodsWorkService_allows_them()
    {
        await using var sandbox = await StartAsync();
        using var api = new EcApi(sandbox);
        var good = EcBodies.Good();
        good["okpd2"] = "30.92.20";
        await api.QueueAsync("ec-create", EcBodies.Create(EcBodies.Assignment(EcBodies.Type1, null, null, good)));
    }

    [Theory]
    [InlineData("ECTP0001")] // all Latin look-alikes
    [InlineData("ЕСТP0001")] // Latin P
    [InlineData("ЕСТР0005")]
    public async Task Certificate_type_must_be_the_seeds_Cyrillic_code(string type)
    {
        var msg = await RejectAsync("ec-create", EcBodies.Create(EcBodies.Assignment(type)));
        Assert.StartsWith("[0].assignment.certificateType: \"" + type + "\" is not one of", msg);
    }

    [Fact]
    public async Task Block_reason_must_be_the_seeds_mixed_spelling()
    {
        await using var sandbox = await StartAsync();
        using var api = new EcApi(sandbox);
        var number = new string('1', 25);
        var uuid = Guid.NewGuid().ToString();
        foreach (var reason in new[] { "ECBR0001", "ЕСВR0001", "EСВR0006" })
        {
            var msg = await api.ExpectErrorAsync(api.PostAsync("ec-block", EcBodies.Block(number, uuid, reason)), HttpStatusCode.BadRequest, "EC00201");
            Assert.StartsWith("[0].blockReason:", msg);
        }
        await api.QueueAsync("ec-block", EcBodies.Block(number, uuid, EcBodies.Block9010));
    }

    [Theory]
    [InlineData("pid", "1122334459", "[0].assignment.pid: must be 11 characters, got 10")]
    [InlineData("pid", "1122334459a", "[0].assignment.pid: \"1122334459a\" must be 11 digits")]
    [InlineData("phoneNumber", 9104560011L, "[0].assignment.phoneNumber: must be a string, got a number")]
    [InlineData("mspCode", "00a1", "[0].assignment.mspCode: \"00a1\" must be 4 digits")]
    [InlineData("startDate", "2025-01-01", "[0].assignment.startDate: \"2025-01-01\" must be an ISO 8601 date-time with seconds and offset, e.g. 2021-04-05T10:43:07+00:00")]
    [InlineData("nationalPaymentInstrument", "2200 1234 5678 9012", "[0].assignment.nationalPaymentInstrument: \"2200 1234 5678 9012\" must be 16 to 19 digits")]
    [InlineData("nationalPaymentInstrument", "22001234567890123456", "[0].assignment.nationalPaymentInstrument: must be 16 to 19 characters, got 20")]
    [InlineData("program", "ECPPACCT", "[0].assignment.program: \"ECPPACCT\" is not one of ЕСРРАССТ, ЕСРРАССС (the dictionary's exact characters)")]
    [InlineData("certificateAmount", 0L, "[0].assignment.certificateAmount: must be from 1 to 999999999999, got 0")]
    [InlineData("certificateAmount", 1.5, "[0].assignment.certificateAmount: must be an integer, got 1.5")]
    [InlineData("goodsWorksServices", null, "[0].assignment.goodsWorksServices: must be an array, got null")]
    public async Task Field_violations_name_the_field(string field, object? value, string expected)
    {
        var assignment = EcBodies.Assignment(EcBodies.Type2, amount: 100);
        assignment[field] = value switch { null => null, string s => s, long l => l, double d => d, _ => throw new ArgumentException() };
        Assert.Equal(expected, await RejectAsync("ec-create", EcBodies.Create(assignment)));
    }

    [Fact]
    public async Task Required_members_and_record_ids()
    {
        var missing = EcBodies.Create(EcBodies.Assignment());
        missing[0]!["assignment"]!.AsObject().Remove("budgetaryClassificationCode");
        Assert.Equal("[0].assignment.budgetaryClassificationCode: is required", await RejectAsync("ec-create", missing));

        var duplicate = Creates(3);
        duplicate[2]!["recordId"] = 1;
        Assert.Equal("[2].recordId: 1 is already used by [0]; it must be unique in the request", await RejectAsync("ec-create", duplicate));

        var outOfRange = Creates(1);
        outOfRange[0]!["recordId"] = 101;
        Assert.Equal("[0].recordId: must be from 1 to 100, got 101", await RejectAsync("ec-create", outOfRange));
    }

    [Fact]
    public async Task Edit_records()
    {
        var edit = EcBodies.Edit(new string('1', 25), "970ebfe5-9cae-4e19-b7e7-602811924578", phone: "91045600");
        Assert.Equal("[0].phoneNumber: must be 10 characters, got 8", await RejectAsync("ec-edit", edit));
        var badUuid = EcBodies.Edit(new string('1', 25), "970ebfe5-9cae-4e19-B7e7-602811924578");
        Assert.StartsWith("[0].factAssignmentUuid: \"970ebfe5-9cae-4e19-B7e7-602811924578\" must be a UUID", await RejectAsync("ec-edit", badUuid));
        var shortNumber = EcBodies.Edit(new string('1', 24), Guid.NewGuid().ToString());
        Assert.Equal("[0].certificateNumber: must be 25 characters, got 24", await RejectAsync("ec-edit", shortNumber));
    }

    [Fact]
    public async Task Task_status_and_results_requests()
    {
        Assert.Equal("Task_Quantity: must be from 1 to 100, got 101",
            await RejectAsync("ec-tasks-status", new JsonObject { ["Request_Types"] = new JsonArray("ec_create"), ["Task_Quantity"] = 101 }));
        Assert.Equal("Request_Types: must have at least 1 item(s), got 0",
            await RejectAsync("ec-tasks-status", new JsonObject { ["Request_Types"] = new JsonArray(), ["Task_Quantity"] = 1 }));
        Assert.StartsWith("Request_Types[1]: \"ec-edit\" is not one of",
            await RejectAsync("ec-tasks-status", new JsonObject { ["Request_Types"] = new JsonArray("ec_create", "ec-edit"), ["Task_Quantity"] = 1 }));
        Assert.Equal("Request_Types: is required", await RejectAsync("ec-tasks-status", new JsonObject { ["Task_Quantity"] = 1 }));
        Assert.Equal("$: must be an object, got an array", await RejectAsync("ec-tasks-status", new JsonArray()));

        var tooMany = new JsonArray(Enumerable.Range(0, 101).Select(_ => (JsonNode)new JsonObject { ["taskId"] = Guid.NewGuid().ToString() }).ToArray());
        Assert.Equal("eCertificateRequest_TaskResult: must have at most 100 items, got 101",
            await RejectAsync("ec-tasks-results", new JsonObject { ["eCertificateRequest_TaskResult"] = tooMany }));
        Assert.StartsWith("eCertificateRequest_TaskResult[0].taskId: \"42\" must be a UUID",
            await RejectAsync("ec-tasks-results", new JsonObject { ["eCertificateRequest_TaskResult"] = new JsonArray(new JsonObject { ["taskId"] = "42" }) }));
    }

    [Fact]
    public async Task Statement_number_must_be_25_digits()
    {
        await using var sandbox = await StartAsync();
        using var api = new EcApi(sandbox);
        Assert.Equal("cn: must be 25 characters, got 3", await api.ExpectErrorAsync(api.StatementAsync("123"), HttpStatusCode.BadRequest, "EC00201"));
        Assert.Equal("cn: the query parameter is required", await api.ExpectErrorAsync(
            api.SendAsync(api.Request(HttpMethod.Get, "ec-detailed-statement", null)), HttpStatusCode.BadRequest, "EC00201"));
    }
}
