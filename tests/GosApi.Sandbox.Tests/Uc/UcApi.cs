using System.Text.Json.Nodes;
using GosApi.Sandbox.Esia;
using GosApi.Sandbox.Tests.Esia;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Security;

namespace GosApi.Sandbox.Tests.Uc;

/// <summary>A started sandbox, a УЦ manager and helpers for /api/external/v2.</summary>
internal sealed class UcApi : IAsyncDisposable
{
    public const string Prefix = "api/external/v2/";

    private UcApi(SandboxServer server, UcManager manager)
    {
        Server = server;
        Manager = manager;
        Http = new HttpClient { BaseAddress = server.BaseUri };
    }

    public SandboxServer Server { get; }
    public UcManager Manager { get; }
    public HttpClient Http { get; }

    public static async Task<UcApi> StartAsync(double clockSpeed = 600, Action<SandboxOptions>? configure = null)
    {
        var options = new SandboxOptions { ClockSpeed = clockSpeed };
        configure?.Invoke(options);
        var server = await SandboxServer.StartAsync(options, TestContext.Current.CancellationToken);
        return new UcApi(server, server.RegisterUcManager());
    }

    /// <summary>POSTs the body with the manager's login and pass added (unless <paramref name="as"/> says otherwise).</summary>
    public async Task<(HttpStatusCode Status, string Text, string? ContentType)> PostAsync(string path, JsonObject? body = null, UcManager? @as = null, bool auth = true)
    {
        body ??= new JsonObject();
        if (auth)
        {
            var manager = @as ?? Manager;
            body["login"] ??= manager.Login;
            body["pass"] ??= manager.Password;
        }
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync(Prefix + path, content, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, text, response.Content.Headers.ContentType?.MediaType);
    }

    public async Task<JsonNode> OkAsync(string path, JsonObject? body = null, UcManager? @as = null)
    {
        var (status, text, _) = await PostAsync(path, body, @as);
        Assert.True(status == HttpStatusCode.OK, $"{path}: {(int)status} {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }

    /// <summary>Expects the status and a text/plain body; returns the text.</summary>
    public async Task<string> FailAsync(string path, JsonObject body, HttpStatusCode expected, UcManager? @as = null)
    {
        var (status, text, type) = await PostAsync(path, body, @as);
        Assert.True(status == expected, $"{path}: expected {(int)expected}, got {(int)status} {text}");
        Assert.Equal("text/plain", type);
        return text;
    }

    public async Task<long> CreateAsync(JsonObject info, UcManager? @as = null)
    {
        var answer = await OkAsync("request/create", new JsonObject { ["info"] = info }, @as);
        return answer["requestId"]!.GetValue<long>();
    }

    public async Task<int> StatusAsync(long id) =>
        (await OkAsync("request/status", new JsonObject { ["requests"] = new JsonArray(id) }))[0]!["statusId"]!.GetValue<int>();

    public Task<JsonNode> ViewAsync(long id) => OkAsync("request/view", new JsonObject { ["requestId"] = id });

    /// <summary>Polls request/status until the status is reached (fails after 10 s real time).</summary>
    public async Task WaitStatusAsync(long id, int status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var current = await StatusAsync(id);
            if (current == status) return;
            if (DateTime.UtcNow > deadline) Assert.Fail($"request {id} is still in status {current} (waited for {status})");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }

    public async Task<long> CreateReadyAsync(JsonObject info)
    {
        var id = await CreateAsync(info);
        await WaitStatusAsync(id, 1);
        return id;
    }

    public Task<(HttpStatusCode Status, string Text, string? ContentType)> AttachAsync(long id, int fileType, byte[] file, string fileName = "file.bin") =>
        PostAsync("request/attach_file", new JsonObject
        {
            ["requestId"] = id, ["fileType"] = fileType, ["fileName"] = fileName, ["file"] = Convert.ToBase64String(file),
        });

    public async Task AttachOkAsync(long id, int fileType, byte[] file, string fileName = "file.bin")
    {
        var (status, text, _) = await AttachAsync(id, fileType, file, fileName);
        Assert.True(status == HttpStatusCode.OK, $"attach {fileType}: {(int)status} {text}");
        Assert.Equal("", text);
    }

    public async Task<string> AttachFailAsync(long id, int fileType, byte[] file, HttpStatusCode expected = HttpStatusCode.InternalServerError)
    {
        var (status, text, type) = await AttachAsync(id, fileType, file);
        Assert.True(status == expected, $"attach {fileType}: expected {(int)expected}, got {(int)status} {text}");
        Assert.Equal("text/plain", type);
        return text;
    }

    // ---- bodies ----

    public static JsonObject Person(string lastName = "Петров") => new()
    {
        ["firstName"] = "Акакий", ["middleName"] = "Валентинович", ["lastName"] = lastName,
        ["passportSerial"] = "2210", ["passportNumber"] = "123123", ["passportDate"] = "20.02.2011", ["passportCode"] = "520000",
        ["passportDivision"] = "ОВД 1", ["gender"] = "M", ["birthDate"] = "02.09.1990", ["inn"] = "501810411815",
        ["snils"] = "07683358608", ["email"] = "foster06@bk.ru", ["phone"] = "9202923333", ["region"] = "52",
        ["city"] = "Нижегород", ["address"] = "Минина 26-111", ["type"] = 1, ["products"] = new JsonArray(224, 226),
        ["offerJoining"] = true, ["identificationKind"] = 0,
    };

    public static JsonObject Entrepreneur(string lastName = "Соколов")
    {
        var info = Person(lastName);
        info["type"] = 2;
        info["inn"] = "500100732259";
        info["ogrnip"] = "304500116000157";
        return info;
    }

    public static JsonObject LegalEntity(string lastName = "Гармаев")
    {
        var info = Person(lastName);
        info["type"] = 3;
        info["company"] = "ООО \"Ромашка\"";
        info["companyFull"] = "Общество с ограниченной ответственностью \"Ромашка\"";
        info["inn"] = "7524012415";
        info["personInn"] = "415291390574";
        info["kpp"] = "752401001";
        info["ogrn"] = "1057524018694";
        info["headLastName"] = "Гармаев";
        info["headFirstName"] = "Николай";
        info["headMiddleName"] = "Данилович";
        return info;
    }

    // ---- files ----

    public static byte[] Archive(params string[] names) =>
        Archives.Zip(names.Select((n, i) => (n, Encoding.UTF8.GetBytes($"скан {i}: {n}"))).ToArray());

    public static byte[] PersonArchive(params string[] extra) =>
        Archive(["Заявление.pdf", "Паспорт.jpg", "СНИЛС.jpg", "Фото.jpg", "Passport_page2.jpg", .. extra]);

    public static byte[] LegalEntityArchive() =>
        Archive("Application.pdf", "Procuration.pdf", "Passport.jpg", "SNILS.jpg", "Photo.jpg", "Паспорт_прописка.jpg");

    /// <summary>A certificate of the test CA with its key (the УЦ employee's or the applicant's ЭП).</summary>
    public TestCertificate Signer() => Server.IssueTestCertificate(new TestCertificateRequest { CommonName = "Сотрудник УЦ" });

    public static byte[] SignDetached(TestCertificate signer, byte[] content) =>
        ApiKeyCms.Sign(ApiKeyCms.LoadPrivateKey(signer.PrivateKey!), signer.Certificate, content, new CmsOptions());

    public static byte[] SignAttached(TestCertificate signer, byte[] content) =>
        ApiKeyCms.Sign(ApiKeyCms.LoadPrivateKey(signer.PrivateKey!), signer.Certificate, content, new CmsOptions { Attached = true });

    /// <summary>A DER PKCS#10 for the key of <paramref name="key"/> (a generated test certificate), optionally with 1.2.643.100.114.</summary>
    public static byte[] Pkcs10(TestCertificate key, string subject = "CN=Петров Акакий Валентинович,C=RU", bool identificationExtension = false, bool breakSignature = false)
    {
        var pair = Gost.DecodePrivateKey(PrivateKeyInfo.GetInstance(Asn1Object.FromByteArray(key.PrivateKey!)));
        var attributes = new DerSet();
        if (identificationExtension)
        {
            var extensions = new X509ExtensionsGenerator();
            extensions.AddExtension(new DerObjectIdentifier("1.2.643.100.114"), false,
                new DerSequence(new DerUtf8String("Без личного присутствия с использованием квалифицированной ЭП")));
            attributes = new DerSet(new AttributePkcs(PkcsObjectIdentifiers.Pkcs9AtExtensionRequest, new DerSet(extensions.Generate())));
        }
        var info = new CertificationRequestInfo(new X509Name(subject), Gost.EncodePublicKey(pair.Public), attributes);
        var signature = Gost.Sign(pair, info.GetEncoded(Asn1Encodable.Der), new SecureRandom());
        if (breakSignature) signature[3] ^= 0x55;
        var algorithm = new AlgorithmIdentifier(pair.Public.Is512 ? Gost.SignatureAlgorithm512 : Gost.SignatureAlgorithm256);
        return new CertificationRequest(info, algorithm, new DerBitString(signature)).GetEncoded(Asn1Encodable.Der);
    }

    public static string Pem(string label, byte[] der) => new(System.Security.Cryptography.PemEncoding.Write(label, der));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
