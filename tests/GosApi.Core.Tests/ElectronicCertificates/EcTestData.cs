using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using GosApi.Core.Tests.Http;
using GosApi.ElectronicCertificates.Models;
using GosApi.Validation;
using Xunit;

namespace GosApi.Core.Tests.ElectronicCertificates;

/// <summary>Valid records of seed 002 and helpers to look at what they write.</summary>
internal static class EcTestData
{
    public const string Uuid = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
    public const string CertificateNumber = "1234567890123456789012345";

    /// <summary>The spec's Cyrillic spellings, spelt out by code point so that no editor can turn them Latin.</summary>
    public const string Type1 = "\u0415\u0421\u0422\u04200001"; // ЕСТР0001
    public const string Type2 = "\u0415\u0421\u0422\u04200002";
    public const string Type3 = "\u0415\u0421\u0422\u04200003";
    public const string Type4 = "\u0415\u0421\u0422\u04200004";
    public const string ProgramT = "\u0415\u0421\u0420\u0420\u0410\u0421\u0421\u0422"; // ЕСРРАССТ
    public const string ProgramC = "\u0415\u0421\u0420\u0420\u0410\u0421\u0421\u0421"; // ЕСРРАССС
    /// <summary>EСВR0001: Latin E, Cyrillic С, Cyrillic В, Latin R.</summary>
    public const string Block1 = "E\u0421\u0412R0001";

    /// <summary>A valid ЕСТР0002 assignment, typed as a user would (printed SNILS, +7 phone, spaced card, Latin codes).</summary>
    public static ElectronicCertificateAssignment Assignment() => new()
    {
        Snils = "112-233-445 95",
        PhoneNumber = "+7 (910) 456-00-11",
        OrganizationRid = "12Ф34567",
        OrganizationName = "ГКУ «Центр социальной поддержки»",
        OrganizationAccount = "03123Ж45678",
        OrganizationInn = "7707083893",
        OrganizationKpp = "773601001",
        MspCode = "0123",
        BudgetaryClassificationCode = "12345678901234567890",
        StartDate = new DateTimeOffset(2025, 1, 15, 9, 30, 0, TimeSpan.FromHours(3)),
        EndDate = new DateTimeOffset(2025, 12, 31, 23, 59, 59, TimeSpan.FromHours(3)),
        NationalPaymentInstrument = "2200 1234 5678 9012",
        CertificateType = "ECTP0002",
        Program = "ECPPACCT",
        CertificateAmount = 1_500_000,
        GoodsWorksServices = { new GoodsWorkService { Code = "01.02.03.04.05.06", Name = "Кресло-коляска" } },
    };

    public static ElectronicCertificateChange Change() => new()
    {
        FactAssignmentUuid = Uuid,
        CertificateNumber = CertificateNumber,
        PhoneNumber = "8 910 456 00 11",
    };

    public static ElectronicCertificateBlocking Blocking() => new()
    {
        FactAssignmentUuid = Uuid,
        CertificateNumber = CertificateNumber,
        BlockReason = "ECBR0001",
    };

    public static T Valid<T>(T record) where T : ElectronicCertificateRecord
    {
        var result = record.Validate();
        Assert.True(result.IsValid, result.ToString());
        return record;
    }

    /// <summary>What the record writes into a request array, as the client writes it.</summary>
    public static string WriteJson(ElectronicCertificateRecord record, int recordId)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            record.Write(writer, recordId);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The only error of a result, which must name <paramref name="field"/>.</summary>
    public static ValidationError Single(ValidationResult result, string field)
    {
        var error = Assert.Single(result.Errors);
        Assert.Equal(field, error.Field);
        return error;
    }

    public static string Codes(string text) => string.Join(" ", text.Select(c => ((int)c).ToString("X4")));
}

/// <summary>How the fake service signs an answer.</summary>
public enum Signing
{
    Correct,
    None,
    OtherSecret,
    /// <summary>Signs <see cref="EcAnswer.SignedBody"/> (another body) but sends <see cref="EcAnswer.Body"/>.</summary>
    Tampered,
}

/// <summary>One answer of the fake ИС ЭС.</summary>
internal sealed class EcAnswer
{
    public int Status { get; init; } = 201;
    public string? Body { get; init; }
    public string ContentType { get; init; } = "application/json; charset=utf-8";
    /// <summary>x-correlation-id; null echoes the request's x-request-id.</summary>
    public string? CorrelationId { get; init; }
    public Signing Signing { get; init; } = Signing.Correct;
    /// <summary>What the signature is computed over, when not the body itself (its canonical form, or a tampered original).</summary>
    public string? SignedBody { get; init; }

    public static EcAnswer Json(string canonicalBody, int status = 201) => new() { Status = status, Body = canonicalBody };
    public static EcAnswer Queued(string taskId) => new() { Body = "REQUEST_IS_QUEUED", ContentType = "text/plain; charset=utf-8", CorrelationId = taskId };
}

/// <summary>
/// A fake ИС ЭС on a real loopback HTTP server that signs its answers as seed 002 says, with a detached
/// JWS computed here independently of the client's code (System.Security.Cryptography only).
/// </summary>
internal static class EcFake
{
    public const string HeaderJson = "{\"b64\":false,\"crit\":[\"b64\"],\"typ\":\"JWT\",\"alg\":\"HS512\"}";

    public static LoopbackServer Start(byte[] secret, Func<RecordedRequest, EcAnswer> answer) =>
        new(request => Reply(secret, request, answer(request)));

    public static Reply Reply(byte[] secret, RecordedRequest request, EcAnswer answer)
    {
        var headers = new List<KeyValuePair<string, string>>
        {
            new("x-response-id", Guid.NewGuid().ToString()),
            new("x-response-date", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture)),
            new("x-correlation-id", answer.CorrelationId ?? request.Header("x-request-id") ?? ""),
        };
        var key = answer.Signing == Signing.OtherSecret ? Encoding.UTF8.GetBytes("a different shared secret") : secret;
        var signed = answer.SignedBody ?? answer.Body;
        if (answer.Signing != Signing.None)
            headers.Add(new("x-jws-signature", Sign(key, Encoding.UTF8.GetBytes(signed ?? ""))));
        return new Reply { Status = answer.Status, Body = answer.Body, ContentType = answer.ContentType, Headers = headers };
    }

    /// <summary>Detached JWS, RFC 7797: BASE64URL(header) + ".." + BASE64URL(HMAC-SHA-512(ASCII(BASE64URL(header)) + "." + payload)).</summary>
    public static string Sign(byte[] key, byte[] payload)
    {
        var header = B64Url(Encoding.UTF8.GetBytes(HeaderJson));
        var input = Encoding.ASCII.GetBytes(header + ".").Concat(payload).ToArray();
        return header + ".." + B64Url(HMACSHA512.HashData(key, input));
    }

    public static string B64Url(byte[] data) => Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
