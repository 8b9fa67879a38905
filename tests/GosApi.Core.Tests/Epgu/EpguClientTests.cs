using System.Globalization;
using GosApi.Core.Tests.Http;
using GosApi.Epgu;
using GosApi.Errors;
using GosApi.Http;
using Xunit;

namespace GosApi.Core.Tests.Epgu;

public class EpguClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void UpdatedAfter_is_utc_with_milliseconds_as_in_001s_example()
    {
        // 001: updatedAfter=2022-12-10T12:31:42.000
        Assert.Equal("2022-12-10T12:31:42.000", EpguClient.FormatUpdatedAfter(new DateTimeOffset(2022, 12, 10, 12, 31, 42, TimeSpan.Zero)));
        Assert.Equal("2022-12-10T12:31:42.000", EpguClient.FormatUpdatedAfter(new DateTimeOffset(2022, 12, 10, 15, 31, 42, TimeSpan.FromHours(3))));
        Assert.Equal("2022-12-31T23:00:00.007", EpguClient.FormatUpdatedAfter(new DateTimeOffset(2023, 1, 1, 1, 0, 0, 7, TimeSpan.FromHours(2))));
        Assert.Equal("2022-12-10T17:31:42.999", EpguClient.FormatUpdatedAfter(new DateTimeOffset(2022, 12, 10, 12, 31, 42, 999, TimeSpan.FromHours(-5))));
    }

    [Theory]
    [InlineData("th-TH")] // Buddhist calendar
    [InlineData("ar-SA")] // Um Al Qura calendar
    [InlineData("ru-RU")]
    [InlineData("fi-FI")] // '.' as the time separator
    public void UpdatedAfter_does_not_depend_on_the_current_culture(string culture)
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            Assert.Equal("2022-12-10T12:31:42.000", EpguClient.FormatUpdatedAfter(new DateTimeOffset(2022, 12, 10, 12, 31, 42, TimeSpan.Zero)));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    private static EpguSession Session(LoopbackServer server) =>
        new(EpguEnvironment.Custom, server.BaseUri, new StaticTokenSource(new AccessToken(Secrets.New())), http: Pipelines.FastOptions());

    [Fact]
    public async Task Get_order_answered_with_204_is_order_not_found()
    {
        await using var server = new LoopbackServer(Reply.Http(204));
        using var session = Session(server);

        var error = await Assert.ThrowsAsync<GosApiException>(() => new EpguClient(session).GetOrderAsync(73588067, Ct));

        Assert.Equal(GosApiErrorKind.NotFound, error.Kind);
        Assert.Equal(204, error.StatusCode);
        Assert.Equal("Epgu.not_found", error.ErrorId);
        Assert.Contains("73588067", error.Message);
        Assert.Contains("orderId", error.Hint);
        Assert.Equal("POST", server.Requests[0].Method);
        Assert.Equal("/api/gusmev/order/73588067", server.Requests[0].Target);
    }

    [Fact]
    public async Task Get_order_over_http_parses_001s_example()
    {
        await using var server = new LoopbackServer(Reply.Ok(Fixtures.OrderDetails));
        using var session = Session(server);

        var details = await new EpguClient(session).GetOrderAsync(2058864134, Ct);

        Assert.Equal(24, details.StatusId);
        Assert.Equal("2058864134", details.AttachmentFiles[0].ObjectId);
        Assert.StartsWith("Bearer ", server.Requests[0].Header("Authorization"));
    }

    [Fact]
    public async Task UpdatedAfter_is_sent_in_the_query_as_001_shows_it()
    {
        await using var server = new LoopbackServer(Reply.Ok("{\"count\":0,\"totalCount\":0,\"content\":[]}"));
        using var session = Session(server);

        await foreach (var _ in new EpguClient(session).GetUpdatedAfterAsync(new DateTimeOffset(2022, 12, 10, 15, 31, 42, TimeSpan.FromHours(3)), Ct)) { }

        var target = server.Requests[0].Target;
        Assert.StartsWith("/api/gusmev/order/getUpdatedAfter/?", target);
        Assert.Contains("pageNum=0", target);
        Assert.Contains("updatedAfter=2022-12-10T12:31:42.000", Uri.UnescapeDataString(target));
    }
}
