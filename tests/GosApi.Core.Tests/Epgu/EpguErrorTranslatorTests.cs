using System.Net;
using GosApi.Epgu;
using GosApi.Errors;
using GosApi.Http;
using RestSharp;
using Xunit;

namespace GosApi.Core.Tests.Epgu;

public class EpguErrorTranslatorTests
{
    private const string Url = "https://svcdev-beta.test.gosuslugi.ru/api/gusmev/order";

    private static RestResponse Answer(int status, string? body, params (string Name, string Value)[] headers) => new(new RestRequest())
    {
        StatusCode = (HttpStatusCode)status,
        Content = body,
        Headers = headers.Select(h => new HeaderParameter(h.Name, h.Value)).ToList(),
    };

    private static GosApiException Translate(int status, string? body, string operation = "create order", params (string Name, string Value)[] headers) =>
        new EpguErrorTranslator().Translate(Answer(status, body, headers), new RequestTraits { Operation = operation }, "POST", Url);

    /// <summary>001 Appendix 4, every code in its table, the kind it must map to, and a word its advice must contain.</summary>
    public static TheoryData<string, GosApiErrorKind, string> Appendix4 => new()
    {
        { "access_denied_person_permissions", GosApiErrorKind.PermissionDenied, "APIPGU" },
        { "access_denied_service", GosApiErrorKind.PermissionDenied, "Appendix 4.3" },
        { "access_denied_system", GosApiErrorKind.PermissionDenied, "GOST TLS" },
        { "access_denied_user", GosApiErrorKind.PermissionDenied, "user types" },
        { "access_denied_user_legal", GosApiErrorKind.PermissionDenied, "access request" },
        { "bad_delegation", GosApiErrorKind.PermissionDenied, "authority" },
        { "bad_request", GosApiErrorKind.InvalidRequest, "specification" },
        { "cancel_not_allowed", GosApiErrorKind.NotAllowedInCurrentState, "final status" },
        { "config_delegation", GosApiErrorKind.PermissionDenied, "api@digital.gov.ru" },
        { "internal_error", GosApiErrorKind.ServerError, "Appendix 2" },
        { "limitation_exception", GosApiErrorKind.LimitExceeded, "Appendix 3" },
        { "not_found", GosApiErrorKind.NotFound, "orderId" },
        { "order_access", GosApiErrorKind.PermissionDenied, "token" },
        { "push_denied", GosApiErrorKind.PermissionDenied, "head of the organisation" },
        { "service_not_found", GosApiErrorKind.InvalidRequest, "serviceCode" },
    };

    [Fact]
    public void The_catalog_holds_exactly_the_codes_of_Appendix_4()
    {
        var expected = Appendix4.Select(row => row.Data.Item1).OrderBy(c => c, StringComparer.Ordinal);
        Assert.Equal(expected, EpguErrorCatalog.Codes.Keys.OrderBy(c => c, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Appendix4))]
    public void Every_Appendix_4_code_maps_to_its_kind_and_has_a_hint(string code, GosApiErrorKind kind, string hintWord)
    {
        var entry = EpguErrorCatalog.Codes[code];
        Assert.Equal(kind, entry.Kind);
        Assert.Contains(hintWord, entry.Hint);
        Assert.False(string.IsNullOrWhiteSpace(entry.Meaning));

        foreach (var status in new[] { 400, 403, 409, 500 })
        {
            var error = Translate(status, $"{{\"code\":\"{code}\",\"message\":\"текст ошибки\"}}");
            Assert.Equal(kind, error.Kind);
            Assert.Equal(code, error.ApiCode);
            Assert.Equal("Epgu." + code, error.ErrorId);
            Assert.Equal(status, error.StatusCode);
            Assert.Equal(entry.Hint, error.Hint);
            Assert.StartsWith("create order failed: текст ошибки — " + entry.Meaning, error.Message);
        }
    }

    [Fact]
    public void Codes_are_matched_case_insensitively()
    {
        var error = Translate(405, "{\"code\":\"CANCEL_NOT_ALLOWED\"}", "cancel order");
        Assert.Equal(GosApiErrorKind.NotAllowedInCurrentState, error.Kind);
    }

    [Fact]
    public void Negative_example_of_create_order_from_001()
    {
        var error = Translate(403, "{\"code\": \"access_denied_system\", \"message\": \"Доступ запрещен для системы\"}");

        Assert.Equal("Epgu.access_denied_system", error.ErrorId);
        Assert.Equal(GosApiErrorKind.PermissionDenied, error.Kind);
        Assert.Contains("Доступ запрещен для системы", error.Message);
        Assert.Contains("(access_denied_system, HTTP 403)", error.Message);
        Assert.Contains(" at POST " + Url, error.Message);
    }

    [Fact]
    public void A_message_equal_to_the_meaning_is_not_repeated()
    {
        var meaning = EpguErrorCatalog.Codes["not_found"].Meaning;
        var error = Translate(404, $"{{\"code\":\"not_found\",\"message\":\"{meaning}\"}}", "get order");
        Assert.Equal("get order failed: " + meaning, error.ApiMessage);
    }

    [Fact]
    public void An_unknown_code_keeps_the_code_and_takes_the_kind_of_the_status()
    {
        var error = Translate(409, "{\"code\":\"order_locked\",\"message\":\"locked\"}");

        Assert.Equal("order_locked", error.ApiCode);
        Assert.Equal("Epgu.order_locked", error.ErrorId);
        Assert.Equal(GosApiErrorKind.Conflict, error.Kind);
        Assert.Equal("create order failed: locked", error.ApiMessage);
    }

    [Theory]
    [InlineData(401, GosApiErrorKind.Authentication, "new access token")]
    [InlineData(429, GosApiErrorKind.LimitExceeded, "Appendix 3")]
    [InlineData(502, GosApiErrorKind.ServiceUnavailable, "sd@sc.digital.gov.ru")]
    [InlineData(503, GosApiErrorKind.ServiceUnavailable, "sd@sc.digital.gov.ru")]
    [InlineData(504, GosApiErrorKind.ServiceUnavailable, "sd@sc.digital.gov.ru")]
    public void Statuses_without_a_body(int status, GosApiErrorKind kind, string hintWord)
    {
        foreach (var body in new[] { null, "", "   " })
        {
            var error = Translate(status, body);

            Assert.Equal(kind, error.Kind);
            Assert.Null(error.ApiCode);
            Assert.Equal(status, error.StatusCode);
            Assert.Equal("Epgu." + status, error.ErrorId);
            Assert.Contains(hintWord, error.Hint);
            Assert.Equal("create order failed: " + EpguErrorCatalog.ForStatus(status).Meaning, error.ApiMessage);
        }
    }

    [Theory]
    [InlineData(401)]
    [InlineData(429)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public void A_body_code_on_a_status_only_answer_is_ignored(int status)
    {
        var error = Translate(status, "{\"code\":\"gateway_fault\",\"message\":\"upstream busy\"}");

        Assert.Null(error.ApiCode);
        Assert.Equal("Epgu." + status, error.ErrorId);
        Assert.Equal(EpguErrorCatalog.ForStatus(status).Kind, error.Kind);
    }

    [Fact]
    public void A_gateway_html_page_does_not_become_the_error_code()
    {
        var error = Translate(502, "<html><body><h1>502 Bad Gateway</h1></body></html>");

        Assert.Null(error.ApiCode);
        Assert.Equal("Epgu.502", error.ErrorId);
        Assert.Equal(GosApiErrorKind.ServiceUnavailable, error.Kind);
    }

    [Fact]
    public void A_very_long_non_json_body_is_cut()
    {
        var error = Translate(500, new string('x', 5000));
        Assert.True(error.ApiMessage.Length < 400, $"{error.ApiMessage.Length} characters");
        Assert.EndsWith("…", error.ApiMessage);
    }

    [Theory]
    [InlineData(204, GosApiErrorKind.NotFound)]
    [InlineData(400, GosApiErrorKind.InvalidRequest)]
    [InlineData(403, GosApiErrorKind.PermissionDenied)]
    [InlineData(404, GosApiErrorKind.NotFound)]
    [InlineData(405, GosApiErrorKind.NotAllowedInCurrentState)]
    [InlineData(409, GosApiErrorKind.Conflict)]
    [InlineData(500, GosApiErrorKind.ServerError)]
    [InlineData(501, GosApiErrorKind.ServerError)]
    [InlineData(418, GosApiErrorKind.Unknown)]
    public void Kinds_by_status(int status, GosApiErrorKind kind)
    {
        var entry = EpguErrorCatalog.ForStatus(status);
        Assert.Equal(kind, entry.Kind);
        Assert.False(string.IsNullOrWhiteSpace(entry.Hint));
    }

    [Fact]
    public void Status_204_is_order_not_found_with_001s_advice()
    {
        var entry = EpguErrorCatalog.ForStatus(204);
        Assert.Equal("Order not found", entry.Meaning);
        Assert.Contains("orderId", entry.Hint);
        Assert.Equal(EpguErrorCatalog.Codes["not_found"].Hint, entry.Hint);
    }

    [Fact]
    public void Cancel_statuses_of_001s_example()
    {
        Assert.Equal("Order not found", Translate(404, null, "cancel order").ApiMessage.Replace("cancel order failed: ", ""));
        Assert.Equal(GosApiErrorKind.NotAllowedInCurrentState, Translate(405, null, "cancel order").Kind);
        Assert.Equal(GosApiErrorKind.PermissionDenied, Translate(403, null, "cancel order").Kind);
    }

    [Fact]
    public void Method_url_entity_and_request_id_are_carried()
    {
        var error = new EpguErrorTranslator().Translate(Answer(500, "{\"code\":\"internal_error\"}", ("x-request-id", "a1b2")),
            new RequestTraits { Operation = "send chunk 3 of 9", EntityId = "order 764255248" }, "POST", Url + "?token=***");

        Assert.Equal("POST", error.Method);
        Assert.Equal(Url + "?token=***", error.Url);
        Assert.Equal("order 764255248", error.EntityId);
        Assert.Equal("a1b2", error.RequestId);
        Assert.Contains(" at POST " + Url + "?token=***", error.Message);
        Assert.Contains("order 764255248", error.Message);
    }
}
