using System.Text;
using GosApi.Core.Tests.Http;
using GosApi.Errors;
using GosApi.FnsMobileSign;
using Xunit;
using static GosApi.Core.Tests.FnsMobileSign.FnsTestData;

namespace GosApi.Core.Tests.FnsMobileSign;

/// <summary>
/// The password, the token and the Basic credentials never show in an error message or in the session's text,
/// even when the service echoes them back.
/// </summary>
public class SecretTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>An error body that quotes everything the request carried: its Authorization header and its body.</summary>
    private static Reply Echo(RecordedRequest r, int status, bool json = true)
    {
        var text = "you sent " + r.Header("Authorization") + " with " + r.BodyText + " to " + r.Target;
        return json
            ? Reply.Http(status, "{\"error\":{\"non_field_errors\":[" + Quote(text) + "],\"consumer\":{\"auth\":[" + Quote(r.Header("Authorization") ?? "") + "]}}}")
            : new Reply { Status = status, Body = text, ContentType = "text/plain" };
    }

    private static void AssertClean(string text, params string[] secrets)
    {
        foreach (var secret in secrets) Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
    }

    private static string AllText(Exception ex)
    {
        var text = new StringBuilder();
        for (var e = ex; e != null; e = e.InnerException) text.AppendLine(e.Message);
        if (ex is GosApiException api) text.AppendLine(api.ToString());
        return text.ToString();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Wrong_credentials_echoed_back_do_not_leak_the_password(bool json)
    {
        var password = Secrets.New("fns-pw");
        await using var server = new LoopbackServer(r => Echo(r, 401, json));
        using var session = Session(server, password);
        var ex = await Assert.ThrowsAsync<GosApiException>(() => session.LogInAsync(Ct));
        Assert.Equal("FnsMobileSign.401", ex.ErrorId);
        Assert.Contains(password, server.Requests[0].BodyText); // it was echoed…
        Assert.Contains("you sent", ex.Message);
        AssertClean(ex.Message, password);                    // …and scrubbed
        AssertClean(session.ToString(), password);
    }

    [Theory]
    [InlineData(400, true)]
    [InlineData(401, true)]
    [InlineData(404, false)]
    [InlineData(500, false)]
    public async Task Token_and_password_never_show_when_a_call_fails(int status, bool json)
    {
        var password = Secrets.New("fns-pw");
        var token = Secrets.New("fns-tk");
        await using var server = new LoopbackServer(r => PathOf(r) == "/api/rb/auth" ? Reply.Ok(Token(token)) : Echo(r, status, json));
        using var session = Session(server, password);
        var client = new FnsClient(session);
        var ex = await Assert.ThrowsAsync<GosApiException>(() => client.CreateWorkflowAsync(Signing(), Ct));
        Assert.Equal(status, ex.StatusCode);
        Assert.Contains(server.Requests, r => r.Header("Authorization") == "token " + token);
        AssertClean(AllText(ex), password, token);
        AssertClean(session.ToString(), password, token);
        Assert.DoesNotContain(session.GetType().GetProperties(), p => p.GetValue(session) is string s && (s.Contains(token) || s.Contains(password)));
    }

    [Fact]
    public async Task Basic_credentials_never_show()
    {
        var password = Secrets.New("fns-pw");
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes("partner:" + password));
        await using var server = new LoopbackServer(r => Echo(r, 403));
        using var session = Session(server, password, FnsAuthentication.Basic);
        var ex = await Assert.ThrowsAsync<GosApiException>(() => new FnsClient(session).GetWorkflowAsync(1, Ct));
        Assert.Equal("FnsMobileSign.403", ex.ErrorId);
        Assert.Equal("Basic " + basic, server.Requests[0].Header("Authorization"));
        AssertClean(AllText(ex), basic, password);
        AssertClean(session.ToString(), basic, password);
        Assert.Contains("partner", session.ToString());
    }

    [Fact]
    public async Task A_download_error_echoing_credentials_stays_clean()
    {
        var password = Secrets.New("fns-pw");
        var token = Secrets.New("fns-tk");
        await using var server = new LoopbackServer(r => PathOf(r) == "/api/rb/auth" ? Reply.Ok(Token(token)) : Echo(r, 500, json: false));
        using var session = Session(server, password);
        var target = Path.Combine(Path.GetTempPath(), "fns-secret-" + Guid.NewGuid().ToString("N"));
        var ex = await Assert.ThrowsAsync<GosApiException>(() => new FnsClient(session).DownloadAsync("/api/rb/document/1/signature/X.p7s", target, Ct));
        Assert.Contains("you sent", ex.Message);
        AssertClean(AllText(ex), password, token);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public async Task A_password_with_characters_json_escapes_is_not_leaked_by_an_echo_either()
    {
        // "+", "<", ">" and "&" and Cyrillic are written as \uXXXX by the default JSON encoder.
        var password = "Пароль+<" + Guid.NewGuid().ToString("N") + ">&'";
        await using var server = new LoopbackServer(r => Echo(r, 401, json: false));
        using var session = Session(server, password);
        var ex = await Assert.ThrowsAsync<GosApiException>(() => session.LogInAsync(Ct));
        var sent = Parse(server.Requests[0].BodyText).Str("password");
        Assert.Equal(password, sent);
        var guid = password.Substring(8, 32);
        AssertClean(ex.Message, guid);
    }
}
