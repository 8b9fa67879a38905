using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using GosApi.Core.Tests.Http;
using GosApi.ElectronicCertificates;
using GosApi.ElectronicCertificates.Models;
using GosApi.Errors;
using Xunit;
using static GosApi.Core.Tests.ElectronicCertificates.EcTestData;

namespace GosApi.Core.Tests.ElectronicCertificates;

/// <summary>
/// The signed exchange of seed 002 over real HTTP on the loopback interface: request headers, canonical body,
/// x-jws-signature both ways, error bodies, retries, and secrets kept out of every message.
/// </summary>
public class TransportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly Regex V4Lower = new("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
    private static readonly Regex RequestDate = new(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$");

    private readonly string apiKey = Secrets.New("ec-api-key");
    private readonly string secretText = Secrets.New("ec-shared-secret");
    private byte[] Secret => Encoding.UTF8.GetBytes(secretText);

    private const string Statement = "{\"certificateNumber\":\"" + CertificateNumber + "\",\"currentStatus\":{\"statusCode\":\"ECSTACTV\",\"statusDateTime\":\"2025-02-01T10:00:00+03:00\",\"statusReason\":\"ECSR9999\"},\"usageStatus\":\"ECUSNONE\"}";

    private ElectronicCertificateSession Session(LoopbackServer server, int maxRetries = 0) =>
        new(new Uri(server.BaseUri, "api/1.2.1-Y/ec/"), apiKey, Secret, Pipelines.FastOptions(maxRetries));

    private static RecordBatch Batch(params ElectronicCertificateRecord[] records)
    {
        var batcher = new RecordBatcher();
        long index = 0;
        foreach (var record in records)
        {
            Valid(record);
            Assert.Null(batcher.Add(record, ++index));
        }
        return batcher.Flush()!;
    }

    /// <summary>Checks x-jws-signature of a request independently: fixed header, HMAC-SHA-512 over the bytes sent.</summary>
    private void AssertSigned(RecordedRequest request)
    {
        var jws = request.Header("x-jws-signature");
        Assert.NotNull(jws);
        var parts = jws!.Split('.');
        Assert.Equal(3, parts.Length);
        Assert.Equal("", parts[1]); // detached
        Assert.Equal(EcFake.HeaderJson, Encoding.UTF8.GetString(Convert.FromBase64String(parts[0].Replace('-', '+').Replace('_', '/') + new string('=', (4 - parts[0].Length % 4) % 4))));
        Assert.Equal(EcFake.Sign(Secret, request.Body), jws);
    }

    private static void AssertRequestHeaders(RecordedRequest request, string apiKey)
    {
        Assert.Equal(apiKey, request.Header("x-api-key"));
        Assert.Matches(V4Lower, request.Header("x-request-id"));
        var date = request.Header("x-request-date")!;
        Assert.Matches(RequestDate, date);
        var sent = DateTimeOffset.ParseExact(date, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        Assert.InRange((DateTimeOffset.UtcNow - sent).Duration(), TimeSpan.Zero, TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Submit_sends_the_canonical_body_signed_with_the_spec_headers_and_returns_the_task()
    {
        var taskId = Guid.NewGuid().ToString();
        await using var server = EcFake.Start(Secret, _ => EcAnswer.Queued(taskId));
        using var session = Session(server);
        var second = Change();
        second.Snils = "112-233-445 95";

        var records = await new ElectronicCertificateClient(session).SubmitAsync(Batch(Change(), second), Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/1.2.1-Y/ec/ec-edit", request.Target);
        AssertRequestHeaders(request, apiKey);
        Assert.Equal("application/json; charset=utf-8", request.Header("Content-Type"));
        // RFC 8785: members sorted by UTF-16 code units, no whitespace.
        Assert.Equal(
            "[{\"certificateNumber\":\"" + CertificateNumber + "\",\"factAssignmentUuid\":\"" + Uuid + "\",\"phoneNumber\":\"9104560011\",\"recordId\":1}," +
            "{\"certificateNumber\":\"" + CertificateNumber + "\",\"factAssignmentUuid\":\"" + Uuid + "\",\"phoneNumber\":\"9104560011\",\"pid\":\"11223344595\",\"recordId\":2}]",
            request.BodyText);
        AssertSigned(request);

        Assert.Equal(2, records.Count);
        Assert.All(records, r =>
        {
            Assert.Equal(taskId, r.TaskId);
            Assert.Equal("REQUEST_IS_QUEUED", r.Acknowledgement!.Code);
            Assert.True(r.Acknowledgement.IsKnown);
            Assert.Equal("ec-edit", r.Operation);
            Assert.Equal(1, r.Batch);
            Assert.Equal(request.Header("x-request-id"), r.RequestId);
            Assert.Equal(CertificateNumber, r.CertificateNumber);
        });
        Assert.Equal(new[] { 1, 2 }, records.Select(r => r.RecordId));
        Assert.Equal(new long[] { 1, 2 }, records.Select(r => r.InputIndex));
        Assert.Equal("11223344595", records[1].Snils);

        var known = Assert.Single(session.KnownTasks);
        Assert.Equal((taskId, "ec_edit", "requestIsQueued"), (known.TaskId, known.TaskType, known.Status));
        Assert.Equal(1, session.Statistics.Requests);
    }

    [Fact]
    public async Task Default_base_uri_is_the_manuals_and_is_sent_percent_encoded()
    {
        var taskId = Guid.NewGuid().ToString();
        await using var server = EcFake.Start(Secret, _ => new EcAnswer { Body = "\"REQUEST_IS_ACCEPTED\"", CorrelationId = taskId });
        using var redirect = new ToLoopback(server.BaseUri);
        using var session = new ElectronicCertificateSession(null, apiKey, Secret, Pipelines.FastOptions(0), redirect);

        Assert.Equal("http://localhost:8080/api/1.2.1-%D0%A3/%D0%B5%D1%81/", session.BaseUri.AbsoluteUri);
        Assert.Equal("http://localhost:8080/api/1.2.1-У/ес/", session.DisplayUri);

        var records = await new ElectronicCertificateClient(session).SubmitAsync(Batch(Assignment()), Ct);

        Assert.Equal("localhost:8080", Assert.Single(redirect.Seen).Authority);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/api/1.2.1-%D0%A3/%D0%B5%D1%81/ec-create", request.Target);
        AssertRequestHeaders(request, apiKey);
        Assert.Equal(
            "[{\"assignment\":{\"budgetaryClassificationCode\":\"12345678901234567890\",\"certificateAmount\":1500000,\"certificateType\":\"" + Type2 + "\"," +
            "\"endDate\":\"2025-12-31T23:59:59+03:00\",\"goodsWorksServices\":[{\"code\":\"01.02.03.04.05.06\",\"name\":\"Кресло-коляска\"}]," +
            "\"mspCode\":\"0123\",\"nationalPaymentInstrument\":\"2200123456789012\"," +
            "\"organization\":{\"INN\":\"7707083893\",\"KPP\":\"773601001\",\"account\":\"03123Ж45678\",\"fullname\":\"ГКУ «Центр социальной поддержки»\",\"rid\":\"12Ф34567\"}," +
            "\"phoneNumber\":\"9104560011\",\"pid\":\"11223344595\",\"program\":\"" + ProgramT + "\",\"startDate\":\"2025-01-15T09:30:00+03:00\"},\"recordId\":1}]",
            request.BodyText);
        AssertSigned(request);
        // A JSON string acknowledgement is read too.
        var record = Assert.Single(records);
        Assert.Equal("REQUEST_IS_ACCEPTED", record.Acknowledgement!.Code);
        Assert.Equal(taskId, record.TaskId);
        Assert.Equal("11223344595", record.Snils);
        Assert.Equal("ec_create", Assert.Single(session.KnownTasks).TaskType);
    }

    [Fact]
    public async Task Get_signs_the_empty_payload_and_accepts_a_signed_reformatted_statement()
    {
        // The service may format its JSON as it likes: the signature covers the canonical form.
        const string pretty = "{\n  \"usageStatus\" : \"ECUSNONE\",\n  \"currentStatus\" : { \"statusReason\":\"ECSR9999\", \"statusCode\":\"ECSTACTV\", \"statusDateTime\":\"2025-02-01T10:00:00+03:00\" },\n  \"certificateNumber\" : \"" + CertificateNumber + "\"\n}";
        await using var server = EcFake.Start(Secret, _ => new EcAnswer { Status = 200, Body = pretty, SignedBody = Statement });
        using var session = Session(server);

        var certificate = await new ElectronicCertificateClient(session).GetCertificateAsync(CertificateNumber, Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/api/1.2.1-Y/ec/ec-detailed-statement?cn=" + CertificateNumber, request.Target);
        Assert.Empty(request.Body);
        AssertRequestHeaders(request, apiKey);
        AssertSigned(request); // over the empty payload
        Assert.Equal(CertificateNumber, certificate.CertificateNumber);
        Assert.Equal("ECSTACTV", certificate.Status!.Code);
        Assert.Equal(request.Header("x-request-id"), certificate.RequestId);
        Assert.Equal(request.Header("x-request-id"), certificate.CorrelationId);
        Assert.Matches(V4Lower, certificate.ResponseId);
    }

    [Fact]
    public async Task Certificate_number_is_checked_before_sending()
    {
        await using var server = EcFake.Start(Secret, _ => EcAnswer.Json(Statement, 200));
        using var session = Session(server);
        var error = await Assert.ThrowsAsync<GosApi.Validation.InputValidationException>(() => new ElectronicCertificateClient(session).GetCertificateAsync("12345", Ct));
        Assert.Contains("CertificateNumber", error.Message);
        Assert.Equal(0, server.Count);
    }

    public static TheoryData<Signing> BadSignatures => new() { Signing.None, Signing.OtherSecret, Signing.Tampered };

    [Theory]
    [MemberData(nameof(BadSignatures))]
    public async Task Acknowledgement_without_a_valid_signature_is_not_trusted(Signing signing)
    {
        var taskId = Guid.NewGuid().ToString();
        await using var server = EcFake.Start(Secret, _ => new EcAnswer
        {
            Body = "REQUEST_IS_QUEUED", ContentType = "text/plain; charset=utf-8", CorrelationId = taskId,
            Signing = signing, SignedBody = signing == Signing.Tampered ? "REQUEST_IS_ACCEPTED" : null,
        });
        using var session = Session(server);

        var error = await Assert.ThrowsAsync<GosApiException>(() => new ElectronicCertificateClient(session).SubmitAsync(Batch(Blocking()), Ct));

        Assert.Equal("ElectronicCertificate.InvalidResponseSignature", error.ErrorId);
        Assert.Equal(GosApiErrorKind.Security, error.Kind);
        Assert.Equal(201, error.StatusCode);
        Assert.Contains("HTTP 201", error.Message);
        Assert.Equal(server.Requests[0].Header("x-request-id"), error.RequestId);
        Assert.Empty(session.KnownTasks); // nothing of the answer was used
    }

    [Theory]
    [MemberData(nameof(BadSignatures))]
    public async Task Json_answer_without_a_valid_signature_is_not_trusted(Signing signing)
    {
        await using var server = EcFake.Start(Secret, _ => new EcAnswer
        {
            Status = 200, Body = Statement, Signing = signing,
            SignedBody = signing == Signing.Tampered ? Statement.Replace("ECSTACTV", "ECSTBLKD") : null,
        });
        using var session = Session(server);

        var error = await Assert.ThrowsAsync<GosApiException>(() => new ElectronicCertificateClient(session).GetCertificateAsync(CertificateNumber, Ct));

        Assert.Equal("ElectronicCertificate.InvalidResponseSignature", error.ErrorId);
        Assert.Contains(signing == Signing.None ? "carries no x-jws-signature" : "does not match", error.Message);
    }

    [Theory]
    [InlineData("EC00201")]
    [InlineData("\u0415\u042100201")] // the seed's table spells it in Cyrillic
    public async Task Signed_error_body_becomes_the_services_error_code(string code)
    {
        var body = "{\"Errors\":[{\"code\":\"" + code + "\",\"msg\":\"[0].assignment.pid: must match ^\\\\d{11}$ …\"}]}";
        await using var server = EcFake.Start(Secret, _ => EcAnswer.Json(body, 400));
        using var session = Session(server);

        var error = await Assert.ThrowsAsync<GosApiException>(() => new ElectronicCertificateClient(session).SubmitAsync(Batch(Assignment()), Ct));

        Assert.Equal("ElectronicCertificate.EC00201", error.ErrorId);
        Assert.Equal(GosApiErrorKind.InvalidRequest, error.Kind);
        Assert.Equal(400, error.StatusCode);
        Assert.Contains("[0].assignment.pid: must match ^\\d{11}$ …", error.Message);
        Assert.Contains("Запрос не соответствует схеме данных", error.Message);
        var requestId = server.Requests[0].Header("x-request-id")!;
        Assert.Contains("x-request-id " + requestId, error.Message);
        Assert.Equal(requestId, error.RequestId);
        Assert.Equal(1, server.Count);
    }

    [Fact]
    public async Task Unsigned_401_is_untrusted_and_points_at_the_api_key()
    {
        await using var server = EcFake.Start(Secret, _ => new EcAnswer
        {
            Status = 401, Body = "{\"Errors\":[{\"code\":\"EC00272\",\"msg\":\"Операция недоступна\"}]}", Signing = Signing.None,
        });
        using var session = Session(server, maxRetries: 2);

        var error = await Assert.ThrowsAsync<GosApiException>(() => new ElectronicCertificateClient(session).GetCertificateAsync(CertificateNumber, Ct));

        Assert.Equal("ElectronicCertificate.InvalidResponseSignature", error.ErrorId);
        Assert.Equal(401, error.StatusCode);
        Assert.Contains("HTTP 401", error.Message);
        Assert.Contains("-ApiKey", error.Message);
        Assert.Equal(1, server.Count); // a 401 is final
    }

    [Fact]
    public async Task Signed_401_is_the_services_refusal()
    {
        await using var server = EcFake.Start(Secret, _ => EcAnswer.Json("{\"Errors\":[{\"code\":\"EC00272\",\"msg\":\"wrong x-jws-signature\"}]}", 401));
        using var session = Session(server);

        var error = await Assert.ThrowsAsync<GosApiException>(() => new ElectronicCertificateClient(session).GetCertificateAsync(CertificateNumber, Ct));

        Assert.Equal("ElectronicCertificate.EC00272", error.ErrorId);
        Assert.Equal(GosApiErrorKind.PermissionDenied, error.Kind);
        Assert.Contains("wrong x-jws-signature", error.Message);
    }

    [Fact]
    public async Task Unsigned_503_is_retried_for_a_statement_with_the_same_request_id()
    {
        await using var server = EcFake.Start(Secret, r => r.Index < 2
            ? new EcAnswer { Status = 503, Signing = Signing.None }
            : EcAnswer.Json(Statement, 200));
        using var session = Session(server, maxRetries: 2);

        var certificate = await new ElectronicCertificateClient(session).GetCertificateAsync(CertificateNumber, Ct);

        Assert.Equal(3, server.Count);
        Assert.Equal(CertificateNumber, certificate.CertificateNumber);
        Assert.Single(server.Requests.Select(r => r.Header("x-request-id")).Distinct());
        Assert.All(server.Requests, AssertSigned);
        Assert.Equal(2, session.Statistics.Retries);
    }

    [Fact]
    public async Task Statement_gives_up_after_the_retries_with_service_unavailable()
    {
        await using var server = EcFake.Start(Secret, _ => new EcAnswer { Status = 503, Signing = Signing.None });
        using var session = Session(server, maxRetries: 2);

        var error = await Assert.ThrowsAsync<GosApiException>(() => new ElectronicCertificateClient(session).GetCertificateAsync(CertificateNumber, Ct));

        Assert.Equal(3, server.Count);
        Assert.Equal(GosApiErrorKind.ServiceUnavailable, error.Kind);
        Assert.Equal(503, error.StatusCode);
    }

    [Fact]
    public async Task Create_is_never_repeated_after_a_503()
    {
        await using var server = EcFake.Start(Secret, r => r.Index == 0
            ? new EcAnswer { Status = 503, Signing = Signing.None }
            : EcAnswer.Queued(Guid.NewGuid().ToString()));
        using var session = Session(server, maxRetries: 3);

        var error = await Assert.ThrowsAsync<GosApiException>(() => new ElectronicCertificateClient(session).SubmitAsync(Batch(Assignment()), Ct));

        Assert.Equal(1, server.Count);
        Assert.Equal(GosApiErrorKind.ServiceUnavailable, error.Kind);
        Assert.Empty(session.KnownTasks);
    }

    [Fact]
    public async Task Api_key_and_shared_secret_never_appear_in_messages()
    {
        var echo = "{\"Errors\":[{\"code\":\"EC00201\",\"msg\":\"x-api-key " + apiKey + " with secret " + secretText + " refused\"}]}";
        await using var server = EcFake.Start(Secret, r => r.Index switch
        {
            0 => EcAnswer.Json(echo, 400),
            1 => new EcAnswer { Status = 401, Body = echo, Signing = Signing.None },
            _ => new EcAnswer { Status = 200, Body = echo, Signing = Signing.OtherSecret },
        });
        using var session = Session(server);
        var client = new ElectronicCertificateClient(session);

        var errors = new List<GosApiException>
        {
            await Assert.ThrowsAsync<GosApiException>(() => client.SubmitAsync(Batch(Assignment()), Ct)),
            await Assert.ThrowsAsync<GosApiException>(() => client.GetCertificateAsync(CertificateNumber, Ct)),
            await Assert.ThrowsAsync<GosApiException>(() => client.GetCertificateAsync(CertificateNumber, Ct)),
        };

        Assert.Equal(apiKey, server.Requests[0].Header("x-api-key")); // it was really sent
        Assert.Contains("***", errors[0].Message);                    // and really echoed back
        foreach (var error in errors)
        {
            Assert.DoesNotContain(apiKey, error.Message);
            Assert.DoesNotContain(secretText, error.Message);
            Assert.DoesNotContain(apiKey, error.ToString());
            Assert.DoesNotContain(secretText, error.ToString());
        }
        Assert.DoesNotContain(apiKey, session.ToString());
        Assert.DoesNotContain(secretText, session.ToString());
        Assert.StartsWith("ИС ЭС http://127.0.0.1:", session.ToString());
    }

    [Fact]
    public void Session_refuses_bad_arguments()
    {
        Assert.Throws<ArgumentException>(() => new ElectronicCertificateSession(new Uri("ftp://example.org/"), apiKey, Secret));
        Assert.Throws<ArgumentException>(() => new ElectronicCertificateSession(null, " ", Secret));
        Assert.Throws<ArgumentException>(() => new ElectronicCertificateSession(null, apiKey, Array.Empty<byte>()));
        using var session = new ElectronicCertificateSession(new Uri("https://ec.example.org/api/1.2.1-Y/ec"), apiKey, Secret);
        Assert.Equal("https://ec.example.org/api/1.2.1-Y/ec/", session.BaseUri.AbsoluteUri);
    }

    /// <summary>Sends what the client addressed to the manual's localhost:8080 to the loopback server instead.</summary>
    private sealed class ToLoopback : DelegatingHandler
    {
        private readonly Uri target;

        public ToLoopback(Uri target) : base(new SocketsHttpHandler()) { this.target = target; }

        public List<Uri> Seen { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Seen.Add(request.RequestUri!);
            request.RequestUri = new UriBuilder(request.RequestUri!) { Scheme = target.Scheme, Host = target.Host, Port = target.Port }.Uri;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
