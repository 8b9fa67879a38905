using System.Text;
using GosApi.Core.Tests.Http;
using GosApi.Errors;
using GosApi.FnsMobileSign;
using GosApi.FnsMobileSign.Models;
using GosApi.FnsMobileSign.Requests;
using GosApi.Validation;
using Xunit;
using static GosApi.Core.Tests.FnsMobileSign.FnsTestData;

namespace GosApi.Core.Tests.FnsMobileSign;

/// <summary>The partner API over real HTTP on the loopback interface: auth, creates, lists, downloads, waiting, the signing flow.</summary>
public class TransportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string password = Secrets.New("fns-password");

    private static string WorkflowJson(long id, string state, string extra = "") =>
        Result("{\"id\":" + id + ",\"type\":\"document-signing\",\"state\":\"" + state + "\",\"consumer\":\"" + ConsumerId + "\",\"external_id\":\"" + ExternalId + "\"" + extra + "}");

    // ---- authentication ----

    [Fact]
    public async Task Token_mode_logs_in_once_then_sends_authorization_token()
    {
        var token = Secrets.New("fns-token");
        await using var server = new LoopbackServer(r => PathOf(r) == "/api/rb/auth" ? Reply.Ok(Token(token)) : Reply.Ok(WorkflowJson(5, "wait-signature")));
        using var session = Session(server, password);
        Assert.False(session.IsLoggedIn);
        await session.LogInAsync(Ct);
        Assert.True(session.IsLoggedIn);
        var client = new FnsClient(session);
        await client.GetWorkflowAsync(5, Ct);
        await client.GetWorkflowAsync(5, Ct);

        var requests = server.Requests;
        Assert.Equal(new[] { "POST /api/rb/auth", "GET /api/rb/workflow/5/full", "GET /api/rb/workflow/5/full" }, requests.Select(r => r.Method + " " + r.Target));
        var login = Parse(requests[0].BodyText);
        Assert.Equal(new[] { "password", "username" }, login.Names());
        Assert.Equal(("partner", password), (login.Str("username"), login.Str("password")));
        Assert.Null(requests[0].Header("Authorization"));
        Assert.StartsWith("application/json", requests[0].Header("Content-Type"));
        Assert.All(requests.Skip(1), r => Assert.Equal("token " + token, r.Header("Authorization")));
    }

    [Fact]
    public async Task The_first_call_logs_in_by_itself()
    {
        var token = Secrets.New("fns-token");
        await using var server = new LoopbackServer(r => PathOf(r) == "/api/rb/auth" ? Reply.Ok(Token(token)) : Reply.Ok(WorkflowJson(5, "complete")));
        using var session = Session(server, password);
        var workflow = await new FnsClient(session).GetWorkflowAsync(5, Ct);
        Assert.Equal(FnsWorkflowState.Complete, workflow.State);
        Assert.Equal(new[] { "/api/rb/auth", "/api/rb/workflow/5/full" }, server.Requests.Select(PathOf));
    }

    [Fact]
    public async Task A_401_logs_in_again_once_and_retries_with_the_new_token()
    {
        var tokens = new[] { Secrets.New("fns-old"), Secrets.New("fns-new") };
        var logins = 0;
        await using var server = new LoopbackServer(r =>
        {
            if (PathOf(r) == "/api/rb/auth") return Reply.Ok(Token(tokens[Math.Min(Interlocked.Increment(ref logins) - 1, 1)]));
            return r.Header("Authorization") == "token " + tokens[1] ? Reply.Ok(WorkflowJson(5, "complete")) : Reply.Http(401, """{"detail":"Недопустимый токен."}""");
        });
        using var session = Session(server, password);
        var client = new FnsClient(session);
        await session.LogInAsync(Ct);
        var workflow = await client.GetWorkflowAsync(5, Ct);

        Assert.Equal(5, workflow.Id);
        Assert.Equal(new[] { "/api/rb/auth", "/api/rb/workflow/5/full", "/api/rb/auth", "/api/rb/workflow/5/full" }, server.Requests.Select(PathOf));
        Assert.Equal("token " + tokens[0], server.Requests[1].Header("Authorization"));
        Assert.Equal("token " + tokens[1], server.Requests[3].Header("Authorization"));
        // the new token is kept
        await client.GetWorkflowAsync(5, Ct);
        Assert.Equal(5, server.Count);
    }

    [Fact]
    public async Task A_token_refused_again_after_the_relogin_fails_with_401_without_looping()
    {
        await using var server = new LoopbackServer(r =>
            PathOf(r) == "/api/rb/auth" ? Reply.Ok(Token(Secrets.New("fns-token"))) : Reply.Http(401, """{"detail":"Недопустимый токен."}"""));
        using var session = Session(server, password, maxRetries: 3);
        var ex = await Assert.ThrowsAsync<GosApiException>(() => new FnsClient(session).GetWorkflowAsync(5, Ct));
        Assert.Equal("FnsMobileSign.401", ex.ErrorId);
        Assert.Contains("Недопустимый токен.", ex.Message);
        Assert.Equal(new[] { "/api/rb/auth", "/api/rb/workflow/5/full", "/api/rb/auth", "/api/rb/workflow/5/full" }, server.Requests.Select(PathOf));
    }

    [Fact]
    public async Task Basic_mode_sends_basic_credentials_and_never_logs_in()
    {
        await using var server = new LoopbackServer(r => r.Target.Contains("/7/") ? Reply.Http(401, """{"detail":"Неверные учётные данные."}""") : Reply.Ok(WorkflowJson(5, "complete")));
        using var session = Session(server, password, FnsAuthentication.Basic, maxRetries: 2);
        Assert.True(session.IsLoggedIn);
        await session.LogInAsync(Ct);
        Assert.Equal(0, server.Count);
        var client = new FnsClient(session);
        await client.GetWorkflowAsync(5, Ct);
        await client.GetWorkflowAsync(5, Ct);
        var ex = await Assert.ThrowsAsync<GosApiException>(() => client.GetWorkflowAsync(7, Ct));
        Assert.Equal("FnsMobileSign.401", ex.ErrorId);

        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("partner:" + password));
        Assert.Equal(3, server.Count); // a 401 is not retried: the credentials cannot change
        Assert.All(server.Requests, r => Assert.Equal(expected, r.Header("Authorization")));
        Assert.DoesNotContain(server.Requests, r => r.Target.Contains("/api/rb/auth"));
    }

    [Fact]
    public async Task Wrong_credentials_fail_at_log_in_with_401()
    {
        await using var server = new LoopbackServer(Reply.Http(401, """{"error":{"non_field_errors":["Невозможно войти с предоставленными учетными данными."]}}"""));
        using var session = Session(server, password, maxRetries: 3);
        var ex = await Assert.ThrowsAsync<GosApiException>(() => session.LogInAsync(Ct));
        Assert.Equal("FnsMobileSign.401", ex.ErrorId);
        Assert.Equal(GosApiErrorKind.Authentication, ex.Kind);
        Assert.Contains("log in failed: Невозможно войти с предоставленными учетными данными.", ex.Message);
        Assert.Equal(1, server.Count);
        Assert.False(session.IsLoggedIn);
    }

    [Theory]
    [InlineData("""{"result":{}}""")]
    [InlineData("""{"result":{"token":""}}""")]
    [InlineData("""{"result":{"token":null}}""")]
    [InlineData("""{"result":"abc"}""")]
    [InlineData("""{"token":"abc"}""")]
    public async Task A_login_answer_without_a_token_is_an_invalid_response(string answer)
    {
        await using var server = new LoopbackServer(Reply.Ok(answer));
        using var session = Session(server, password);
        var ex = await Assert.ThrowsAsync<GosApiException>(() => session.LogInAsync(Ct));
        Assert.Equal(GosApiErrorKind.InvalidResponse, ex.Kind);
        Assert.Contains("log in", ex.Message);
    }

    [Fact]
    public void Session_arguments_are_checked()
    {
        Assert.Throws<ArgumentException>(() => new FnsSession(new Uri("ftp://x/"), "u", "p"));
        Assert.Throws<ArgumentException>(() => new FnsSession(new Uri("https://x/"), " ", "p"));
        Assert.Throws<ArgumentException>(() => new FnsSession(new Uri("https://x/"), "u", ""));
        using var session = new FnsSession(new Uri("https://partner.example/fns"), "u", Secrets.New("fns-pass"));
        Assert.Equal("https://partner.example/fns/", session.BaseUri.AbsoluteUri);
    }

    // ---- creating ----

    [Fact]
    public async Task Create_posts_the_workflow_with_the_sessions_scenario_and_reads_201_as_new_200_as_existing()
    {
        var status = 201;
        await using var server = new LoopbackServer(r => Reply.Http(status, CreateSigningAnswer));
        var scenarios = new FnsScenarios();
        scenarios["DocumentSigning"] = 1082;
        using var session = Session(server, password, FnsAuthentication.Basic, scenarios: scenarios);
        var client = new FnsClient(session);

        var created = await client.CreateWorkflowAsync(Signing(), Ct);
        Assert.False(created.IsExisting);
        Assert.Equal(2053010, created.Id);
        Assert.Equal(2, created.Documents.Count);

        status = 200;
        var request = Signing();
        request.LegalEntity = new FnsLegalEntityData { Inn = LegalInn };
        var again = await client.CreateWorkflowAsync(request, Ct);
        Assert.True(again.IsExisting);

        var bodies = server.Requests.Select(r => Parse(r.BodyText)).ToArray();
        Assert.All(server.Requests, r => Assert.Equal("POST /api/rb/workflow", r.Method + " " + r.Target));
        Assert.Equal(1082, bodies[0].GetProperty("scenario").GetInt32());
        Assert.Equal(88, bodies[1].GetProperty("scenario").GetInt32());
        Assert.Equal(LegalInn, bodies[1].GetProperty("legal_entity").Str("inn"));

        // an explicit scenario wins
        status = 201;
        var explicitScenario = Signing();
        explicitScenario.Scenario = 777;
        await client.CreateWorkflowAsync(explicitScenario, Ct);
        Assert.Equal(777, Parse(server.Requests[2].BodyText).GetProperty("scenario").GetInt32());
    }

    [Fact]
    public async Task An_invalid_request_is_refused_before_anything_is_sent()
    {
        await using var server = new LoopbackServer(Reply.Http(201, CreateSigningAnswer));
        using var session = Session(server, password);
        var request = Signing();
        request.ConsumerId = "nope";
        var ex = await Assert.ThrowsAsync<InputValidationException>(() => new FnsClient(session).CreateWorkflowAsync(request, Ct));
        Assert.Contains("ConsumerId", ex.Message);
        Assert.Equal(0, server.Count);
    }

    [Fact]
    public async Task A_create_is_retried_after_503_with_the_same_external_id()
    {
        await using var server = new LoopbackServer(Reply.Http(503, "{}"), Reply.Http(502, "{}"), Reply.Http(201, CreateSigningAnswer));
        using var session = Session(server, password, FnsAuthentication.Basic, maxRetries: 3);
        var request = Signing();
        var workflow = await new FnsClient(session).CreateWorkflowAsync(request, Ct);

        Assert.Equal(2053010, workflow.Id);
        Assert.Equal(3, server.Count);
        var ids = server.Requests.Select(r => Parse(r.BodyText).Str("external_id")).Distinct().ToArray();
        var id = Assert.Single(ids);
        Assert.Equal(request.ExternalId, id);
        Assert.True(Guid.TryParse(id, out _));
        Assert.Single(server.Requests.Select(r => r.BodyText).Distinct());
    }

    [Fact]
    public async Task A_create_that_keeps_failing_names_its_external_id()
    {
        await using var server = new LoopbackServer(Reply.Http(503, "{}"));
        using var session = Session(server, password, FnsAuthentication.Basic, maxRetries: 1);
        var request = Signing();
        request.ExternalId = ExternalId;
        var ex = await Assert.ThrowsAsync<GosApiException>(() => new FnsClient(session).CreateWorkflowAsync(request, Ct));
        Assert.Equal("FnsMobileSign.503", ex.ErrorId);
        Assert.Equal("external_id " + ExternalId, ex.EntityId);
        Assert.Equal(2, server.Count);
    }

    [Fact]
    public async Task Simplified_signing_posts_to_workflow_fns_with_scenario_564()
    {
        await using var server = new LoopbackServer(Reply.Http(201, WorkflowJson(407054, "wait-signature")));
        using var session = Session(server, password, FnsAuthentication.Basic);
        var request = new FnsSimplifiedSigningRequest { Inn = PersonInn, Phone = "89005863454" };
        request.Documents.Add(Pdf("Заявление.txt"));
        var workflow = await new FnsClient(session).CreateSimplifiedSigningAsync(request, Ct);
        Assert.Equal(407054, workflow.Id);
        var sent = Assert.Single(server.Requests);
        Assert.Equal("/api/rb/workflow/fns", sent.Target);
        var body = Parse(sent.BodyText);
        Assert.Equal(564, body.GetProperty("scenario").GetInt32());
        Assert.Equal("79005863454", body.Str("phone"));
        Assert.Equal(request.ExternalId, body.Str("external_id"));
    }

    // ---- lists ----

    [Fact]
    public async Task Lists_follow_next_links_page_by_page()
    {
        var second = "00000000-0000-4000-8000-000000000002";
        LoopbackServer? self = null;
        await using var server = new LoopbackServer(r => r.Target.Contains("page=2")
            ? Reply.Ok(Result("{\"count\":3,\"next\":null,\"previous\":null,\"results\":[{\"id\":3,\"type\":\"identification\",\"state\":\"complete\"}]}"))
            : Reply.Ok(Result("{\"count\":3,\"next\":\"" + new Uri(self!.BaseUri, "api/rb/workflow?consumer=x&page=2") + "\",\"previous\":null,\"results\":[{\"id\":1,\"state\":\"wait-pkcs10\"},{\"id\":2,\"state\":\"rejected\"}]}")));
        self = server;
        using var session = Session(server, password, FnsAuthentication.Basic);
        var seen = new List<long>();
        var count = await new FnsClient(session).ListWorkflowsAsync(new[] { ConsumerId, " " + second + " ", "" }, FnsWorkflowType.Identification, w => { seen.Add(w.Id); return true; }, Ct);

        Assert.Equal(3, count);
        Assert.Equal(new long[] { 1, 2, 3 }, seen);
        Assert.Equal("/api/rb/workflow?consumer=" + ConsumerId + "," + second + "&type=identification", server.Requests[0].Target);
        Assert.Equal("/api/rb/workflow?consumer=x&page=2", server.Requests[1].Target);
        Assert.All(server.Requests, r => Assert.StartsWith("Basic ", r.Header("Authorization")));

        // stopping early reads no further page
        var firstOnly = await new FnsClient(session).ListWorkflowsAsync(null, null, _ => false, Ct);
        Assert.Equal(1, firstOnly);
        Assert.Equal(3, server.Count);
        Assert.Equal("/api/rb/workflow", server.Requests[2].Target);
    }

    [Fact]
    public async Task A_next_link_to_another_host_is_refused()
    {
        await using var other = new LoopbackServer(Reply.Ok(Result("{\"results\":[]}")));
        await using var server = new LoopbackServer(Reply.Ok(Result("{\"count\":2,\"next\":\"" + new Uri(other.BaseUri, "api/rb/staff/agent?page=2") + "\",\"results\":[{\"id\":2,\"username\":\"test_agent\"}]}")));
        using var session = Session(server, password, FnsAuthentication.Basic);
        var agents = new List<FnsAgent>();
        var ex = await Assert.ThrowsAsync<GosApiException>(() => new FnsClient(session).ListAgentsAsync(a => { agents.Add(a); return true; }, Ct));
        Assert.Equal(GosApiErrorKind.Security, ex.Kind);
        Assert.Contains("not followed", ex.Message);
        Assert.Equal(0, other.Count);
        Assert.Equal("test_agent", Assert.Single(agents).Username);
        Assert.Equal("/api/rb/staff/agent", Assert.Single(server.Requests).Target);
    }

    [Fact]
    public async Task Listing_refuses_ids_that_are_not_uuids()
    {
        await using var server = new LoopbackServer(Reply.Ok(Result("[]")));
        using var session = Session(server, password);
        var ex = await Assert.ThrowsAsync<InputValidationException>(() => new FnsClient(session).ListWorkflowsAsync(new[] { "abc" }, null, _ => true, Ct));
        Assert.Contains("ConsumerId abc", ex.Message);
        Assert.Equal(0, server.Count);
    }

    // ---- downloads ----

    [Fact]
    public async Task Download_streams_the_file_with_the_sessions_credentials()
    {
        var content = "%PDF-1.4\n" + new string('x', 100_000) + "\n%%EOF";
        await using var server = new LoopbackServer(r => PathOf(r) == "/api/rb/document/2960797/path/usn.pdf" ? new Reply { Status = 200, Body = content, ContentType = "application/pdf" } : Reply.Http(404, "{}"));
        using var session = Session(server, password, FnsAuthentication.Basic);
        var dir = Directory.CreateTempSubdirectory("fns-download-");
        try
        {
            var target = Path.Combine(dir.FullName, "usn.pdf");
            File.WriteAllText(target, "old");
            var bytes = await new FnsClient(session).DownloadAsync("/api/rb/document/2960797/path/usn.pdf", target, Ct);
            Assert.Equal(Encoding.UTF8.GetByteCount(content), bytes);
            Assert.Equal(content, File.ReadAllText(target));
            Assert.StartsWith("Basic ", Assert.Single(server.Requests).Header("Authorization"));

            var missing = Path.Combine(dir.FullName, "missing.pdf");
            var ex = await Assert.ThrowsAsync<GosApiException>(() => new FnsClient(session).DownloadAsync("api/rb/document/1/path/missing.pdf", missing, Ct));
            Assert.Equal("FnsMobileSign.404", ex.ErrorId);
            Assert.False(File.Exists(missing));
            Assert.Single(Directory.GetFiles(dir.FullName)); // no partial file left behind
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Theory]
    [InlineData("http://evil.example/api/rb/document/1/path/a.pdf")]
    [InlineData("//evil.example/api/rb/document/1/path/a.pdf")]
    [InlineData("https://127.0.0.1/api/rb/document/1/path/a.pdf")]
    public async Task Download_refuses_links_to_another_host(string link)
    {
        await using var server = new LoopbackServer(Reply.Ok("data"));
        using var session = Session(server, password, FnsAuthentication.Basic);
        var target = Path.Combine(Path.GetTempPath(), "fns-refused-" + Guid.NewGuid().ToString("N") + ".pdf");
        var ex = await Assert.ThrowsAsync<GosApiException>(() => new FnsClient(session).DownloadAsync(link, target, Ct));
        Assert.Equal(GosApiErrorKind.Security, ex.Kind);
        Assert.Equal(0, server.Count);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public async Task Download_of_an_empty_link_names_the_problem()
    {
        await using var server = new LoopbackServer(Reply.Ok("data"));
        using var session = Session(server, password, FnsAuthentication.Basic);
        var ex = await Assert.ThrowsAsync<InputValidationException>(() => new FnsClient(session).DownloadAsync(" ", "x", Ct));
        Assert.Contains("is the document signed yet", ex.Message);
    }

    // ---- waiting ----

    [Theory]
    [InlineData("complete", FnsWorkflowState.Complete)]
    [InlineData("rejected", FnsWorkflowState.Rejected)]
    [InlineData("error", FnsWorkflowState.Error)]
    public async Task Wait_polls_until_a_final_state(string final, FnsWorkflowState state)
    {
        var states = new[] { "wait-signature", "sign-rejected", final };
        await using var server = new LoopbackServer(r => Reply.Ok(WorkflowJson(9, states[Math.Min(r.Index, 2)])));
        using var session = Session(server, password, FnsAuthentication.Basic);
        var seen = new List<string?>();
        var (workflow, timedOut) = await new FnsClient(session).WaitAsync(9, TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(20), new SyncProgress(w => seen.Add(w.StateName)), Ct);
        Assert.False(timedOut);
        Assert.Equal(state, workflow.State);
        Assert.Equal(3, server.Count);
        Assert.Equal(states, seen);
        Assert.All(server.Requests, r => Assert.Equal("/api/rb/workflow/9/full", r.Target));
    }

    [Fact]
    public async Task Wait_reports_a_timeout_with_the_last_state()
    {
        await using var server = new LoopbackServer(Reply.Ok(WorkflowJson(9, "wait-signature")));
        using var session = Session(server, password, FnsAuthentication.Basic);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (workflow, timedOut) = await new FnsClient(session).WaitAsync(9, TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(50), null, Ct);
        Assert.True(timedOut);
        Assert.Equal(FnsWorkflowState.WaitSignature, workflow.State);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(280), TimeSpan.FromSeconds(5));
        Assert.InRange(server.Count, 3, 10);
    }

    [Fact]
    public async Task Wait_arguments_are_checked()
    {
        await using var server = new LoopbackServer(Reply.Ok(WorkflowJson(9, "complete")));
        using var session = Session(server, password, FnsAuthentication.Basic);
        var client = new FnsClient(session);
        await Assert.ThrowsAsync<InputValidationException>(() => client.WaitAsync(0, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));
        await Assert.ThrowsAsync<InputValidationException>(() => client.WaitAsync(9, TimeSpan.Zero, TimeSpan.FromSeconds(1)));
        await Assert.ThrowsAsync<InputValidationException>(() => client.WaitAsync(9, TimeSpan.FromSeconds(1), TimeSpan.Zero));
        Assert.Equal(0, server.Count);
    }

    // ---- the signing flow ----

    private sealed class SyncProgress : IProgress<FnsWorkflow>
    {
        private readonly Action<FnsWorkflow> report;
        public SyncProgress(Action<FnsWorkflow> report) { this.report = report; }
        public void Report(FnsWorkflow value) => report(value);
    }

    private static Func<RecordedRequest, Reply> SigningService(string finalState = "complete", Func<RecordedRequest, Reply?>? fault = null) => r =>
    {
        var injected = fault?.Invoke(r);
        if (injected != null) return injected;
        return (r.Method, PathOf(r)) switch
        {
            ("POST", "/api/rb/workflow") => Reply.Http(201, CreateSigningAnswer),
            ("GET", "/api/rb/workflow/2053010/full") => Reply.Ok(WorkflowJson(2053010, r.Index < 2 ? "wait-signature" : finalState)),
            ("GET", "/api/rb/workflow/2053010/document") => Reply.Ok(DocumentsAnswer),
            ("GET", var path) when path.StartsWith("/api/rb/document/", StringComparison.Ordinal) => new Reply { Status = 200, Body = "bytes of " + path, ContentType = "application/octet-stream" },
            _ => Reply.Http(404, "{}"),
        };
    };

    [Fact]
    public async Task The_signing_flow_creates_waits_and_saves_every_document_and_its_signature()
    {
        await using var server = new LoopbackServer(SigningService());
        using var session = Session(server, password, FnsAuthentication.Basic);
        var client = new FnsClient(session);
        var dir = Directory.CreateTempSubdirectory("fns-flow-");
        try
        {
            FnsWorkflow? created = null;
            var options = new FnsSigningOptions { Wait = true, Timeout = TimeSpan.FromSeconds(10), PollingInterval = TimeSpan.FromMilliseconds(20), Destination = dir.FullName };
            var results = await new FnsSigningFlow(client).RunAsync(ct => client.CreateWorkflowAsync(Signing(), ct), options, w => created = w, null, Ct);

            Assert.Equal(2053010, created!.Id);
            Assert.Equal(2, results.Count);
            Assert.All(results, r =>
            {
                Assert.Equal(2053010, r.WorkflowId);
                Assert.Equal(FnsWorkflowState.Complete, r.State);
                Assert.True(r.IsSigned);
                Assert.Equal("bytes of /api/rb/document/" + r.DocumentId + "/path/" + r.Title, File.ReadAllText(r.Path!));
                Assert.Equal(r.Path + ".p7s", r.SignaturePath);
                Assert.StartsWith("bytes of /api/rb/document/" + r.DocumentId + "/signature/", File.ReadAllText(r.SignaturePath!));
            });
            Assert.Equal(new[] { "20210204_9080.xml", "20210204_9080.xml.p7s", "721be3bb.tiff", "721be3bb.tiff.p7s" },
                Directory.GetFiles(dir.FullName).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));

            // a second run without -Force refuses to overwrite
            var again = await Assert.ThrowsAnyAsync<IOException>(() =>
                new FnsSigningFlow(client).RunAsync(ct => client.CreateWorkflowAsync(Signing(), ct), options, null, null, Ct));
            Assert.Contains("exists", again.Message);
            options.Overwrite = true;
            Assert.Equal(2, (await new FnsSigningFlow(client).RunAsync(ct => client.CreateWorkflowAsync(Signing(), ct), options, null, null, Ct)).Count);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public async Task The_signing_flow_without_wait_returns_the_documents_unsigned()
    {
        await using var server = new LoopbackServer(SigningService());
        using var session = Session(server, password, FnsAuthentication.Basic);
        var client = new FnsClient(session);
        var results = await new FnsSigningFlow(client).RunAsync(ct => client.CreateWorkflowAsync(Signing(), ct), new FnsSigningOptions(), null, null, Ct);
        Assert.Equal(new[] { "usn.pdf", "reg-ip.pdf" }, results.Select(r => r.Title));
        Assert.All(results, r => Assert.Equal(FnsWorkflowState.WaitSignature, r.State));
        Assert.All(results, r => Assert.Null(r.Path));
        Assert.Single(server.Requests); // only the create
    }

    [Fact]
    public async Task The_signing_flow_refuses_a_destination_without_wait()
    {
        await using var server = new LoopbackServer(SigningService());
        using var session = Session(server, password, FnsAuthentication.Basic);
        var client = new FnsClient(session);
        var ex = await Assert.ThrowsAsync<InputValidationException>(() =>
            new FnsSigningFlow(client).RunAsync(ct => client.CreateWorkflowAsync(Signing(), ct), new FnsSigningOptions { Destination = Path.GetTempPath() }, null, null, Ct));
        Assert.Contains("Destination", ex.Message);
        Assert.Contains("-Wait", ex.Message);
        Assert.Equal(0, server.Count);
    }

    [Fact]
    public async Task The_signing_flow_reports_the_workflow_when_a_later_step_fails()
    {
        var dir = Directory.CreateTempSubdirectory("fns-flow-fail-");
        try
        {
            // the document list fails
            await using (var server = new LoopbackServer(SigningService(fault: r => PathOf(r).EndsWith("/document", StringComparison.Ordinal) ? Reply.Http(500, "{}") : null)))
            {
                using var session = Session(server, password, FnsAuthentication.Basic);
                var client = new FnsClient(session);
                var options = new FnsSigningOptions { Wait = true, PollingInterval = TimeSpan.FromMilliseconds(10), Destination = dir.FullName };
                var ex = await Assert.ThrowsAsync<GosApiException>(() => new FnsSigningFlow(client).RunAsync(ct => client.CreateWorkflowAsync(Signing(), ct), options, null, null, Ct));
                Assert.Equal("workflow 2053010", ex.EntityId);
                Assert.Contains("2053010", ex.Message);
            }

            // a signature download fails
            await using (var server = new LoopbackServer(SigningService(fault: r => PathOf(r).EndsWith(".p7s", StringComparison.Ordinal) ? Reply.Http(404, "{}") : null)))
            {
                using var session = Session(server, password, FnsAuthentication.Basic);
                var client = new FnsClient(session);
                var options = new FnsSigningOptions { Wait = true, PollingInterval = TimeSpan.FromMilliseconds(10), Destination = dir.FullName, Overwrite = true };
                var ex = await Assert.ThrowsAsync<GosApiException>(() => new FnsSigningFlow(client).RunAsync(ct => client.CreateWorkflowAsync(Signing(), ct), options, null, null, Ct));
                Assert.Equal("FnsMobileSign.404", ex.ErrorId);
                Assert.Equal("workflow 2053010", ex.EntityId);
                Assert.Contains("Workflow 2053010 was created (external_id " + ExternalId + ")", ex.Message);
            }

            // the wait times out
            await using (var server = new LoopbackServer(SigningService(finalState: "wait-signature")))
            {
                using var session = Session(server, password, FnsAuthentication.Basic);
                var client = new FnsClient(session);
                var options = new FnsSigningOptions { Wait = true, Timeout = TimeSpan.FromMilliseconds(200), PollingInterval = TimeSpan.FromMilliseconds(20) };
                var ex = await Assert.ThrowsAsync<GosApiException>(() => new FnsSigningFlow(client).RunAsync(ct => client.CreateWorkflowAsync(Signing(), ct), options, null, null, Ct));
                Assert.Equal(GosApiErrorKind.Timeout, ex.Kind);
                Assert.Equal("workflow 2053010", ex.EntityId);
                Assert.Contains("wait-signature", ex.Message);
            }
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public async Task A_rejected_signing_downloads_nothing()
    {
        await using var server = new LoopbackServer(SigningService(finalState: "rejected"));
        using var session = Session(server, password, FnsAuthentication.Basic);
        var client = new FnsClient(session);
        var dir = Directory.CreateTempSubdirectory("fns-flow-rejected-");
        try
        {
            var options = new FnsSigningOptions { Wait = true, PollingInterval = TimeSpan.FromMilliseconds(10), Destination = dir.FullName };
            var results = await new FnsSigningFlow(client).RunAsync(ct => client.CreateWorkflowAsync(Signing(), ct), options, null, null, Ct);
            Assert.All(results, r => Assert.Equal(FnsWorkflowState.Rejected, r.State));
            Assert.All(results, r => Assert.Null(r.Path));
            Assert.Empty(Directory.GetFiles(dir.FullName));
            Assert.DoesNotContain(server.Requests, r => r.Target.StartsWith("/api/rb/document/", StringComparison.Ordinal));
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Theory]
    [InlineData("usn.pdf", "usn.pdf")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("..\\..\\win.ini", "win.ini")]
    [InlineData("..", "document")]
    [InlineData("", "document")]
    public void Titles_become_safe_file_names(string title, string name) => Assert.Equal(name, FnsSigningFlow.SafeFileName(title));
}
