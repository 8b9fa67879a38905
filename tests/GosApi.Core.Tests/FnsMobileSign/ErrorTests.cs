using GosApi.Core.Tests.Http;
using GosApi.Errors;
using GosApi.FnsMobileSign;
using Xunit;
using static GosApi.Core.Tests.FnsMobileSign.FnsTestData;

namespace GosApi.Core.Tests.FnsMobileSign;

/// <summary>{"error": …} bodies flattened to field paths, and the error ids they become.</summary>
public class ErrorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string MissingFields = """
        {"error":{"consumer":{"birthed":["Это поле обязательно."],"addresses":[{"city":["Это поле обязательно."]}],"identities":[{"issued":["Это поле обязательно."]}]}}}
        """;
    private const string Checksums = """
        {"error":{"consumer":{"snils":["Неправильный формат СНИЛС"],"inn":["Неправильный формат ИНН"]}}}
        """;
    private const string Blocked = """
        {"error":{"consumer":["Данный клиент заблокирован. Выполнение операции невозможно"]}}
        """;

    private static string[] Flat(string content) =>
        FnsErrorBody.Flatten(content).Select(m => m.Field.Length == 0 ? m.Message : m.Field + ": " + m.Message).ToArray();

    [Fact]
    public void Missing_fields_are_flattened_with_array_indexes()
    {
        Assert.Equal(new[]
        {
            "consumer.birthed: Это поле обязательно.",
            "consumer.addresses[0].city: Это поле обязательно.",
            "consumer.identities[0].issued: Это поле обязательно.",
        }, Flat(MissingFields));
    }

    [Fact]
    public void Second_items_of_arrays_get_their_own_index()
    {
        Assert.Equal(new[] { "consumer.addresses[1].region: bad", "documents[0].title: long", "documents[0].title: odd" },
            Flat("""{"error":{"consumer":{"addresses":[{},{"region":["bad"]}]},"documents":[{"title":["long","odd"]}]}}"""));
    }

    [Fact]
    public void Checksum_blocked_and_non_field_errors()
    {
        Assert.Equal(new[] { "consumer.snils: Неправильный формат СНИЛС", "consumer.inn: Неправильный формат ИНН" }, Flat(Checksums));
        Assert.Equal(new[] { "consumer: Данный клиент заблокирован. Выполнение операции невозможно" }, Flat(Blocked));
        Assert.Equal(new[] { "Клиент с такими данными не найден" }, Flat("""{"error":{"non_field_errors":"Клиент с такими данными не найден"}}"""));
        Assert.Equal(new[] { "Поток работ не найден" }, Flat("""{"error":{"non_field_errors":["Поток работ не найден"]}}"""));
        Assert.Equal(new[] { "consumer: Нет такого клиента" }, Flat("""{"error":{"consumer":{"non_field_errors":["Нет такого клиента"]}}}"""));
        Assert.Equal(new[] { "Authentication credentials were not provided." }, Flat("""{"detail":"Authentication credentials were not provided."}"""));
        Assert.Equal(new[] { "scenario: 5" }, Flat("""{"error":{"scenario":5,"callback":null}}"""));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("{\"result\":{}}")]
    public void Bodies_without_an_error_flatten_to_nothing(string content) => Assert.Empty(Flat(content));

    [Fact]
    public void A_non_json_body_is_kept_as_text_and_cut()
    {
        Assert.Equal(new[] { "<html><body>Bad Gateway</body></html>" }, Flat("<html><body>Bad Gateway</body></html>"));
        var longText = new string('x', 400);
        var cut = Assert.Single(Flat(longText));
        Assert.Equal(301, cut.Length);
        Assert.EndsWith("…", cut);
    }

    // ---- over HTTP: the error ids ----

    private static async Task<GosApiException> FailAsync(Reply reply)
    {
        await using var server = new LoopbackServer(reply);
        using var session = Session(server, Secrets.New("fns-pass"), FnsAuthentication.Basic);
        return await Assert.ThrowsAsync<GosApiException>(() => new FnsClient(session).GetWorkflowAsync(2053010, Ct));
    }

    [Fact]
    public async Task Field_errors_become_ValidationError_with_the_paths_in_the_message()
    {
        var ex = await FailAsync(Reply.Http(400, MissingFields));
        Assert.Equal("FnsMobileSign.ValidationError", ex.ErrorId);
        Assert.Equal(GosApiErrorKind.InvalidRequest, ex.Kind);
        Assert.Equal(400, ex.StatusCode);
        Assert.Contains("consumer.addresses[0].city: Это поле обязательно.", ex.Message);
        Assert.Contains("consumer.identities[0].issued: Это поле обязательно.", ex.Message);
        Assert.Contains("get workflow failed", ex.Message);
        Assert.Equal("workflow 2053010", ex.EntityId);

        ex = await FailAsync(Reply.Http(400, Checksums));
        Assert.Equal("FnsMobileSign.ValidationError", ex.ErrorId);
        Assert.Contains("consumer.snils: Неправильный формат СНИЛС; consumer.inn: Неправильный формат ИНН", ex.Message);
    }

    [Fact]
    public async Task A_blocked_client_is_ConsumerBlocked()
    {
        var ex = await FailAsync(Reply.Http(400, Blocked));
        Assert.Equal("FnsMobileSign.ConsumerBlocked", ex.ErrorId);
        Assert.Equal(GosApiErrorKind.NotAllowedInCurrentState, ex.Kind);
        Assert.Contains("Данный клиент заблокирован", ex.Message);
    }

    [Theory]
    [InlineData("""{"error":{"non_field_errors":"Клиент с такими данными не найден"}}""", "Клиент с такими данными не найден")]
    [InlineData("""{"error":{"non_field_errors":["Поток работ не найден"]}}""", "Поток работ не найден")]
    public async Task Not_found_non_field_errors_are_NotFound(string body, string text)
    {
        var ex = await FailAsync(Reply.Http(400, body));
        Assert.Equal("FnsMobileSign.NotFound", ex.ErrorId);
        Assert.Equal(GosApiErrorKind.NotFound, ex.Kind);
        Assert.Contains(text, ex.Message);
    }

    [Fact]
    public async Task Other_non_field_errors_are_ValidationError()
    {
        var ex = await FailAsync(Reply.Http(400, """{"error":{"non_field_errors":["Сценарий недоступен"]}}"""));
        Assert.Equal("FnsMobileSign.ValidationError", ex.ErrorId);
        Assert.Contains("Сценарий недоступен", ex.Message);
    }

    [Theory]
    [InlineData(401, GosApiErrorKind.Authentication)]
    [InlineData(403, GosApiErrorKind.PermissionDenied)]
    [InlineData(404, GosApiErrorKind.NotFound)]
    [InlineData(500, GosApiErrorKind.ServerError)]
    [InlineData(503, GosApiErrorKind.ServiceUnavailable)]
    public async Task Other_statuses_are_FnsMobileSign_status(int status, GosApiErrorKind kind)
    {
        var ex = await FailAsync(Reply.Http(status, status == 404 ? """{"detail":"Не найдено."}""" : null));
        Assert.Equal("FnsMobileSign." + status, ex.ErrorId);
        Assert.Equal(kind, ex.Kind);
        Assert.Equal(status, ex.StatusCode);
        Assert.Equal("GET", ex.Method);
        Assert.Contains("/api/rb/workflow/2053010/full", ex.Url);
        if (status == 404) Assert.Contains("Не найдено.", ex.Message);
        else Assert.Contains("get workflow failed", ex.Message);
    }

    [Fact]
    public async Task A_non_json_error_body_is_shown()
    {
        var ex = await FailAsync(new Reply { Status = 502, Body = "<html>upstream is down</html>", ContentType = "text/html" });
        Assert.Equal("FnsMobileSign.502", ex.ErrorId);
        Assert.Equal(GosApiErrorKind.ServiceUnavailable, ex.Kind);
        Assert.Contains("<html>upstream is down</html>", ex.Message);
    }

    [Fact]
    public async Task A_success_without_result_is_an_invalid_response()
    {
        var ex = await FailAsync(Reply.Ok("{\"id\":1}"));
        Assert.Equal(GosApiErrorKind.InvalidResponse, ex.Kind);
    }
}
