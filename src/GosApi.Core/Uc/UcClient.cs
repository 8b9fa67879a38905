using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using GosApi.Diagnostics;
using GosApi.Errors;
using GosApi.Http;
using GosApi.Json;
using GosApi.Uc.Models;
using GosApi.Validation;
using RestSharp;

namespace GosApi.Uc
{
    /// <summary>Every method of УЦ «Основание» External API v2 (seed 004) over a session.</summary>
    public sealed class UcClient
    {
        public const int FnsFindPageSize = 100;
        private const string FilePlaceholder = "__gosapi_file_content_5f0c2a__"; // plain ASCII: JSON writes it unescaped
        private readonly UcSession session;

        public UcClient(UcSession session) { this.session = session ?? throw new ArgumentNullException(nameof(session)); }

        /// <summary>request/list with a filter (the spec's filter fields by their JSON names, e.g. lastName, inn, HideArchived).</summary>
        public async Task<IReadOnlyList<UcRequest>> ListRequestsAsync(IDictionary<string, object?> filter, CancellationToken cancellationToken = default)
        {
            var check = new ValidationResult();
            var hasSerial = filter.TryGetValue("passportSerial", out var serial) && serial != null;
            var hasNumber = filter.TryGetValue("passportNumber", out var number) && number != null;
            if (hasSerial != hasNumber) check.Add(hasSerial ? "PassportNumber" : "PassportSerial", null, "passport series and number go together or not at all");
            check.ThrowIfInvalid();
            var json = new JsonObject();
            foreach (var pair in filter.Where(p => p.Value != null))
                json[pair.Key] = pair.Value switch { bool b => JsonValue.Create(b), int i => JsonValue.Create(i), long l => JsonValue.Create(l), DateTime d => JsonValue.Create(d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)), _ => JsonValue.Create(Convert.ToString(pair.Value, CultureInfo.InvariantCulture)) };
            var body = session.Body();
            body["filter"] = json;
            var root = await PostAsync("request/list", body, Read("list requests"), cancellationToken).ConfigureAwait(false);
            return root.Array("info").Select(Request).ToArray();
        }

        /// <summary>request/create → the new request id.</summary>
        public async Task<long> CreateRequestAsync(UcRequestInfo info, CancellationToken cancellationToken = default)
        {
            info.Validate().ThrowIfInvalid();
            var body = session.Body();
            body["info"] = info.ToJson();
            // Creating is never repeated blindly: a lost answer may hide a created request.
            var root = await PostAsync("request/create", body, new RequestTraits { Operation = "create request", SafeToRetry = false }, cancellationToken).ConfigureAwait(false);
            var id = root.Long("requestId") ?? throw Shape("create request", "requestId");
            OperationScope.Verbose($"УЦ request {id} created for {info.FullName}.");
            return id;
        }

        /// <summary>request/change with the full info.</summary>
        public async Task ChangeRequestAsync(long requestId, UcRequestInfo info, CancellationToken cancellationToken = default)
        {
            CheckId(requestId);
            info.Validate().ThrowIfInvalid();
            var body = session.Body();
            body["info"] = info.ToJson();
            body["requestId"] = requestId;
            await PostAsync("request/change", body, Write("change request", requestId), cancellationToken, expectJson: false).ConfigureAwait(false);
        }

        /// <summary>request/change with requestArchived: true.</summary>
        public async Task ArchiveRequestAsync(long requestId, CancellationToken cancellationToken = default)
        {
            CheckId(requestId);
            var body = session.Body();
            body["requestId"] = requestId;
            body["requestArchived"] = true;
            await PostAsync("request/change", body, Write("archive request", requestId), cancellationToken, expectJson: false).ConfigureAwait(false);
        }

        /// <summary>request/view.</summary>
        public async Task<UcRequest> ViewRequestAsync(long requestId, CancellationToken cancellationToken = default)
        {
            CheckId(requestId);
            var body = session.Body();
            body["requestId"] = requestId;
            var root = await PostAsync("request/view", body, Read("view request", requestId), cancellationToken).ConfigureAwait(false);
            var request = Request(root);
            if (request.RequestId == 0) request.RequestId = requestId;
            return request;
        }

        /// <summary>request/status for many ids in one call.</summary>
        public async Task<IReadOnlyList<UcStatusEntry>> GetStatusesAsync(IReadOnlyCollection<long> requestIds, CancellationToken cancellationToken = default)
        {
            if (requestIds.Count == 0) new ValidationError("RequestId", null, "give at least one request id").Throw();
            foreach (var id in requestIds) CheckId(id);
            var body = session.Body();
            body["requests"] = new JsonArray(requestIds.Distinct().Select(i => (JsonNode)JsonValue.Create(i)!).ToArray());
            var root = await PostAsync("request/status", body, Read("get request status"), cancellationToken).ConfigureAwait(false);
            return Items(root).Select(e =>
            {
                var status = e.Int("statusId") ?? 0;
                return new UcStatusEntry { RequestId = e.Long("requestId") ?? 0, StatusId = status, Status = (UcRequestStatus)status };
            }).ToArray();
        }

        public async Task<UcStatusEntry> GetStatusAsync(long requestId, CancellationToken cancellationToken = default) =>
            (await GetStatusesAsync(new[] { requestId }, cancellationToken).ConfigureAwait(false)).FirstOrDefault(s => s.RequestId == requestId)
            ?? new UcStatusEntry { RequestId = requestId, Status = UcRequestStatus.NoData };

        /// <summary>request/attach_file with the file streamed from disk as base64.</summary>
        public async Task AttachFileAsync(long requestId, UcFileType fileType, string path, string? fileName = null, CancellationToken cancellationToken = default)
        {
            CheckId(requestId);
            var info = new FileInfo(path);
            if (!info.Exists) throw new FileNotFoundException("The file to attach does not exist: " + path, path);
            if (info.Length == 0) new ValidationError("Path", path, "the file is empty").Throw();
            var body = session.Body();
            body["fileName"] = fileName ?? info.Name;
            body["fileType"] = (int)fileType;
            body["requestId"] = requestId;
            body["file"] = FilePlaceholder;
            var request = new RestRequest("request/attach_file", Method.Post) { Interceptors = new List<RestSharp.Interceptors.Interceptor> { new Base64FileJsonBody(body.ToJsonString(), FilePlaceholder, info.FullName) } };
            request.AddStringBody("{}", ContentType.Json); // replaced by the streamed body
            var traits = Write($"attach file type {(int)fileType} ({fileType})", requestId);
            await session.Pipeline.ExecuteAsync(request, traits, cancellationToken).ConfigureAwait(false);
            OperationScope.Verbose($"УЦ request {requestId}: attached {info.Name} as type {(int)fileType} ({info.Length} bytes).");
        }

        /// <summary>request/attach_certificate (only in «Генерация запроса»; the request becomes «Готово»).</summary>
        public async Task AttachCertificateAsync(long requestId, byte[] certificateFile, CancellationToken cancellationToken = default)
        {
            CheckId(requestId);
            if (certificateFile == null || certificateFile.Length == 0) new ValidationError("Path", null, "the certificate file is empty").Throw();
            var body = session.Body();
            body["requestId"] = requestId;
            body["file"] = Convert.ToBase64String(certificateFile);
            await PostAsync("request/attach_certificate", body, Write("attach certificate", requestId), cancellationToken, expectJson: false).ConfigureAwait(false);
        }

        /// <summary>products.</summary>
        public async Task<IReadOnlyList<UcProduct>> GetProductsAsync(CancellationToken cancellationToken = default)
        {
            var root = await PostAsync("products", session.Body(), Read("get products"), cancellationToken).ConfigureAwait(false);
            return root.Array("products").Select(Product).ToArray();
        }

        /// <summary>request/result: the certificate, the print form and licences.</summary>
        public async Task<IReadOnlyList<UcFile>> GetResultAsync(long requestId, CancellationToken cancellationToken = default)
        {
            CheckId(requestId);
            var body = session.Body();
            body["requestId"] = requestId;
            var root = await PostAsync("request/result", body, Read("get request result", requestId), cancellationToken).ConfigureAwait(false);
            return Items(root).Select(File).ToArray();
        }

        /// <summary>request/client_docs of one type (1 application, 3 bill, 17 extra documents).</summary>
        public async Task<IReadOnlyList<UcFile>> GetClientDocumentsAsync(long requestId, UcFileType fileType, CancellationToken cancellationToken = default)
        {
            CheckId(requestId);
            var body = session.Body();
            body["requestId"] = requestId;
            body["fileType"] = (int)fileType;
            var root = await PostAsync("request/client_docs", body, Read("get client documents", requestId), cancellationToken).ConfigureAwait(false);
            return Items(root).Select(File).ToArray();
        }

        /// <summary>fns/find, page after page (offset/count) until a short page; <paramref name="onItem"/> may stop early.</summary>
        public async Task<int> FindFnsCertificatesAsync(UcFnsQuery query, Func<UcFnsCertificate, bool> onItem, CancellationToken cancellationToken = default)
        {
            query.Validate().ThrowIfInvalid();
            var found = 0;
            for (var offset = query.Offset ?? 0; ; offset += FnsFindPageSize)
            {
                var body = session.Body();
                var parameters = query.ToJson();
                parameters["offset"] = offset;
                parameters["count"] = FnsFindPageSize;
                body["findCertParams"] = parameters;
                var root = await PostAsync("fns/find", body, Read("find certificates in FNS"), cancellationToken).ConfigureAwait(false);
                var page = Items(root).ToArray();
                foreach (var item in page)
                {
                    found++;
                    if (!onItem(FnsCertificate(item))) return found;
                }
                if (page.Length < FnsFindPageSize) return found;
            }
        }

        /// <summary>Polls request/status until the status is one of <paramref name="until"/> (or any but 22 when none is given).</summary>
        public async Task<(UcStatusEntry Status, bool TimedOut)> WaitAsync(long requestId, IReadOnlyCollection<UcRequestStatus>? until, TimeSpan timeout, TimeSpan pollingInterval,
            IProgress<UcStatusEntry>? progress = null, CancellationToken cancellationToken = default)
        {
            CheckId(requestId);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (true)
            {
                var status = await GetStatusAsync(requestId, cancellationToken).ConfigureAwait(false);
                progress?.Report(status);
                var done = until == null || until.Count == 0 ? status.Status != UcRequestStatus.SystemProcessing : until.Contains(status.Status);
                if (done || status.Status == UcRequestStatus.NoData || status.Status == UcRequestStatus.Refused) return (status, false);
                var left = timeout - clock.Elapsed;
                if (left <= TimeSpan.Zero) return (status, true);
                await Task.Delay(left < pollingInterval ? left : pollingInterval, cancellationToken).ConfigureAwait(false);
            }
        }

        private async Task<JsonElement> PostAsync(string path, JsonObject body, RequestTraits traits, CancellationToken cancellationToken, bool expectJson = true)
        {
            var request = new RestRequest(path, Method.Post).AddStringBody(body.ToJsonString(), ContentType.Json);
            var response = await session.Pipeline.ExecuteAsync(request, traits, cancellationToken).ConfigureAwait(false);
            if (!expectJson) return default;
            try
            {
                using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(response.Content) ? "null" : response.Content!);
                return document.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                throw new GosApiException(GosApiService.Uc, GosApiErrorKind.InvalidResponse, $"{traits.Operation}: the answer is not JSON ({ex.Message})");
            }
        }

        private static IEnumerable<JsonElement> Items(JsonElement root) =>
            root.ValueKind == JsonValueKind.Array ? root.EnumerateArray()
            : root.ValueKind == JsonValueKind.Object ? root.EnumerateObject().Select(p => p.Value).FirstOrDefault(v => v.ValueKind == JsonValueKind.Array) is { ValueKind: JsonValueKind.Array } a ? a.EnumerateArray() : Enumerable.Empty<JsonElement>()
            : Enumerable.Empty<JsonElement>();

        private static UcRequest Request(JsonElement e)
        {
            var info = e.Obj("info") ?? e;
            var status = e.Int("statusId") ?? info.Int("statusId") ?? 0;
            var check = info.Int("checkCertInFNSStatus") ?? e.Int("checkCertInFNSStatus");
            return new UcRequest
            {
                RequestId = e.Long("requestId") ?? info.Long("requestId") ?? 0,
                StatusId = status,
                Status = (UcRequestStatus)status,
                StatusName = e.Str("status") ?? info.Str("status"),
                CreateDate = UcRequestInfo.Day(info.Str("createDate")) is { } d ? ParseDateTime(info.Str("createDate")) ?? d : (DateTime?)null,
                Comment = info.Str("comment") ?? e.Str("comment"),
                Info = UcRequestInfo.FromJson(info),
                FnsCertificateCheck = check.HasValue ? (UcFnsCertificateCheck)check.Value : (UcFnsCertificateCheck?)null,
                ExistingCertificatesInFns = info.Array("existingCertsInFNS").Select(c => new UcExistingCertificate { SerialNumber = c.Str("sn"), Issued = ParseDateTime(c.Str("issued")) }).ToArray(),
                SmevChecks = e.Array("smevChecks").Select(c => new UcSmevCheck
                {
                    Status = c.Int("status") ?? 0, RequestType = c.Int("requestType") ?? 0, Title = c.Str("title") ?? c.Str("name"),
                    Comment = c.Str("comment"), LaunchDate = c.Date("launchDate"),
                }).ToArray(),
                DocumentTypes = e.Array("list").Select(l => l.Str("typeName") ?? string.Empty).ToArray(),
            };
        }

        private static DateTime? ParseDateTime(string? text) =>
            DateTime.TryParseExact(text?.Trim(), new[] { "dd.MM.yyyy HH:mm:ss", "dd.MM.yyyy" }, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : (DateTime?)null;

        private static UcProduct Product(JsonElement e)
        {
            var price = e.Obj("price");
            var oids = e.Array("oids").ToArray();
            return new UcProduct
            {
                Id = e.Int("id") ?? 0,
                Name = e.Str("name"),
                PricePerson = Money(price?.Str("fl")),
                PriceEntrepreneur = Money(price?.Str("ip")),
                PriceLegalEntity = Money(price?.Str("ur")),
                Oids = oids.Select(o => o.Str("oid") ?? string.Empty).ToArray(),
                OidDescriptions = oids.Select(o => o.Str("description") ?? string.Empty).ToArray(),
                Required = e.Bool("required"),
                Subitems = e.Array("subitems").Select(Product).ToArray(),
            };
        }

        private static decimal? Money(string? text) => decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : (decimal?)null;

        private static UcFile File(JsonElement e) => new UcFile
        {
            Name = e.Str("name") ?? "file",
            Content = string.IsNullOrEmpty(e.Str("contentBase64")) ? Array.Empty<byte>() : Convert.FromBase64String(e.Str("contentBase64")!),
            MimeType = e.Str("mimeType"),
            Type = e.Int("type"),
            LicenseType = e.Int("licenseType"),
        };

        private static UcFnsCertificate FnsCertificate(JsonElement e) => new UcFnsCertificate
        {
            SerialNumber = e.Str("sn"), IssueDate = e.Date("issueDate"), NotAfter = e.Date("revocationDate"), CommonName = e.Str("cn"),
            Inn = e.Str("inn"), InnLe = e.Str("innLe"), Ogrn = e.Str("ogrn"), OgrnIp = e.Str("ogrnIp"), Snils = e.Str("snils"),
            OrganizationName = e.Str("organizationName"), SurName = e.Str("surName"), GivenName = e.Str("givenName"), Status = e.Str("status"),
            RevocationReason = e.Str("revocationReason"), DeferredRevocationDate = e.Date("deferredRevocationDate"),
        };

        private static RequestTraits Read(string operation, long? requestId = null) =>
            new RequestTraits { Operation = operation, SafeToRetry = true, EntityId = requestId.HasValue ? "request " + requestId.Value : null };

        private static RequestTraits Write(string operation, long requestId) =>
            new RequestTraits { Operation = operation, SafeToRetry = false, EntityId = "request " + requestId };

        private static void CheckId(long requestId)
        {
            if (requestId <= 0) new ValidationError("RequestId", requestId.ToString(CultureInfo.InvariantCulture), "must be a positive number").Throw();
        }

        private static GosApiException Shape(string operation, string expected) =>
            new GosApiException(GosApiService.Uc, GosApiErrorKind.InvalidResponse, $"{operation}: the answer does not contain {expected}");
    }
}
