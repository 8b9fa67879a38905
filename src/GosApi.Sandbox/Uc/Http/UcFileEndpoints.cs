using System.Text;
using System.Text.Json.Nodes;
using GosApi.Sandbox.Crypto;
using GosApi.Sandbox.Esia;
using GosApi.Sandbox.Uc.Domain;
using GosApi.Sandbox.Uc.Files;
using Org.BouncyCastle.Asn1;

namespace GosApi.Sandbox.Uc.Http;

/// <summary>
/// request/attach_file (types 8, 9, 0, 20, 17 in the contract's order), request/result, request/client_docs and
/// request/attach_certificate (seed 004, sections 6, 8, 10, 12).
/// </summary>
internal sealed class UcFileEndpoints(UcStore store, UcEndpoints endpoints, TestCertificateAuthority ca)
{
    public async Task<IResult> AttachFileAsync(HttpContext context)
    {
        var (body, login) = await endpoints.AuthenticateAsync(context);
        var id = UcEndpoints.RequestId(body, UcBody.BadRequest);
        var fileType = UcBody.Long(body["fileType"], "fileType", UcBody.BadRequest) ?? throw UcBody.BadRequest("fileType: не указан тип файла");
        var fileName = UcBody.Text(body["fileName"]) ?? "";
        var file = Base64(body["file"], "file");
        if (fileType is not (0 or 8 or 9 or 17 or 20))
            throw UcBody.BadRequest($"fileType: недопустимый тип файла {fileType} (0, 8, 9, 17 или 20)");

        lock (store.Gate)
        {
            var request = store.Find(login, id) ?? throw UcBody.Error($"Заявка {id} не найдена или недостаточно прав");
            if (request.Status == UcStatuses.SystemProcessing) throw UcBody.Error(UcEndpoints.InProcessing(id));
            var now = store.Clock.Now;
            switch (fileType)
            {
                case 17:
                    request.ExtraDocuments.Add((fileName.Length > 0 ? fileName : $"documents_{request.ExtraDocuments.Count + 1}.zip", file));
                    break;
                case 8:
                    RequireStatus(request, UcStatuses.SendingDocuments, "архив документов (тип 8)");
                    if (UcArchiveCheck.Check(file, request.Type, UcViews.RevocationRequired(request)) is { } problem) throw UcBody.Error(problem);
                    request.Archive = file;
                    request.ArchiveSigned = false;
                    break;
                case 9:
                    RequireStatus(request, UcStatuses.SendingDocuments, "подпись архива (тип 9)");
                    if (request.Archive is null)
                        throw UcBody.Error($"Заявка {id}: подпись архива (тип 9) загружается после архива документов (тип 8), а архив ещё не загружен");
                    var signature = UcFileDecoder.Der(file) ?? throw UcBody.Error("Файл подписи архива (тип 9) не является подписью CMS (DER, PEM или base64)");
                    Check(() => UcSignatures.VerifyDetached(ca, signature, request.Archive, now), "Подпись архива документов (тип 9) неверна");
                    request.ArchiveSigned = true;
                    store.StartProcessing(request, UcStatuses.GeneratingRequest, now);
                    break;
                case 0:
                    RequireStatus(request, UcStatuses.GeneratingRequest, "запрос на сертификат (тип 0)");
                    var der = UcFileDecoder.Der(file) ?? throw UcBody.Error("Файл запроса на сертификат (тип 0) не является PKCS#10 (DER или PEM)");
                    UcPkcs10 pkcs10;
                    try { pkcs10 = UcPkcs10.Parse(der); }
                    catch (FormatException ex) { throw UcBody.Error("Запрос на сертификат (тип 0) отклонён: " + ex.Message); }
                    var hasKind = pkcs10.HasExtension(UcPkcs10.IdentificationKindOid);
                    if (request.IdentificationKind == 1 && !hasKind)
                        throw UcBody.Error("Запрос на сертификат (тип 0) отклонён: для заявки со способом идентификации 1 («По действующей ЭП») " +
                                           "запрос должен содержать расширение 1.2.643.100.114 (тип идентификации при выдаче сертификата)");
                    if (hasKind) request.IdentificationKind = 1;
                    request.Pkcs10 = pkcs10.Request.GetEncoded(Asn1Encodable.Der);
                    store.StartProcessing(request, UcStatuses.Issuing, now);
                    break;
                case 20:
                    RequireStatus(request, UcStatuses.Issuing, "подписанный запрос на сертификат (тип 20)");
                    var cms = UcFileDecoder.Der(file) ?? throw UcBody.Error("Файл типа 20 не является подписью CMS (base64 DER или PEM)");
                    byte[] content = [];
                    Check(() => content = UcSignatures.VerifyAttached(ca, cms, now), "Подпись запроса на сертификат (тип 20) неверна");
                    if (!content.AsSpan().SequenceEqual(request.Pkcs10))
                        throw UcBody.Error("Подписанный запрос на сертификат (тип 20) содержит не тот запрос, что был загружен с типом 0: " +
                                           "подпишите присоединённой подписью именно файл запроса (DER)");
                    if (request.SignedPkcs10 is not null)
                    {
                        if (request.SignedPkcs10.AsSpan().SequenceEqual(cms)) break; // a repeat of the same file after a lost answer
                        throw UcBody.Error($"Заявка {id}: подписанный запрос на сертификат (тип 20) уже загружен");
                    }
                    request.SignedPkcs10 = cms;
                    request.IssueDue = store.Clock.After(now, UcStatuses.Issue);
                    break;
            }
            request.Attachments.Add(new UcAttachment((int)fileType, fileName, file.Length));
        }
        return Results.Ok();
    }

    public async Task<IResult> ResultAsync(HttpContext context)
    {
        var (body, login) = await endpoints.AuthenticateAsync(context);
        var id = UcEndpoints.RequestId(body, UcBody.Error);
        lock (store.Gate)
        {
            var request = store.Find(login, id) ?? throw UcBody.Error($"Заявка {id} не найдена или недостаточно прав");
            if (request.Status == UcStatuses.SystemProcessing) throw UcBody.Error(UcEndpoints.InProcessing(id));
            if (request.Status != UcStatuses.Ready)
                throw UcBody.Error($"Заявка {id} в статусе {UcStatuses.Describe(request.Status)}: результирующие услуги доступны только в статусе 4 «Готово»");
            var name = FilePrefix(request);
            var files = new JsonArray
            {
                new JsonObject
                {
                    ["name"] = $"{name}_cert_{id}.cer", ["contentBase64"] = Convert.ToBase64String(request.Certificate!),
                    ["mimeType"] = "application/octet-stream", ["type"] = 7,
                },
                new JsonObject
                {
                    ["name"] = $"{name}_certInfo_{id}.pdf", ["contentBase64"] = Convert.ToBase64String(Pdf($"Сертификат заявки {id}")),
                    ["mimeType"] = "application/pdf", ["type"] = 6,
                },
            };
            foreach (var product in ProductIds(request).Select(UcProducts.Find).OfType<UcProducts.Product>().Where(p => p.LicenseType is not null))
                files.Add(new JsonObject
                {
                    ["name"] = $"{name}_key_{id}.txt",
                    ["contentBase64"] = Convert.ToBase64String(Encoding.UTF8.GetBytes($"CRYPTO PRO KEY {id:D6}-SANDBOX-{product.Id}")),
                    ["mimeType"] = "text/plain",
                    ["licenseType"] = product.LicenseType,
                });
            return UcEndpoints.Json(files);
        }
    }

    public async Task<IResult> ClientDocsAsync(HttpContext context)
    {
        var (body, login) = await endpoints.AuthenticateAsync(context);
        var id = UcEndpoints.RequestId(body, UcBody.BadRequest);
        var fileType = UcBody.Long(body["fileType"], "fileType", UcBody.BadRequest) ?? throw UcBody.BadRequest("fileType: не указан тип документа");
        if (fileType is not (1 or 3 or 17)) throw UcBody.BadRequest($"fileType: недопустимый тип документа {fileType} (1, 3 или 17)");
        lock (store.Gate)
        {
            var request = store.Find(login, id)
                ?? throw UcBody.Status(StatusCodes.Status404NotFound, $"Заявка {id} не найдена или недостаточно прав для получения информации");
            if (request.Status == UcStatuses.SystemProcessing) throw UcBody.Error(UcEndpoints.InProcessing(id));
            var name = FilePrefix(request);
            var files = fileType switch
            {
                1 => [($"{name}_application_{id}.pdf", Pdf($"Заявление на выпуск КСКПЭП, заявка {id}"), "application/pdf")],
                3 => [($"{name}_bill_{id}.pdf", Pdf($"Счёт на оплату, заявка {id}"), "application/pdf")],
                _ => request.ExtraDocuments.Select(d => (d.Name, d.Content, "application/zip")).ToList(),
            };
            return UcEndpoints.Json(new JsonArray(files.Select(f => (JsonNode)new JsonObject
            {
                ["name"] = f.Item1, ["contentBase64"] = Convert.ToBase64String(f.Item2), ["mimeType"] = f.Item3, ["type"] = fileType,
            }).ToArray()));
        }
    }

    public async Task<IResult> AttachCertificateAsync(HttpContext context)
    {
        var (body, login) = await endpoints.AuthenticateAsync(context);
        var id = UcEndpoints.RequestId(body, UcBody.BadRequest);
        var file = Base64(body["file"], "file");
        var der = UcFileDecoder.Der(file) ?? throw UcBody.BadRequest("file: не является сертификатом X.509 (base64 DER или PEM)");
        try { _ = new Org.BouncyCastle.X509.X509Certificate(der); }
        catch (Exception ex) when (ex is not OutOfMemoryException) { throw UcBody.BadRequest("file: не является сертификатом X.509: " + ex.Message); }
        lock (store.Gate)
        {
            var request = store.Find(login, id) ?? throw UcBody.Error($"Заявка {id} не найдена или недостаточно прав");
            if (request.Status == UcStatuses.SystemProcessing) throw UcBody.Error(UcEndpoints.InProcessing(id));
            if (request.Status != UcStatuses.GeneratingRequest)
                throw UcBody.Error($"Заявка {id} в статусе {UcStatuses.Describe(request.Status)}: прикрепить сертификат можно только в статусе 2 «Генерация запроса»");
            request.Certificate = der;
            request.Status = UcStatuses.Ready;
        }
        return Results.Ok();
    }

    private static void RequireStatus(UcRequest request, int status, string what)
    {
        if (request.Status == status) return;
        var order = "порядок: архив (8) и его подпись (9) в статусе 1, запрос на сертификат (0) в статусе 2, подписанный запрос (20) в статусе 3";
        throw UcBody.Error($"Заявка {request.Id} в статусе {UcStatuses.Describe(request.Status)}: {what} принимается только в статусе {UcStatuses.Describe(status)} ({order})");
    }

    private static void Check(Action verify, string prefix)
    {
        try { verify(); }
        catch (CmsCheckException ex) { throw UcBody.Error($"{prefix}: {ex.Message}"); }
    }

    private static byte[] Base64(JsonNode? node, string field)
    {
        var text = UcBody.Text(node);
        if (string.IsNullOrWhiteSpace(text)) throw UcBody.BadRequest($"{field}: не передано содержимое файла (base64)");
        try { return Convert.FromBase64String(text); }
        catch (FormatException) { throw UcBody.BadRequest($"{field}: содержимое файла не в кодировке base64"); }
    }

    private static IEnumerable<long> ProductIds(UcRequest request) =>
        (request.Info["products"] as JsonArray ?? []).Select(p => long.Parse(UcBody.Text(p)!, System.Globalization.CultureInfo.InvariantCulture));

    private static string FilePrefix(UcRequest request) => request.LastName.Length > 0 ? request.LastName : "request";

    /// <summary>A minimal one-page PDF carrying the text as a comment (a print form stand-in).</summary>
    private static byte[] Pdf(string text) => Encoding.UTF8.GetBytes(
        "%PDF-1.4\n% " + text + "\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
        "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
}
