using GosApi.Sandbox.ElectronicCertificates;
using GosApi.Sandbox.ElectronicCertificates.Domain;
using GosApi.Sandbox.Esia;
using GosApi.Sandbox.FnsMobileSign.Callbacks;
using GosApi.Sandbox.FnsMobileSign.Domain;
using GosApi.Sandbox.Infrastructure;
using GosApi.Sandbox.Uc.Domain;

namespace GosApi.Sandbox;

/// <summary>
/// The GosApi emulator running on Kestrel. In-process: <c>await using var sandbox = await SandboxServer.StartAsync();</c>
/// then point clients at <see cref="BaseUri"/> with a token from <see cref="IssueToken"/>.
/// </summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private const string LoopbackAnyPort = "http://127.0.0.1:0";

    private readonly WebApplication _app;
    private readonly RequestRecorder _recorder;
    private readonly TokenIssuer _tokens;
    private readonly StorageLayout _storage;
    private readonly EsiaApiKeyRegistry _apiKeys;
    private readonly TestCertificateAuthority _ca;
    private readonly EcClientRegistry _ecClients;
    private readonly PurchaseSimulator _ecPurchases;
    private readonly FnsPartnerRegistry _fnsPartners;
    private readonly FnsHooks _fnsHooks;
    private readonly FnsCallbackQueue _fnsCallbacks;
    private readonly UcStore _uc;
    private int _disposed;

    private SandboxServer(WebApplication app, SandboxOptions options, Uri baseUri)
    {
        _app = app;
        Options = options;
        BaseUri = baseUri;
        _recorder = app.Services.GetRequiredService<RequestRecorder>();
        _tokens = app.Services.GetRequiredService<TokenIssuer>();
        _storage = app.Services.GetRequiredService<StorageLayout>();
        Faults = app.Services.GetRequiredService<FaultInjector>();
        _apiKeys = app.Services.GetRequiredService<EsiaApiKeyRegistry>();
        _ca = app.Services.GetRequiredService<TestCertificateAuthority>();
        _ecClients = app.Services.GetRequiredService<EcClientRegistry>();
        _ecPurchases = app.Services.GetRequiredService<PurchaseSimulator>();
        _fnsPartners = app.Services.GetRequiredService<FnsPartnerRegistry>();
        _fnsHooks = app.Services.GetRequiredService<FnsHooks>();
        _fnsCallbacks = app.Services.GetRequiredService<FnsCallbackQueue>();
        _uc = app.Services.GetRequiredService<UcStore>();
    }

    /// <summary>Starts Kestrel on 127.0.0.1 with a free port.</summary>
    public static Task<SandboxServer> StartAsync(SandboxOptions? options = null, CancellationToken ct = default) =>
        StartAsync(options, LoopbackAnyPort, quiet: true, ct);

    internal static async Task<SandboxServer> StartAsync(SandboxOptions? options, string url, bool quiet, CancellationToken ct)
    {
        options ??= new SandboxOptions();
        options.Validate();
        var app = SandboxApp.Build(options, url, quiet);
        try
        {
            await app.StartAsync(ct);
        }
        catch
        {
            await app.DisposeAsync();
            app.Services.GetService<StorageLayout>()?.Dispose();
            throw;
        }
        return new SandboxServer(app, options, ToBaseUri(app.Urls.First()));
    }

    /// <summary>For example http://127.0.0.1:41234/ (always with the trailing slash).</summary>
    public Uri BaseUri { get; }

    /// <summary>The options the server was started with (read at start).</summary>
    public SandboxOptions Options { get; }

    /// <summary>Every request seen except /sandbox/ control calls, including those answered by fault injection.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _recorder.Snapshot();

    public void ClearRequests() => _recorder.Clear();

    public FaultInjector Faults { get; }

    /// <summary>A bearer token the EPGU endpoints accept (or reject, as the request's claims say).</summary>
    public string IssueToken(TokenRequest? request = null) => _tokens.Issue(request ?? new TokenRequest());

    /// <summary>
    /// Registers an API key for GET /esia-rs/api/public/v1/orgs/ext-app/{apiKey}/tkn (replacing one with the same key).
    /// Defaults: a GUID key, a random 10-digit organisation oid, client id SANDBOX_IS, no OGRN check.
    /// </summary>
    public EsiaApiKey RegisterApiKey(string? apiKey = null, string? orgOid = null, string? clientId = null, string? ogrn = null) =>
        _apiKeys.Register(apiKey, orgOid, clientId, ogrn);

    /// <summary>Issues an end-entity certificate from the sandbox's test CA, with a generated key and PKCS#12 unless a public key is given.</summary>
    public TestCertificate IssueTestCertificate(TestCertificateRequest? request = null) => _ca.Issue(request ?? new TestCertificateRequest());

    /// <summary>The test CA certificate (DER) that signer certificates must chain to; also at GET /sandbox/esia/ca as PEM.</summary>
    public byte[] EsiaCaCertificate => _ca.Certificate.GetEncoded();

    /// <summary>
    /// Registers a client of the ИС «Электронный сертификат» routes (replacing one with the same key, tasks and
    /// certificates included). Defaults: a GUID key and a random 64-character secret.
    /// </summary>
    public ElectronicCertificateClient RegisterElectronicCertificateClient(string? apiKey = null, string? sharedSecret = null) =>
        _ecClients.Register(apiKey, sharedSecret);

    /// <summary>
    /// Test hook: a purchase (OPTPPRCH usage transaction) with an issued, unblocked certificate of any client — the
    /// first good unless <paramref name="goodsCode"/>; <paramref name="amount"/> in kopecks defaults to maxAmount ×
    /// quantity (100 roubles a unit without maxAmount), capped by what is left. Updates usageStatus and the balance.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such certificate (or its ec-create task has not executed yet).</exception>
    /// <exception cref="InvalidOperationException">The certificate is blocked, has no such good, or not that much is left.</exception>
    public ElectronicCertificatePurchase SimulateElectronicCertificatePurchase(string certificateNumber, string? goodsCode = null, int quantity = 1, long? amount = null) =>
        _ecPurchases.Purchase(certificateNumber, goodsCode, quantity, amount);

    /// <summary>
    /// Registers a partner of the ФНС «Мобильная подпись» routes (/api/rb/…), or changes the password of an existing
    /// one (keeping its data). Defaults: random username and password. Each partner sees only its own consumers,
    /// workflows and agents.
    /// </summary>
    public FnsPartner RegisterFnsPartner(string? username = null, string? password = null) => _fnsPartners.Register(username, password);

    /// <summary>Invalidates every token from POST /api/rb/auth (partners' and agents'): the next call with one gets 401.</summary>
    public void ExpireFnsTokens() => _fnsPartners.ExpireTokens();

    /// <summary>
    /// Test hook: an identified consumer of the partner with an issued, confirmed sign certificate from the test CA
    /// (one per legal entity when <paramref name="legalEntityInns"/> are given), ready for document signing.
    /// Defaults: valid random ИНН, phone and СНИЛС.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such partner.</exception>
    /// <exception cref="ArgumentException">An invalid ИНН, phone or СНИЛС.</exception>
    public FnsConsumerInfo RegisterFnsConsumer(string partnerUsername, string? inn = null, string? phone = null, string? snils = null,
        string lastName = "Иванов", string? ogrnip = null, IReadOnlyList<string>? legalEntityInns = null) =>
        _fnsHooks.RegisterConsumer(partnerUsername, inn, phone, snils, lastName, ogrnip, legalEntityInns);

    /// <summary>Test hook: the user refuses to sign — sign-rejected now, rejected 10 sandbox seconds later.</summary>
    /// <exception cref="KeyNotFoundException">No such workflow.</exception>
    /// <exception cref="InvalidOperationException">Not a document signing waiting for the signature.</exception>
    public void RejectFnsSigning(long workflowId) => _fnsHooks.RejectSigning(workflowId);

    /// <summary>Test hook: the workflow ends in state error with this error_code and error_message.</summary>
    /// <exception cref="KeyNotFoundException">No such workflow.</exception>
    /// <exception cref="InvalidOperationException">The workflow is already final.</exception>
    public void FailFnsWorkflow(long workflowId, string errorCode, string message) => _fnsHooks.Fail(workflowId, errorCode, message);

    /// <summary>Every callback delivery attempt so far, in order.</summary>
    public IReadOnlyList<FnsCallbackDelivery> FnsCallbacks => _fnsCallbacks.Deliveries;

    /// <summary>
    /// Registers a manager of the УЦ «Основание» routes (/api/external/v2/…), or changes the password of an existing
    /// one (keeping its requests). Defaults: a random e-mail-like login and a random password. Each manager sees only
    /// its own requests.
    /// </summary>
    public UcManager RegisterUcManager(string? login = null, string? password = null) => _uc.Register(login, password);

    /// <summary>Test hook: the УЦ refuses the request — status 5 «Отказ» with this comment (shown by request/list and view).</summary>
    /// <exception cref="KeyNotFoundException">No such request.</exception>
    /// <exception cref="InvalidOperationException">The request is already 4 «Готово» or 5 «Отказ».</exception>
    public void RefuseUcRequest(long requestId, string comment) => _uc.Refuse(requestId, comment);

    /// <summary>Test hook: the files request/attach_file accepted for the request, in order (refused uploads are not listed).</summary>
    /// <exception cref="KeyNotFoundException">No such request.</exception>
    public IReadOnlyList<UcAttachment> UcAttachments(long requestId) => _uc.Attachments(requestId);

    internal Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _app.StopAsync(timeout.Token);
        }
        finally
        {
            await _app.DisposeAsync();
            _storage.Dispose();
        }
    }

    private static Uri ToBaseUri(string address)
    {
        var builder = new UriBuilder(address.Replace("://+", "://127.0.0.1").Replace("://*", "://127.0.0.1"));
        if (builder.Host is "0.0.0.0" or "[::]" or "::") builder.Host = "127.0.0.1";
        builder.Path = "/";
        return builder.Uri;
    }
}
