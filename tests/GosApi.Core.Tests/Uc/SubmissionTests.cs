using System.Text.Json;
using System.Text.Json.Nodes;
using GosApi.Core.Tests.Http;
using GosApi.Crypto.Cms;
using GosApi.Crypto.Pki;
using GosApi.Crypto.Signers;
using GosApi.Errors;
using GosApi.Uc;
using GosApi.Uc.Models;
using Org.BouncyCastle.Asn1;
using Xunit;
using static GosApi.Core.Tests.Uc.UcTestData;

namespace GosApi.Core.Tests.Uc;

/// <summary>
/// A scripted УЦ: the seed's status machine (create → 22 → 1; 8 in 1; 9 → 22 → 2; 0 → 22 → 3; 20 in 3; then 4), a
/// 500 for any call but request/status while in 22, GOST checks of 9 (detached over the archive, chaining to the test
/// CA) and 20 (attached, the PKCS#10 sent as 0), and a certificate issued from the PKCS#10.
/// </summary>
internal sealed class FakeUc
{
    public const long Id = 4242;
    private readonly object gate = new();
    private readonly GostCredential ca;
    private readonly string password;
    private DateTime leave22At;
    private int after22;

    public FakeUc(GostCredential ca, string password) { this.ca = ca; this.password = password; }

    public int Status { get; set; }
    public TimeSpan Processing { get; set; } = TimeSpan.FromMilliseconds(120);
    public JsonObject? Info { get; set; }
    public int FnsCheck { get; set; } = 2;
    /// <summary>After type 20, the request becomes 4 «Готово» after <see cref="Processing"/>.</summary>
    public bool IssueAfterSignedRequest { get; set; }
    public byte[]? Archive { get; set; }
    public byte[]? P10 { get; set; }
    public byte[]? SignedP10 { get; private set; }
    /// <summary>Every call but request/status, as "create", "view", "attach 8"…</summary>
    public List<string> Calls { get; } = new();
    /// <summary>Calls refused because the request was in 22.</summary>
    public List<string> In22 { get; } = new();
    public List<string> Refusals { get; } = new();
    public int Times22 { get; private set; }
    /// <summary>A reply that replaces the normal one for a call ("attach 9"…), once.</summary>
    public Dictionary<string, Reply> FailOnce { get; } = new();

    public IEnumerable<int> Attached => Calls.Where(c => c.StartsWith("attach ", StringComparison.Ordinal)).Select(c => int.Parse(c.Substring(7)));

    public void Preset(UcRequestInfo info, int status)
    {
        info.Validate().ThrowIfInvalid();
        Info = info.ToJson();
        Status = status;
    }

    private void Enter22(int next)
    {
        Status = 22;
        after22 = next;
        leave22At = DateTime.UtcNow + Processing;
        Times22++;
    }

    private Reply Refuse(string why)
    {
        Refusals.Add(why);
        return new Reply { Status = 500, Body = why, ContentType = "text/plain; charset=utf-8" };
    }

    public Reply Handle(RecordedRequest r)
    {
        lock (gate)
        {
            if (Status == 22 && DateTime.UtcNow >= leave22At) Status = after22;
            var body = JsonNode.Parse(r.BodyText)!.AsObject();
            if ((string?)body["pass"] != password || (string?)body["login"] != "manager@example.ru")
                return new Reply { Status = 401, Body = "bad credentials", ContentType = "text/plain" };
            var path = PathOf(r).TrimStart('/');
            if (path == "request/status")
            {
                var ids = body["requests"]!.AsArray().Select(n => (long)n!).ToArray();
                return Reply.Ok(new JsonArray(ids.Select(i => (JsonNode)new JsonObject { ["requestId"] = i, ["statusId"] = i == Id && Info != null ? Status : 0 }).ToArray()).ToJsonString());
            }
            var call = path == "request/attach_file" ? "attach " + (int)body["fileType"]! : path.Replace("request/", string.Empty);
            Calls.Add(call);
            if (Status == 22)
            {
                In22.Add(call);
                return Refuse("Заявка в статусе «Обработка системы»: работа по API невозможна");
            }
            if (FailOnce.Remove(call, out var failure)) return failure;
            if (path != "request/create" && (long?)body["requestId"] != Id) return new Reply { Status = 403, Body = "Заявка не найдена", ContentType = "text/plain" };
            switch (path)
            {
                case "request/create":
                    if (Info != null) return Refuse("created twice");
                    Info = body["info"]!.AsObject().DeepClone().AsObject();
                    Enter22(1);
                    return Reply.Ok("{\"requestId\":" + Id + "}");
                case "request/view":
                    var info = Info!.DeepClone().AsObject();
                    info["checkCertInFNSStatus"] = FnsCheck;
                    return Reply.Ok(new JsonObject { ["info"] = info, ["statusId"] = Status, ["status"] = UcMeanings.Of((UcRequestStatus)Status), ["requestId"] = Id }.ToJsonString());
                case "request/attach_file":
                    return Attach((int)body["fileType"]!, Convert.FromBase64String((string)body["file"]!));
                case "request/result":
                    if (Status != 4) return Refuse("not ready");
                    var certificate = new GostCertificateBuilder().IssueForRequest(GostCertificateRequest.Load(P10!), ca);
                    return Reply.Ok(new JsonArray(
                        new JsonObject { ["name"] = "Петров_cert_" + Id + ".cer", ["contentBase64"] = Convert.ToBase64String(certificate.RawData), ["mimeType"] = "application/octet-stream", ["type"] = 7 },
                        new JsonObject { ["name"] = "..\\..\\certInfo_" + Id + ".xps", ["contentBase64"] = "UEsDBA==", ["mimeType"] = "application/vnd.ms-xpsdocument", ["type"] = 6 }).ToJsonString());
                default:
                    return Refuse("unexpected " + path);
            }
        }
    }

    private Reply Attach(int type, byte[] file)
    {
        var verifier = new CmsSignatureVerifier(new CmsVerificationOptions { TrustedRoots = { ca.Certificate } });
        switch (type)
        {
            case 8 when Status == 1:
                Archive = file;
                return Reply.Http(200);
            case 9 when Status == 1 && Archive != null:
                var detached = verifier.VerifyDetachedAsync(new MemoryStream(Archive), file).GetAwaiter().GetResult();
                if (!detached.IsValid) return Refuse("archive signature: " + string.Join("; ", detached.Problems));
                Enter22(2);
                return Reply.Http(200);
            case 0 when Status == 2:
                var request = GostCertificateRequest.Load(file);
                if (!request.VerifySignature()) return Refuse("PKCS#10 signature");
                P10 = file;
                Enter22(3);
                return Reply.Http(200);
            case 20 when Status == 3 && P10 != null:
                var content = new MemoryStream();
                var attached = verifier.VerifyAttachedAsync(file, content).GetAwaiter().GetResult();
                if (!attached.IsValid) return Refuse("signed PKCS#10: " + string.Join("; ", attached.Problems));
                if (!content.ToArray().SequenceEqual(P10)) return Refuse("signed PKCS#10 is not the one sent as type 0");
                SignedP10 = file;
                if (IssueAfterSignedRequest) Enter22(4);
                return Reply.Http(200);
            default:
                return Refuse($"file type {type} is out of order in status {Status}");
        }
    }
}

/// <summary>Submit-UcRequest's engine against the scripted УЦ over loopback HTTP.</summary>
public sealed class SubmissionTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Lazy<GostCredential> Ca = new(() => GostCertificateBuilder.CreateTestCertificateAuthority("УЦ Основание Test Root"));
    private static readonly Lazy<GostCredential> OperatorCredential = new(() =>
        new GostCertificateBuilder { Subject = new GostSubject { CommonName = "Оператор УЦ", InnLe = LegalInn, Country = "RU" } }.Issue(Ca.Value));

    private readonly string password = GosApi.Core.Tests.Http.Secrets.New("uc-pw");
    private readonly string keyPassword = GosApi.Core.Tests.Http.Secrets.New("uc-key");
    private readonly string directory = Path.Combine(Path.GetTempPath(), "uc-submit-" + Guid.NewGuid().ToString("N"));

    public SubmissionTests() => Directory.CreateDirectory(directory);

    public void Dispose()
    {
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
    }

    private string KeyPath => Path.Combine(directory, "keys", "applicant.key.pem");
    private string KeyDirectory => Path.Combine(directory, "keys");

    private IReadOnlyList<string> Scans(params string[] names)
    {
        var folder = Path.Combine(directory, "scans");
        Directory.CreateDirectory(folder);
        var paths = new List<string>();
        foreach (var name in names)
        {
            var path = Path.Combine(folder, name);
            File.WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes("scan of " + name + new string('x', 3000)));
            paths.Add(path);
        }
        return paths;
    }

    private IReadOnlyList<string> ScansFor(UcApplicantType type) => type == UcApplicantType.LegalEntity
        ? Scans("Заявление.pdf", "Доверенность.pdf", "Паспорт.jpg", "Паспорт_2.jpg", "СНИЛС.jpg", "Фото.jpg")
        : Scans("Заявление.pdf", "Паспорт.jpg", "Паспорт_2.jpg", "СНИЛС.jpg", "Фото.jpg");

    private UcSubmissionOptions Options(UcRequestInfo? info, IReadOnlyList<string>? scans = null, long? requestId = null) => new()
    {
        Info = info,
        RequestId = requestId,
        ScanPaths = scans ?? Array.Empty<string>(),
        Operator = new SoftwareGostSigner(OperatorCredential.Value),
        KeyPath = KeyPath,
        KeyPassword = keyPassword,
        Timeout = TimeSpan.FromSeconds(10),
        PollingInterval = TimeSpan.FromMilliseconds(20),
    };

    private (FakeUc Fake, LoopbackServer Server, UcSession Session) Start()
    {
        var fake = new FakeUc(Ca.Value, password);
        var server = new LoopbackServer(fake.Handle);
        return (fake, server, Session(server, password));
    }

    [Theory]
    [InlineData(UcApplicantType.Person)]
    [InlineData(UcApplicantType.LegalEntity)]
    public async Task A_fresh_run_creates_then_sends_8_9_0_20_waiting_out_22_between(UcApplicantType type)
    {
        var (fake, server, session) = Start();
        await using var _ = server;
        using var __ = session;
        var info = Of(type);
        var steps = new List<UcSubmissionStep>();
        long created = 0;
        var result = await new UcSubmission(new UcClient(session), Options(info, ScansFor(type)), new Progress(steps.Add)).RunAsync(id => created = id, Ct);

        Assert.Equal(FakeUc.Id, created);
        Assert.Equal("create", fake.Calls[0]);
        Assert.Equal(new[] { 8, 9, 0, 20 }, fake.Attached);
        Assert.Empty(fake.In22);      // nothing but request/status while the request was in 22…
        Assert.Equal(3, fake.Times22); // …after create, 9 and 0
        Assert.Empty(fake.Refusals);
        Assert.Equal(FakeUc.Id, result.RequestId);
        Assert.Equal(UcRequestStatus.Issuing, result.Status);
        Assert.Equal(new[] { "create", "archive", "signature", "request", "signed-request" }, result.Steps.Select(s => s.Step));
        Assert.All(result.Steps, s => Assert.False(s.Skipped));
        Assert.Equal(result.Steps.Select(s => s.Step), steps.Select(s => s.Step));

        // the archive is the scans, flat
        var zip = Path.Combine(directory, "sent.zip");
        File.WriteAllBytes(zip, fake.Archive!);
        Assert.Equal(ScansFor(type).Select(Path.GetFileName), UcArchive.NamesIn(zip));

        // the key is written encrypted and is the one in the PKCS#10
        var pem = File.ReadAllText(KeyPath);
        Assert.Contains("ENCRYPTED PRIVATE KEY", pem);
        Assert.ThrowsAny<Exception>(() => GostPrivateKey.ImportPem(pem, "wrong password"));
        var key = GostPrivateKey.ImportPem(pem, keyPassword);
        var request = GostCertificateRequest.Load(fake.P10!);
        Assert.True(request.VerifySignature());
        Assert.Equal(fake.P10, File.ReadAllBytes(result.RequestPath!));
        Assert.True(key.Matches(new GostCertificateBuilder().IssueForRequest(request, Ca.Value)));

        // the identification kind extension 1.2.643.100.114 and the subject from the info
        Assert.NotNull(request.RequestedExtensions!.GetExtension(new DerObjectIdentifier("1.2.643.100.114")));
        Assert.Equal(GostIdentificationKind.Personal, request.IdentificationKind);
        var subject = request.SubjectFields;
        Assert.Equal("Петров", subject["SN"]);
        Assert.Equal("Акакий Валентинович", subject["G"]);
        Assert.Equal(Snils, subject["SNILS"]);
        Assert.Equal("Нижний Новгород", subject["L"]);
        Assert.Equal("foster06@bk.ru", subject["E"]);
        Assert.Equal("RU", subject["C"]);
        if (type == UcApplicantType.LegalEntity)
        {
            Assert.Equal("ООО \"Ромашка\"", subject["CN"]);
            Assert.Equal("ООО \"Ромашка\"", subject["O"]);
            Assert.Equal("Директор", subject["T"]);
            Assert.Equal(LegalInn, subject["INNLE"]);
            Assert.Equal(PersonInn, subject["INN"]);
            Assert.Equal(Ogrn, subject["OGRN"]);
        }
        else
        {
            Assert.Equal("Петров Акакий Валентинович", subject["CN"]);
            Assert.Equal(PersonInn, subject["INN"]);
            Assert.False(subject.ContainsKey("INNLE"));
        }

        // the journal lists the steps and holds no secret
        var journalText = File.ReadAllText(UcJournal.PathFor(KeyDirectory, FakeUc.Id));
        var journal = UcJournal.Load(UcJournal.PathFor(KeyDirectory, FakeUc.Id), FakeUc.Id);
        Assert.Equal(new[] { "archive", "signature", "key", "request", "signed-request" }, journal.Done);
        Assert.DoesNotContain(keyPassword, journalText);
        Assert.DoesNotContain(password, journalText);
    }

    [Fact]
    public async Task Remote_identification_is_requested_in_the_pkcs10()
    {
        var (fake, server, session) = Start();
        await using var _ = server;
        using var __ = session;
        var info = Person();
        info.IdentificationKind = 1;
        await new UcSubmission(new UcClient(session), Options(info, ScansFor(UcApplicantType.Person))).RunAsync(null, Ct);
        Assert.Equal(GostIdentificationKind.RemoteWithQualifiedSignature, GostCertificateRequest.Load(fake.P10!).IdentificationKind);
    }

    [Fact]
    public async Task With_a_destination_it_waits_for_the_certificate_and_saves_the_result()
    {
        var (fake, server, session) = Start();
        await using var _ = server;
        using var __ = session;
        fake.IssueAfterSignedRequest = true;
        var options = Options(Person(), ScansFor(UcApplicantType.Person));
        options.Destination = Path.Combine(directory, "out");
        var result = await new UcSubmission(new UcClient(session), options).RunAsync(null, Ct);

        Assert.Equal(UcRequestStatus.Ready, result.Status);
        Assert.True(result.KeyMatchesCertificate);
        Assert.Equal(Path.Combine(options.Destination, "Петров_cert_4242.cer"), result.CertificatePath);
        Assert.Equal(new[] { "Петров_cert_4242.cer", "certInfo_4242.xps" }, result.SavedFiles.Select(Path.GetFileName));
        Assert.All(result.SavedFiles, f => Assert.Equal(Path.GetFullPath(options.Destination), Path.GetDirectoryName(Path.GetFullPath(f))));
        Assert.Equal("result", result.Steps.Last().Step);
        Assert.Empty(fake.In22);
    }

    [Fact]
    public async Task A_resume_in_status_2_sends_only_the_request_and_its_signed_copy()
    {
        var (fake, server, session) = Start();
        await using var _ = server;
        using var __ = session;
        fake.Preset(Person(), 2);
        var result = await new UcSubmission(new UcClient(session), Options(null, requestId: FakeUc.Id)).RunAsync(null, Ct);

        Assert.DoesNotContain("create", fake.Calls);
        Assert.Equal(new[] { 0, 20 }, fake.Attached);
        Assert.Empty(fake.In22);
        Assert.Equal(new[] { ("archive", true), ("signature", true), ("request", false), ("signed-request", false) }, result.Steps.Select(s => (s.Step, s.Skipped)));
        Assert.Equal(UcRequestStatus.Issuing, result.Status);
        Assert.Equal("Петров", GostCertificateRequest.Load(fake.P10!).SubjectFields["SN"]);
    }

    [Fact]
    public async Task A_resume_in_status_3_without_20_in_the_journal_sends_only_20_and_then_nothing()
    {
        var (fake, server, session) = Start();
        await using var _ = server;
        using var __ = session;
        fake.Preset(Person(), 3);
        Directory.CreateDirectory(KeyDirectory);
        var p10 = new GostCertificateRequestBuilder { Subject = UcSubject.From(Person()), IdentificationKind = GostIdentificationKind.Personal }.Build().RawData;
        File.WriteAllBytes(Path.Combine(KeyDirectory, FakeUc.Id + ".p10"), p10);
        fake.P10 = p10;
        var journalPath = UcJournal.PathFor(KeyDirectory, FakeUc.Id);
        var journal = new UcJournal { RequestId = FakeUc.Id };
        journal.Mark("archive", journalPath);
        journal.Mark("signature", journalPath);
        journal.Mark("request", journalPath);

        var first = await new UcSubmission(new UcClient(session), Options(null, requestId: FakeUc.Id)).RunAsync(null, Ct);
        Assert.Equal(new[] { 20 }, fake.Attached);
        Assert.NotNull(fake.SignedP10);
        Assert.Equal(new[] { ("archive", true), ("signature", true), ("request", true), ("signed-request", false) }, first.Steps.Select(s => (s.Step, s.Skipped)));
        Assert.Contains("signed-request", UcJournal.Load(journalPath, FakeUc.Id).Done);

        var second = await new UcSubmission(new UcClient(session), Options(null, requestId: FakeUc.Id)).RunAsync(null, Ct);
        Assert.Equal(new[] { 20 }, fake.Attached); // nothing more
        Assert.True(second.Steps.Single(s => s.Step == "signed-request").Skipped);
    }

    [Fact]
    public async Task A_resume_in_status_3_without_the_pkcs10_on_disk_names_the_request()
    {
        var (fake, server, session) = Start();
        await using var _ = server;
        using var __ = session;
        fake.Preset(Person(), 3);
        var ex = await Assert.ThrowsAsync<GosApiException>(() => new UcSubmission(new UcClient(session), Options(null, requestId: FakeUc.Id)).RunAsync(null, Ct));
        Assert.Equal(GosApiErrorKind.NotAllowedInCurrentState, ex.Kind);
        Assert.Equal("request " + FakeUc.Id, ex.EntityId);
        Assert.Contains("-KeyPath", ex.Message);
        Assert.Empty(fake.Attached);
    }

    [Fact]
    public async Task A_failure_after_create_names_the_request_and_says_how_to_continue_and_the_rerun_continues()
    {
        var (fake, server, session) = Start();
        await using var _ = server;
        using var __ = session;
        fake.FailOnce["attach 9"] = new Reply { Status = 500, Body = "Подпись архива не прошла проверку", ContentType = "text/plain; charset=utf-8" };
        var scans = ScansFor(UcApplicantType.Person);
        long created = 0;
        var ex = await Assert.ThrowsAsync<GosApiException>(() => new UcSubmission(new UcClient(session), Options(Person(), scans)).RunAsync(id => created = id, Ct));

        Assert.Equal(FakeUc.Id, created);
        Assert.Equal("Uc.500", ex.ErrorId);
        Assert.Equal("request " + FakeUc.Id, ex.EntityId);
        Assert.Contains("Подпись архива не прошла проверку", ex.Message);
        Assert.Contains("Submit-UcRequest -RequestId " + FakeUc.Id, ex.Hint);
        Assert.Contains("Submit-UcRequest -RequestId " + FakeUc.Id, ex.Message);
        Assert.Equal(new[] { 8, 9 }, fake.Attached);

        // the rerun: 8 is in the journal for the same archive, so it goes on with 9
        var result = await new UcSubmission(new UcClient(session), Options(null, scans, FakeUc.Id)).RunAsync(null, Ct);
        Assert.Equal(new[] { 8, 9, 9, 0, 20 }, fake.Attached);
        Assert.Equal(new[] { ("archive", true), ("signature", false), ("request", false), ("signed-request", false) }, result.Steps.Select(s => (s.Step, s.Skipped)));
        Assert.Empty(fake.In22);
        Assert.Single(fake.Calls, "create");
    }

    [Fact]
    public async Task A_timeout_after_create_names_the_request()
    {
        var (fake, server, session) = Start();
        await using var _ = server;
        using var __ = session;
        fake.Processing = TimeSpan.FromMinutes(5);
        var options = Options(Person(), ScansFor(UcApplicantType.Person));
        options.Timeout = TimeSpan.FromMilliseconds(200);
        var ex = await Assert.ThrowsAsync<GosApiException>(() => new UcSubmission(new UcClient(session), options).RunAsync(null, Ct));
        Assert.Equal(GosApiErrorKind.Timeout, ex.Kind);
        Assert.Equal("request " + FakeUc.Id, ex.EntityId);
        Assert.Contains("Submit-UcRequest -RequestId " + FakeUc.Id, ex.Message);
        Assert.Contains("still in status 22", ex.Message);
        Assert.Empty(fake.In22);
    }

    [Fact]
    public async Task A_refused_request_is_reported_with_its_id()
    {
        var (fake, server, session) = Start();
        await using var _ = server;
        using var __ = session;
        fake.Preset(Person(), 5);
        var ex = await Assert.ThrowsAsync<GosApiException>(() => new UcSubmission(new UcClient(session), Options(null, requestId: FakeUc.Id)).RunAsync(null, Ct));
        Assert.Equal(GosApiErrorKind.NotAllowedInCurrentState, ex.Kind);
        Assert.Contains("refused", ex.Message);
        Assert.Equal("request " + FakeUc.Id, ex.EntityId);
        Assert.Empty(fake.Attached);
    }

    [Fact]
    public async Task A_missing_passport_scan_is_refused_before_any_request()
    {
        var (fake, server, session) = Start();
        await using var _ = server;
        using var __ = session;
        var scans = Scans("Заявление.pdf", "СНИЛС.jpg", "Фото.jpg", "Фото_2.jpg", "Заявление_2.pdf");
        var ex = await Assert.ThrowsAsync<GosApi.Validation.InputValidationException>(() => new UcSubmission(new UcClient(session), Options(Person(), scans)).RunAsync(null, Ct));
        Assert.Contains("missing the Паспорт scan", ex.Message);
        Assert.Equal(0, server.Count);
        Assert.False(File.Exists(KeyPath));
    }

    [Fact]
    public async Task Missing_operator_key_path_and_password_are_refused_before_any_request()
    {
        var (fake, server, session) = Start();
        await using var _ = server;
        using var __ = session;
        var options = Options(Person(), ScansFor(UcApplicantType.Person));
        options.Operator = null!;
        options.KeyPath = null!;
        options.KeyPassword = "";
        var ex = await Assert.ThrowsAsync<GosApi.Validation.InputValidationException>(() => new UcSubmission(new UcClient(session), options).RunAsync(null, Ct));
        Assert.Equal(new[] { "Operator", "KeyPath", "KeyPassword" }, ex.Errors.Select(e => e.Field));
        Assert.Equal(0, server.Count);
    }

    [Fact]
    public async Task When_the_fns_has_certificates_the_revocation_scan_is_required_before_the_archive_is_sent()
    {
        var (fake, server, session) = Start();
        await using var _ = server;
        using var __ = session;
        fake.FnsCheck = 3;
        await Assert.ThrowsAsync<GosApi.Validation.InputValidationException>(() => new UcSubmission(new UcClient(session), Options(Person(), ScansFor(UcApplicantType.Person))).RunAsync(null, Ct));
        Assert.Empty(fake.Attached);

        var withRevocation = Scans("Заявление.pdf", "Паспорт.jpg", "СНИЛС.jpg", "Фото.jpg", "Отзыв.pdf");
        var result = await new UcSubmission(new UcClient(session), Options(null, withRevocation, FakeUc.Id)).RunAsync(null, Ct);
        Assert.Equal(new[] { 8, 9, 0, 20 }, fake.Attached);
        Assert.Equal(UcRequestStatus.Issuing, result.Status);
    }

    private sealed class Progress : IProgress<UcSubmissionStep>
    {
        private readonly Action<UcSubmissionStep> action;
        public Progress(Action<UcSubmissionStep> action) => this.action = action;
        public void Report(UcSubmissionStep value) => action(value);
    }
}

public class UcFilesTests
{
    [Theory]
    [InlineData("cert.cer", "cert.cer")]
    [InlineData("..\\..\\evil.cer", "evil.cer")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("..", "file")]
    [InlineData("", "file")]
    public void Service_file_names_stay_inside_the_destination(string name, string safe) => Assert.Equal(safe, UcFiles.SafeName(name));
}
