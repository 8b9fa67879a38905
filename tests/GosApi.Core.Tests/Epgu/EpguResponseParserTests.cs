using System.Text.Json;
using GosApi.Epgu;
using GosApi.Epgu.Models;
using GosApi.Errors;
using Xunit;

namespace GosApi.Core.Tests.Epgu;

public class EpguResponseParserTests
{
    private static readonly TimeSpan Moscow = TimeSpan.FromHours(3);

    [Fact]
    public void The_fixture_is_001s_example_with_the_order_as_an_escaped_string()
    {
        using var document = JsonDocument.Parse(Fixtures.OrderDetails);
        Assert.Equal("OK", document.RootElement.GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("message").ValueKind);
        Assert.Equal(JsonValueKind.String, document.RootElement.GetProperty("order").ValueKind);
        Assert.StartsWith("{\"orderType\":\"ORDER\",\"smevTx\":\"b0ba0139-613d-4d4d-bc28-4240efc9a6ec\"", document.RootElement.GetProperty("order").GetString());
    }

    [Fact]
    public void Order_details_of_001s_example()
    {
        var details = EpguResponseParser.ParseOrderDetails(2058864134, Fixtures.OrderDetails);

        Assert.Equal(2058864134, details.OrderId);
        Assert.Equal("OK", details.ProcessingCodeText);
        Assert.Equal(EpguProcessingCode.Ok, details.ProcessingCode);
        Assert.False(details.IsProcessingError);
        Assert.Null(details.Message);
        Assert.Equal("10000000113", details.ServiceCode);
        Assert.Equal("-10000000113", details.TargetCode);
        Assert.Equal("00000000000", details.Region);
        Assert.Equal("Выдача справки о размере пенсии и иных социальных выплат на дату", details.ServiceName);
        Assert.Equal(new DateTimeOffset(2022, 7, 25, 13, 1, 46, 0, Moscow), details.OrderDate);
        Assert.Equal(new DateTimeOffset(2022, 7, 25, 13, 1, 52, 129, Moscow), details.Updated);
        Assert.Equal(6268157772, details.CurrentStatusHistoryId);
        Assert.NotNull(details.OrderJson);
        Assert.Contains("\"smevTx\":\"b0ba0139-613d-4d4d-bc28-4240efc9a6ec\"", details.OrderJson);
        Assert.Empty(details.ResponseFiles);
        Assert.False(details.HasResult);
    }

    [Fact]
    public void The_five_statuses_in_order_with_moscow_times_converted_to_utc()
    {
        var details = EpguResponseParser.ParseOrderDetails(2058864134, Fixtures.OrderDetails);

        Assert.Equal(5, details.Statuses.Count);
        Assert.Equal(new long[] { 6268157768, 6268157769, 6268157770, 6268157771, 6268157772 }, details.Statuses.Select(s => s.Id));
        Assert.Equal(new[] { 0, 17, 21, 2, 24 }, details.Statuses.Select(s => s.StatusId));
        Assert.Equal(new[]
        {
            "Черновик заявления",
            "Зарегистрировано на портале",
            "Заявление отправлено в ведомство",
            "Заявление получено ведомством",
            "Ошибка обработки заявления",
        }, details.Statuses.Select(s => s.Title));
        Assert.Equal(new[]
        {
            new DateTime(2022, 7, 25, 10, 1, 46, 413, DateTimeKind.Utc),
            new DateTime(2022, 7, 25, 10, 1, 47, 426, DateTimeKind.Utc),
            new DateTime(2022, 7, 25, 10, 1, 48, 520, DateTimeKind.Utc),
            new DateTime(2022, 7, 25, 10, 1, 51, 810, DateTimeKind.Utc),
            new DateTime(2022, 7, 25, 10, 1, 52, 121, DateTimeKind.Utc),
        }, details.Statuses.Select(s => s.Date!.Value.UtcDateTime));
        Assert.Equal(new[] { false, false, false, false, true }, details.Statuses.Select(s => s.FinalStatus));
        Assert.All(details.Statuses, s => Assert.Equal(2058864134, s.OrderId));
        Assert.All(details.Statuses, s => Assert.False(s.HasResult)); // "hasResult":"N"
        Assert.All(details.Statuses, s => Assert.False(s.CancelAllowed));
        Assert.Null(details.Statuses[0].Sender); // "" is no sender
        Assert.Equal("Пенсионный фонд Российской Федерации", details.Statuses[1].Sender);
        Assert.Equal("Сообщение доставлено", details.Statuses[3].Comment);
        Assert.Null(details.Statuses[4].Comment);
        Assert.Null(details.Statuses[4].StateOrgStatusCode);
    }

    [Fact]
    public void The_current_status_is_24_and_final()
    {
        var details = EpguResponseParser.ParseOrderDetails(2058864134, Fixtures.OrderDetails);

        Assert.NotNull(details.CurrentStatus);
        Assert.Equal(6268157772, details.CurrentStatus.Id);
        Assert.Equal(24, details.StatusId);
        Assert.Equal("Ошибка обработки заявления", details.StatusTitle);
        Assert.True(details.CurrentStatus.FinalStatus);
        Assert.True(details.IsFinal);
        Assert.False(details.CancelAllowed);
        Assert.Equal(new DateTimeOffset(2022, 7, 25, 13, 1, 52, 121, Moscow), details.CurrentStatus.Date);
        Assert.Equal("order 2058864134: OK, 24 Ошибка обработки заявления (final)", details.ToString());
    }

    [Fact]
    public void The_attachment_link_is_split_into_object_id_mnemonic_and_type()
    {
        var details = EpguResponseParser.ParseOrderDetails(2058864134, Fixtures.OrderDetails);

        var file = Assert.Single(details.AttachmentFiles);
        Assert.Equal(EpguOrderFileKind.Attachment, file.Kind);
        Assert.Equal("req.xml", file.FileName);
        Assert.Equal(653, file.FileSize);
        Assert.Equal("terrabyte://00/2058864134/req.xml/2", file.Link);
        Assert.Equal("2058864134", file.ObjectId);
        Assert.Equal("req.xml", file.Mnemonic);
        Assert.Equal("2", file.ObjectType);
        Assert.Equal("application/xml", file.MimeType);
        Assert.Equal("2058864134/files/cmVxLnhtbA", file.Id);
        Assert.Equal("REQUEST", file.Type);
        Assert.False(file.HasDigitalSignature);
        Assert.Equal(2058864134, file.OrderId);
        Assert.Equal("10000000113", file.ServiceCode);
        Assert.True(file.CanDownload);
    }

    [Fact]
    public void Response_files_and_a_missing_current_status()
    {
        var order = JsonSerializer.Serialize(new
        {
            id = 77,
            eserviceId = "10000000113",
            statuses = new[] { new { id = 1, statusId = 2, title = "Заявление получено ведомством", date = "2022-12-21T20:49:37.672", finalStatus = false, hasResult = "Y" } },
            orderResponseFiles = new[]
            {
                new { fileName = "result.pdf", fileSize = 1234, link = "terrabyte://00/6268157772/result.pdf/3", mimeType = "application/pdf", hasDigitalSignature = true },
                new { fileName = "", fileSize = 1, link = "http://not-terrabyte", mimeType = "", hasDigitalSignature = false },
            },
        });
        var body = JsonSerializer.Serialize(new { code = "DONE", message = "", order });

        var details = EpguResponseParser.ParseOrderDetails(1, body);

        Assert.Equal(77, details.OrderId);
        Assert.Equal(EpguProcessingCode.Done, details.ProcessingCode);
        Assert.Same(details.Statuses.Last(), details.CurrentStatus);
        Assert.True(details.CurrentStatus!.HasResult); // "Y"
        Assert.Equal(new DateTime(2022, 12, 21, 20, 49, 37, 672, DateTimeKind.Utc), details.CurrentStatus.Date!.Value.UtcDateTime); // no offset: UTC
        Assert.False(details.IsFinal);
        Assert.True(details.HasResult);
        var result = details.ResponseFiles[0];
        Assert.Equal(EpguOrderFileKind.Response, result.Kind);
        Assert.Equal(("6268157772", "result.pdf", "3"), (result.ObjectId, result.Mnemonic, result.ObjectType));
        Assert.True(result.HasDigitalSignature);
        Assert.Equal(77, result.OrderId);
        Assert.False(details.ResponseFiles[1].CanDownload);
        Assert.Null(details.ResponseFiles[1].MimeType);
        Assert.Single(details.DownloadableFiles);
    }

    [Fact]
    public void Details_of_an_order_that_is_only_a_request_so_far()
    {
        var details = EpguResponseParser.ParseOrderDetails(5, "{\"code\":\"FILES_VERIFICATION_FAILED\",\"message\":\"Подпись не прошла проверку\"}");

        Assert.Equal(5, details.OrderId);
        Assert.Equal(EpguProcessingCode.FilesVerificationFailed, details.ProcessingCode);
        Assert.Equal("Подпись не прошла проверку", details.Message);
        Assert.Null(details.CurrentStatus);
        Assert.Empty(details.Statuses);
        Assert.True(details.IsProcessingError);
        Assert.True(details.IsFinal);
    }

    [Fact]
    public void Status_page_of_getUpdatedAfter_including_the_key_spelled_with_a_space()
    {
        var page = EpguResponseParser.ParseStatusPage(Fixtures.UpdatedAfter, "get updated orders");

        Assert.Equal(5, page.Count);
        Assert.Equal(40, page.TotalCount);
        Assert.Equal(new long[] { 764607248, 764603930, 764602932, 2354270898, 2354271090 }, page.Items.Select(i => i.OrderId));
        Assert.Equal(new[] { true, true, true, false, false }, page.Items.Select(i => i.Found));
        Assert.Equal(new int?[] { 24, 15, 4, null, null }, page.Items.Select(i => i.StatusId));
        Assert.Equal("Ошибка отправки заявления в ведомство", page.Items[0].StatusName);
        Assert.Equal("Заявление требует исправления", page.Items[1].StatusName);
        Assert.Equal("Истекло время подписания документов", page.Items[2].StatusName);
        // 001: "updated" has no offset and is UTC
        Assert.Equal(new DateTimeOffset(2022, 12, 21, 20, 49, 37, 672, TimeSpan.Zero), page.Items[0].Updated);
        Assert.Equal(new DateTimeOffset(2022, 12, 16, 15, 31, 42, 83, TimeSpan.Zero), page.Items[2].Updated);
        Assert.Equal("NOT_FOUND", page.Items[3].SearchStatus);
        Assert.Null(page.Items[3].StatusName);
        Assert.Null(page.Items[3].Updated);
        Assert.Equal("order 2354270898: NOT_FOUND", page.Items[3].ToString());
    }

    [Fact]
    public void Status_page_of_getOrdersStatus()
    {
        var page = EpguResponseParser.ParseStatusPage(Fixtures.OrdersStatus, "get orders status");

        Assert.Equal(5, page.Count);
        Assert.Equal(5, page.TotalCount);
        Assert.Equal(new long[] { 764607248, 764603930, 764602932, 2312621299, 2312620698 }, page.Items.Select(i => i.OrderId));
        Assert.Equal(new[] { "FOUND", "FOUND", "FOUND", "NOT_FOUND", "NOT_FOUND" }, page.Items.Select(i => i.SearchStatus));
        Assert.Equal(new DateTimeOffset(2022, 12, 21, 19, 51, 16, 852, TimeSpan.Zero), page.Items[1].Updated);
        Assert.Equal("order 764603930: 15 Заявление требует исправления", page.Items[1].ToString());
    }

    [Fact]
    public void An_empty_status_page()
    {
        var page = EpguResponseParser.ParseStatusPage("{\"count\":0,\"totalCount\":0,\"content\":[]}", "get orders status");
        Assert.Empty(page.Items);
        Assert.Equal(0, page.TotalCount);

        var noContent = EpguResponseParser.ParseStatusPage("{}", "get orders status");
        Assert.Empty(noContent.Items);
    }

    [Fact]
    public void Nsi_BIC_example()
    {
        var page = EpguResponseParser.ParseDictionaryPage("BIC", Fixtures.NsiBic);

        Assert.Equal(899, page.Total);
        Assert.Equal(2, page.Items.Count);
        Assert.Equal(new[] { "040001002", "040002002" }, page.Items.Select(i => i.Value));
        Assert.Equal(new[] { "ПУ БАНКА РОССИИ N 43192", "ПУ БАНКА РОССИИ N 43197" }, page.Items.Select(i => i.Title));
        Assert.All(page.Items, i =>
        {
            Assert.Equal("BIC", i.Dictionary);
            Assert.Null(i.ParentValue);
            Assert.True(i.IsLeaf);
            Assert.Empty(i.Children);
            Assert.Empty(i.AttributeValues);
        });
    }

    [Fact]
    public void Nsi_children_and_attribute_values()
    {
        const string body = """
        {"error":{"code":0,"message":"operation completed"},"total":1,"items":[
          {"value":"45000000000","parentValue":null,"title":"Москва","isLeaf":false,
           "attributeValues":{"OKTMO":"45000000","Level":1,"Empty":null},
           "children":[{"value":"45263000000","parentValue":"45000000000","title":"Центральный","isLeaf":true,"children":[]}]}]}
        """;

        var page = EpguResponseParser.ParseDictionaryPage("OKATO", body);

        var moscow = Assert.Single(page.Items);
        Assert.False(moscow.IsLeaf);
        Assert.Equal("45000000", moscow.AttributeValues["oktmo"]); // case-insensitive keys
        Assert.Equal("1", moscow.AttributeValues["Level"]);
        Assert.Null(moscow.AttributeValues["Empty"]);
        var child = Assert.Single(moscow.Children);
        Assert.Equal("45000000000", child.ParentValue);
        Assert.Equal("OKATO", child.Dictionary);
    }

    [Fact]
    public void Nsi_answer_with_a_nonzero_error_code_is_a_failure()
    {
        const string body = """
        {"error":{"code":3,"message":"Справочник не найден"},"fieldErrors":[{"fieldName":"treeFiltering","message":"must be ONELEVEL or SUBTREE"}],"items":[]}
        """;

        var error = Assert.Throws<GosApiException>(() => EpguResponseParser.ParseDictionaryPage("NOPE", body));

        Assert.Equal(GosApiErrorKind.InvalidRequest, error.Kind);
        Assert.Equal("nsi_3", error.ApiCode);
        Assert.Equal("Epgu.nsi_3", error.ErrorId);
        Assert.Contains("get dictionary NOPE failed: Справочник не найден", error.Message);
        Assert.Contains("treeFiltering: must be ONELEVEL or SUBTREE", error.Message);
        Assert.False(string.IsNullOrEmpty(error.Hint));
    }

    [Fact]
    public void Nsi_error_code_given_as_a_string_is_still_a_failure()
    {
        var error = Assert.Throws<GosApiException>(() => EpguResponseParser.ParseDictionaryPage("BIC", "{\"error\":{\"code\":\"500\",\"message\":\"internal\"}}"));
        Assert.Equal("nsi_500", error.ApiCode);
    }

    public static TheoryData<string?> Malformed => new()
    {
        null,
        "",
        "   ",
        "not json",
        "[1,2,3]",
        "null",
        "\"text\"",
        "{\"orderId\": 1",
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_answers_are_InvalidResponse(string? body)
    {
        AssertInvalid(() => EpguResponseParser.ParseOrderDetails(1, body), "get order");
        AssertInvalid(() => EpguResponseParser.ParseStatusPage(body, "get orders status"), "get orders status");
        AssertInvalid(() => EpguResponseParser.ParseDictionaryPage("BIC", body), "get dictionary BIC");
        AssertInvalid(() => EpguResponseParser.ParseOrderId(body, "create order"), "create order");
    }

    [Fact]
    public void An_escaped_order_that_does_not_parse_is_InvalidResponse()
    {
        var body = JsonSerializer.Serialize(new { code = "OK", message = (string?)null, order = "{\"orderType\":\"ORDER\",\"statuses\":[" });
        var error = AssertInvalid(() => EpguResponseParser.ParseOrderDetails(1, body), "get order");
        Assert.Contains("escaped 'order' JSON", error.Message);
    }

    [Fact]
    public void An_answer_without_orderId_is_InvalidResponse()
    {
        var error = AssertInvalid(() => EpguResponseParser.ParseOrderId("{\"code\":\"OK\"}", "create order"), "create order");
        Assert.Contains("no orderId", error.Message);
    }

    [Theory]
    [InlineData("{\"orderId\": 52353456}", 52353456)]
    [InlineData("{\"orderId\": \"764255248\"}", 764255248)]
    [InlineData("{\"orderId\": 2354270898}", 2354270898)] // beyond int
    public void OrderId_of_create_and_push(string body, long expected)
    {
        Assert.Equal(expected, EpguResponseParser.ParseOrderId(body, "create order"));
    }

    private static GosApiException AssertInvalid(Action parse, string operation)
    {
        var error = Assert.Throws<GosApiException>(parse);
        Assert.Equal(GosApiErrorKind.InvalidResponse, error.Kind);
        Assert.Equal(GosApiService.Epgu, error.Service);
        Assert.StartsWith(operation + ": ", error.Message);
        return error;
    }
}
