using System.Text.Json;
using System.Text.RegularExpressions;
using GosApi.Sandbox.ElectronicCertificates.Domain;
using GosApi.Sandbox.ElectronicCertificates.Json;
using GosApi.Sandbox.ElectronicCertificates.Schema;
using GosApi.Sandbox.ElectronicCertificates.Signing;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace GosApi.Sandbox.ElectronicCertificates.Http;

/// <summary>
/// The checks every request passes, in this order: x-api-key (unsigned 401 EC00272), the x-request-id,
/// x-request-date and x-jws-signature headers (400 EC00201), Content-Type and JSON body (400 EC00201), the signature
/// (401 EC00272), a reused x-request-id (400 EC00201), the body's schema (400 EC00201).
/// </summary>
internal sealed class EcRequestGate(EcClientRegistry clients)
{
    public const int MaxBodyBytes = 8 * 1024 * 1024;

    public EcAccount Authenticate(HttpRequest request)
    {
        var key = request.Headers["x-api-key"];
        if (key.Count == 0 || string.IsNullOrEmpty(key[0]))
            throw new EcError(StatusCodes.Status401Unauthorized, EcError.NotAvailable, "x-api-key: the header is required", signed: false);
        return (key.Count == 1 ? clients.Find(key[0]) : null)
            ?? throw new EcError(StatusCodes.Status401Unauthorized, EcError.NotAvailable, "x-api-key: unknown API key", signed: false);
    }

    /// <summary>The x-correlation-id of answers that are not a queued task: the request's x-request-id when it is one, else a new UUID.</summary>
    public static string CorrelationId(HttpRequest request)
    {
        var id = request.Headers["x-request-id"];
        return id.Count == 1 && IsUuid(id[0]!) ? id[0]! : Guid.NewGuid().ToString();
    }

    public async Task<EcCall> AdmitAsync(HttpRequest request, EcAccount account, EcOperation operation)
    {
        var requestId = Header(request, "x-request-id");
        if (!IsUuid(requestId)) throw EcError.BadRequest($"x-request-id: \"{Shorten(requestId)}\" is not a UUID (version 3 or 4, variant 8, 9, a or b; 36 characters)");
        var date = Header(request, "x-request-date");
        if (!EcTime.TryParseDateTime(date, out _)) throw EcError.BadRequest($"x-request-date: \"{Shorten(date)}\" is not an ISO 8601 date-time with an offset, e.g. 2021-04-05T10:43:07+00:00");
        var signature = Header(request, "x-jws-signature");
        if (DetachedJws.SyntaxProblem(signature) is { } syntax) throw EcError.BadRequest("x-jws-signature: " + syntax);

        JsonDocument? body = null;
        byte[] payload = [];
        if (operation.BodySchema is not null)
        {
            CheckContentType(request);
            var bytes = await ReadBodyAsync(request);
            if (bytes.Length == 0) throw EcError.BadRequest("body: a JSON body is required");
            try { body = CanonicalJson.Parse(bytes); }
            catch (FormatException ex) { throw EcError.BadRequest("body: " + ex.Message); }
            payload = CanonicalJson.Canonicalize(body.RootElement);
        }

        try
        {
            if (DetachedJws.VerifyProblem(signature, payload, account.Client.SharedSecret) is { } problem)
                throw new EcError(StatusCodes.Status401Unauthorized, EcError.NotAvailable, "x-jws-signature: " + problem);
            lock (account.Gate)
            {
                if (!account.RequestIds.Add(requestId))
                    throw EcError.BadRequest($"x-request-id: {requestId} was already used by a processed request; every request needs a new id");
            }
            if (body is not null)
            {
                try { operation.BodySchema!.Validate(body.RootElement, ""); }
                catch (SchemaViolation violation) { throw EcError.BadRequest(violation.Message); }
            }
            return new EcCall(account, requestId, body, request.Query);
        }
        catch
        {
            body?.Dispose();
            throw;
        }
    }

    private static string Header(HttpRequest request, string name)
    {
        StringValues values = request.Headers[name];
        if (values.Count == 0 || string.IsNullOrEmpty(values[0])) throw EcError.BadRequest($"{name}: the header is required");
        if (values.Count > 1) throw EcError.BadRequest($"{name}: the header is given more than once");
        return values[0]!;
    }

    private static void CheckContentType(HttpRequest request)
    {
        var text = request.ContentType;
        if (text is null || !MediaTypeHeaderValue.TryParse(text, out var type)
            || !type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (type.Charset.HasValue && !type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            throw EcError.BadRequest($"Content-Type: \"{Shorten(text ?? "")}\" is not application/json (charset utf-8)");
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxBodyBytes) throw EcError.BadRequest($"body: larger than {MaxBodyBytes} bytes");
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBodyBytes) throw EcError.BadRequest($"body: larger than {MaxBodyBytes} bytes");
        }
        return buffer.ToArray();
    }

    private static bool IsUuid(string text) => text.Length <= 36 && UuidPattern.IsMatch(text);

    private static readonly Regex UuidPattern = EcSchemas.Uuid.Pattern!;

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
