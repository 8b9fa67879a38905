using System.Security.Cryptography;
using System.Text;
using GosApi.Sandbox.Esia;
using GosApi.Sandbox.Infrastructure;
using GosApi.Sandbox.Uc.Files;

namespace GosApi.Sandbox.Uc.Domain;

/// <summary>
/// Managers and their requests. Statuses move lazily on the sandbox clock: every access calls <see cref="Advance"/>,
/// which applies what fell due (22 → next status, 3 → 4 with the certificate issued by the test CA).
/// </summary>
internal sealed class UcStore(SandboxClock clock, TestCertificateAuthority ca)
{
    private readonly Dictionary<string, string> _managers = new(StringComparer.Ordinal);
    private readonly Dictionary<long, UcRequest> _requests = [];
    private long _nextId = 1370;

    public object Gate { get; } = new();

    public SandboxClock Clock => clock;

    public UcManager Register(string? login, string? password)
    {
        login = string.IsNullOrWhiteSpace(login) ? $"manager_{RandomNumberGenerator.GetHexString(8, lowercase: true)}@sandbox.test" : login;
        password = string.IsNullOrEmpty(password) ? RandomNumberGenerator.GetHexString(16, lowercase: true) : password;
        lock (Gate) _managers[login] = password;
        return new UcManager(login, password);
    }

    public bool Authenticate(string login, string password)
    {
        string? expected;
        lock (Gate) _managers.TryGetValue(login, out expected);
        return expected is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(password));
    }

    /// <summary>A new request in status 22 (→ 1 after <see cref="UcStatuses.Processing"/>). Call under the gate.</summary>
    public UcRequest Create(string owner)
    {
        var now = clock.Now;
        var request = new UcRequest(_nextId++, owner, now);
        _requests[request.Id] = request;
        StartProcessing(request, UcStatuses.SendingDocuments, now);
        request.ChecksLaunched = now;
        return request;
    }

    /// <summary>The caller's request, advanced to now; null when unknown or someone else's. Call under the gate.</summary>
    public UcRequest? Find(string owner, long id)
    {
        if (!_requests.TryGetValue(id, out var request) || request.Owner != owner) return null;
        Advance(request);
        return request;
    }

    /// <summary>Any manager's request (test hooks). Call under the gate.</summary>
    public UcRequest? FindAny(long id)
    {
        if (!_requests.TryGetValue(id, out var request)) return null;
        Advance(request);
        return request;
    }

    public IReadOnlyList<UcRequest> Of(string owner)
    {
        var list = _requests.Values.Where(r => r.Owner == owner).OrderBy(r => r.Id).ToList();
        foreach (var request in list) Advance(request);
        return list;
    }

    public void StartProcessing(UcRequest request, int next, DateTimeOffset now)
    {
        request.Status = UcStatuses.SystemProcessing;
        request.AfterProcessing = next;
        request.ProcessingUntil = clock.After(now, UcStatuses.Processing);
    }

    public bool ChecksDone(UcRequest request) => clock.Now >= clock.After(request.ChecksLaunched, UcStatuses.Checks);

    public void Advance(UcRequest request)
    {
        var now = clock.Now;
        if (request.Status == UcStatuses.SystemProcessing && now >= request.ProcessingUntil)
            request.Status = request.AfterProcessing;
        if (request.Status == UcStatuses.Issuing && request.IssueDue is { } due && now >= due)
        {
            request.Certificate = IssueFrom(request.Pkcs10!);
            request.Status = UcStatuses.Ready;
            request.IssueDue = null;
        }
    }

    /// <summary>A certificate of the test CA for the PKCS#10's public key and exact subject.</summary>
    private byte[] IssueFrom(byte[] pkcs10)
    {
        var parsed = UcPkcs10.Parse(pkcs10);
        return ca.Issue(new TestCertificateRequest
        {
            PublicKey = parsed.Info.SubjectPublicKeyInfo.GetEncoded(Org.BouncyCastle.Asn1.Asn1Encodable.Der),
            Subject = parsed.Info.Subject,
        }).Certificate;
    }

    public void Refuse(long id, string comment)
    {
        lock (Gate)
        {
            var request = FindAny(id) ?? throw new KeyNotFoundException($"no УЦ request {id}");
            if (request.Status is UcStatuses.Ready or UcStatuses.Refused)
                throw new InvalidOperationException($"request {id} is already in status {UcStatuses.Describe(request.Status)}");
            request.Status = UcStatuses.Refused;
            request.Comment = comment;
            request.IssueDue = null;
        }
    }

    public IReadOnlyList<UcAttachment> Attachments(long id)
    {
        lock (Gate) return (FindAny(id) ?? throw new KeyNotFoundException($"no УЦ request {id}")).Attachments.ToList();
    }
}
