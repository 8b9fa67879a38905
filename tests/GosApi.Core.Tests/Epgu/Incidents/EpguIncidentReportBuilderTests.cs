using GosApi.Epgu;
using GosApi.Epgu.Incidents;
using GosApi.Http.Exchanges;
using GosApi.Validation;
using Xunit;

namespace GosApi.Core.Tests.Epgu.Incidents;

/// <summary>The incident request of 001 Appendix 2 from a recorded exchange.</summary>
public sealed class EpguIncidentReportBuilderTests
{
    private static HttpExchange Exchange(string host = "www.gosuslugi.ru", string? entity = null) => new()
    {
        Service = GosApiService.Epgu,
        Operation = "create order",
        Method = "POST",
        Host = host,
        Url = $"https://{host}/api/gusmev/order",
        StartedAt = new DateTimeOffset(2026, 11, 25, 9, 15, 42, TimeSpan.Zero),
        RequestHeaders = new[] { new HttpHeaderValue("Authorization", "Bearer ***"), new HttpHeaderValue("Content-Type", "application/json") },
        RequestBody = "{\"serviceCode\":\"10000000101\",\"snils\":\"11223344595\"}",
        StatusCode = 500,
        ApiCode = "internal_error",
        EntityId = entity,
        TokenObtainedAt = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero),
    };

    private static EpguIncidentContext Context(EpguEnvironment environment = EpguEnvironment.Production) => new()
    {
        Mnemonic = "AAA1",
        Description = "Создание заявления, заявитель 112-233-445 95",
        Environment = environment,
    };

    [Fact]
    public void A_production_report_has_the_subject_all_eight_items_and_masked_personal_data()
    {
        var report = EpguIncidentReportBuilder.Build(Exchange(), null, Context());

        Assert.Equal("AAA1 #API-ЕПГУ #Ошибка 500 при получении orderId", report.Subject);
        Assert.Equal(Enumerable.Range(1, 8), report.Items.Select(i => i.Number));
        Assert.Equal("PROD", report.Environment);
        Assert.Contains("sd@sc.digital.gov.ru", report.Text);
        Assert.Contains("2026-11-25 12:15:42 МСК", report.Text);
        Assert.Contains("2026-11-25 12:00:00 МСК", report.Items[3].Text);
        Assert.Contains("Authorization: Bearer ***", report.Items[4].Text);
        Assert.Contains("b. Host: www.gosuslugi.ru", report.Items[4].Text);
        Assert.Contains("\"serviceCode\":\"10000000101\"", report.Items[4].Text);
        Assert.DoesNotContain("11223344595", report.Text);
        Assert.DoesNotContain("112-233-445 95", report.Text);
        Assert.Equal("не был получен", report.Items[5].Text);
        Assert.Null(report.OrderId);
    }

    [Fact]
    public void A_test_contour_report_keeps_the_data_and_names_the_order()
    {
        var report = EpguIncidentReportBuilder.Build(Exchange("svcdev-beta.test.gosuslugi.ru", "order 764255248"), null, Context(EpguEnvironment.Test));
        Assert.Equal("SVCDEV", report.Environment);
        Assert.Contains("11223344595", report.Items[4].Text);
        Assert.Equal("764255248", report.OrderId);
        Assert.Equal("764255248", report.Items[5].Text);
    }

    [Fact]
    public void The_environment_follows_the_host_and_otherwise_the_session()
    {
        Assert.Equal(EpguEnvironment.Production, EpguIncidentReportBuilder.EnvironmentOf(Exchange("www.gosuslugi.ru"), EpguEnvironment.Sandbox));
        Assert.Equal(EpguEnvironment.Test, EpguIncidentReportBuilder.EnvironmentOf(Exchange("svcdev-gostapi.test.gosuslugi.ru"), EpguEnvironment.Production));
        Assert.Equal(EpguEnvironment.Production, EpguIncidentReportBuilder.EnvironmentOf(Exchange("127.0.0.1:5443"), EpguEnvironment.Production));
        Assert.Equal(EpguEnvironment.Test, EpguIncidentReportBuilder.EnvironmentOf(Exchange("127.0.0.1:5443"), null));
    }

    [Fact]
    public void Missing_mnemonic_and_description_are_named()
    {
        var error = Assert.Throws<InputValidationException>(() => EpguIncidentReportBuilder.Build(Exchange(), null, new EpguIncidentContext { Mnemonic = "A B" }));
        Assert.Contains("Mnemonic", error.Message);
        Assert.Contains("Description", error.Message);
    }
}
