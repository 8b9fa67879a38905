using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using GosApi.Diagnostics;
using GosApi.Epgu.Models;
using GosApi.Epgu.Packages;
using GosApi.Errors;
using GosApi.Http;
using GosApi.Http.Quotas;
using GosApi.Validation;
using RestSharp;

namespace GosApi.Epgu
{
    /// <summary>Every method of the EPGU API for legal entities (001), over the session's shared pipeline.</summary>
    public sealed class EpguClient
    {
        private readonly EpguSession session;

        public EpguClient(EpguSession session) { this.session = session ?? throw new ArgumentNullException(nameof(session)); }

        /// <summary>POST /api/gusmev/order (001 §3.3).</summary>
        public async Task<EpguOrder> CreateOrderAsync(EpguOrderRequest request, CancellationToken cancellationToken = default)
        {
            request.Validate();
            var http = new RestRequest("api/gusmev/order", Method.Post).AddJsonBody(MetaJson(request), ContentType.Json);
            await WaitForOrderQuotaAsync(request, cancellationToken).ConfigureAwait(false);
            // Creating is never repeated blindly (only a 429, which the server did not process).
            var traits = new RequestTraits { Operation = "create order", SafeToRetry = false, EntityIdFromResponse = OrderIdOf };
            var response = await session.Pipeline.ExecuteAsync(http, traits, cancellationToken).ConfigureAwait(false);
            var order = new EpguOrder(EpguResponseParser.ParseOrderId(response.Content, "create order"), request, DateTimeOffset.UtcNow);
            OperationScope.Verbose($"Created EPGU order {order.OrderId} ({request}).");
            return order;
        }

        /// <summary>001 Appendix 3: at most so many orders per service per user in 10 minutes — wait for the window rather than be refused.</summary>
        private Task WaitForOrderQuotaAsync(EpguOrderRequest request, CancellationToken cancellationToken)
        {
            var orders = session.Statistics.ItemQuotas;
            if (orders == null) return Task.CompletedTask;
            return QuotaGate.PassAsync((DateTimeOffset now, out string? warning) => orders.TryCount(request.ServiceCode, now, out warning), GosApiService.Epgu, cancellationToken);
        }

        private static string? OrderIdOf(string? content) => "order " + EpguResponseParser.ParseOrderId(content, "log").ToString(CultureInfo.InvariantCulture);

        /// <summary>
        /// Delivers an archive: /push when it is small and no order exists yet, otherwise /push/chunked —
        /// creating the order first when none is given. <paramref name="onOrderCreated"/> learns a created id at once.
        /// </summary>
        public async Task<EpguUploadResult> SendPackageAsync(string path, EpguOrderRequest meta, EpguSendOptions options, IProgress<UploadProgress>? progress = null,
            Action<EpguOrder>? onOrderCreated = null, CancellationToken cancellationToken = default)
        {
            var file = CheckArchive(path);
            meta.Validate();
            var limits = session.Options;
            if (options.ChunkSize.HasValue) ChunkPlan.Create(file.Length, limits.MinChunkSize, limits.MaxChunkSize, options.ChunkSize); // validates before any request
            if (options.OrderId.HasValue && options.OrderId.Value <= 0) new ValidationError("OrderId", options.OrderId.Value.ToString(CultureInfo.InvariantCulture), "must be a positive number").Throw();

            if (!options.OrderId.HasValue && !options.ForceChunked && file.Length <= limits.MaxPushSize)
                return await PushAsync(file, meta, progress, cancellationToken).ConfigureAwait(false);

            long orderId;
            if (options.OrderId.HasValue)
            {
                orderId = options.OrderId.Value;
            }
            else
            {
                var order = await CreateOrderAsync(meta, cancellationToken).ConfigureAwait(false);
                onOrderCreated?.Invoke(order);
                orderId = order.OrderId;
            }
            return await SendChunkedAsync(file, orderId, meta, options, progress, cancellationToken).ConfigureAwait(false);
        }

        private async Task<EpguUploadResult> PushAsync(FileInfo file, EpguOrderRequest meta, IProgress<UploadProgress>? progress, CancellationToken cancellationToken)
        {
            var clock = Stopwatch.StartNew();
            var retriesBefore = session.Statistics.Retries;
            var http = new RestRequest("api/gusmev/push", Method.Post) { AlwaysMultipartFormData = true };
            AddMeta(http, meta);
            http.AddFile("file", () => new IO.FileSegmentStream(file.FullName, 0, file.Length), file.Name, "application/zip");
            await WaitForOrderQuotaAsync(meta, cancellationToken).ConfigureAwait(false);
            var traits = new RequestTraits { Operation = "push order", SafeToRetry = false, EntityIdFromResponse = OrderIdOf };
            var response = await session.Pipeline.ExecuteAsync(http, traits, cancellationToken).ConfigureAwait(false);
            var orderId = EpguResponseParser.ParseOrderId(response.Content, "push order");
            OperationScope.Verbose($"Created EPGU order {orderId} by /push ({file.Length} bytes).");
            progress?.Report(new UploadProgress(orderId, file.Length, file.Length, 1, 1, clock.Elapsed));
            return Result(file, meta, orderId, EpguUploadMethod.Push, 1, clock.Elapsed, session.Statistics.Retries - retriesBefore);
        }

        private async Task<EpguUploadResult> SendChunkedAsync(FileInfo file, long orderId, EpguOrderRequest meta, EpguSendOptions options, IProgress<UploadProgress>? progress, CancellationToken cancellationToken)
        {
            var limits = session.Options;
            var plan = ChunkPlan.Create(file.Length, limits.MinChunkSize, limits.MaxChunkSize, options.ChunkSize);
            var retriesBefore = session.Statistics.Retries;
            var uploader = new ChunkedUploader(file.FullName, plan, orderId, options.ThrottleLimit ?? limits.ThrottleLimit, limits.ChunkWindow, progress);
            OperationScope.Verbose($"Sending {file.Name} ({file.Length} bytes) into order {orderId} in {plan.Count} chunk(s) of up to {plan.ChunkSize} bytes.");
            var entity = "order " + orderId.ToString(CultureInfo.InvariantCulture);
            try
            {
                await uploader.RunAsync((chunk, count, open, ct) => SendChunkAsync(chunk, count, open, orderId, meta, ct), cancellationToken).ConfigureAwait(false);
            }
            catch (GosApiException ex)
            {
                throw ex.WithEntityId(entity, $"The archive did not reach order {orderId}; send it again into the same order (Send-EpguPackage -OrderId {orderId}).");
            }
            return Result(file, meta, orderId, EpguUploadMethod.Chunked, plan.Count, uploader.Elapsed, session.Statistics.Retries - retriesBefore);
        }

        private async Task SendChunkAsync(ChunkSpec chunk, int count, Func<Stream> open, long orderId, EpguOrderRequest meta, CancellationToken cancellationToken)
        {
            var http = new RestRequest("api/gusmev/push/chunked", Method.Post) { AlwaysMultipartFormData = true };
            AddMeta(http, meta);
            http.AddParameter("chunk", chunk.Index.ToString(CultureInfo.InvariantCulture));
            http.AddParameter("chunks", count.ToString(CultureInfo.InvariantCulture));
            http.AddParameter("orderId", orderId.ToString(CultureInfo.InvariantCulture));
            http.AddFile("file", open, "chunk" + chunk.Index.ToString(CultureInfo.InvariantCulture), "application/octet-stream");
            var isLast = chunk.Index == count - 1;
            // A chunk can be sent again safely: the service keeps one copy per index.
            var traits = new RequestTraits { Operation = $"send chunk {chunk.Index} of {count}", SafeToRetry = true, EntityId = "order " + orderId.ToString(CultureInfo.InvariantCulture) };
            var response = await session.Pipeline.ExecuteAsync(http, traits, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var expected = isLast ? 200 : 206;
            if (status != expected)
            {
                throw new GosApiException(GosApiService.Epgu, GosApiErrorKind.InvalidResponse, $"send chunk {chunk.Index} of {count}: expected HTTP {expected}, got {status}")
                {
                    StatusCode = status,
                };
            }
        }

        /// <summary>POST /api/gusmev/order/{orderId} (001 §6).</summary>
        public async Task<EpguOrderDetails> GetOrderAsync(long orderId, CancellationToken cancellationToken = default)
        {
            CheckOrderId(orderId);
            var http = new RestRequest("api/gusmev/order/{orderId}", Method.Post).AddUrlSegment("orderId", orderId);
            var traits = new RequestTraits { Operation = "get order", SafeToRetry = true, EntityId = "order " + orderId.ToString(CultureInfo.InvariantCulture) };
            var response = await session.Pipeline.ExecuteAsync(http, traits, cancellationToken).ConfigureAwait(false);
            if ((int)response.StatusCode == 204)
            {
                var entry = EpguErrorCatalog.ForStatus(204);
                throw new GosApiException(GosApiService.Epgu, GosApiErrorKind.NotFound, $"get order failed: order {orderId} not found")
                {
                    StatusCode = 204,
                    ApiCode = "not_found",
                    Hint = entry.Hint,
                };
            }
            return EpguResponseParser.ParseOrderDetails(orderId, response.Content);
        }

        /// <summary>Polls the order until it is final (<see cref="EpguOrderDetails.IsFinal"/>) or the timeout passes.</summary>
        public async Task<EpguOrderDetails> WaitForFinalStatusAsync(long orderId, TimeSpan timeout, TimeSpan firstInterval, TimeSpan maxInterval,
            IProgress<EpguOrderDetails>? progress = null, CancellationToken cancellationToken = default)
        {
            var clock = Stopwatch.StartNew();
            var interval = firstInterval;
            string? lastState = null;
            while (true)
            {
                var details = await GetOrderAsync(orderId, cancellationToken).ConfigureAwait(false);
                var state = details.ToString();
                if (state != lastState)
                {
                    OperationScope.Verbose($"Order {orderId}: {state}");
                    lastState = state;
                }
                progress?.Report(details);
                if (details.IsFinal) return details;
                if (clock.Elapsed + interval > timeout)
                {
                    throw new GosApiException(GosApiService.Epgu, GosApiErrorKind.Timeout, $"wait for order {orderId}: no final status within {timeout.TotalSeconds:0} s; last: {state}")
                    {
                        EntityId = "order " + orderId,
                        Hint = "Wait again with a longer -Timeout, or check later with Get-EpguOrder.",
                    };
                }
                await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
                interval = TimeSpan.FromTicks(Math.Min(maxInterval.Ticks, (long)(interval.Ticks * 1.5)));
            }
        }

        /// <summary>POST /api/gusmev/order/{orderId}/cancel (001 §3.7).</summary>
        public async Task CancelOrderAsync(long orderId, string? reason, CancellationToken cancellationToken = default)
        {
            CheckOrderId(orderId);
            var http = new RestRequest("api/gusmev/order/{orderId}/cancel", Method.Post).AddUrlSegment("orderId", orderId);
            var effectiveReason = string.IsNullOrWhiteSpace(reason) ? session.Options.DefaultCancelReason : reason;
            if (!string.IsNullOrWhiteSpace(effectiveReason)) http.AddQueryParameter("reason", effectiveReason);
            var traits = new RequestTraits { Operation = "cancel order", SafeToRetry = true, EntityId = "order " + orderId };
            await session.Pipeline.ExecuteAsync(http, traits, cancellationToken).ConfigureAwait(false);
            OperationScope.Verbose($"Cancelled EPGU order {orderId}.");
        }

        /// <summary>GET getOrdersStatus for any number of orders: batched by the page size, every page fetched.</summary>
        public async IAsyncEnumerable<EpguOrderStatus> GetOrdersStatusAsync(IReadOnlyCollection<long> orderIds, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            foreach (var id in orderIds) CheckOrderId(id);
            var pageSize = session.Options.StatusPageSize;
            foreach (var batch in orderIds.Distinct().Select((id, i) => (id, i)).GroupBy(x => x.i / pageSize, x => x.id))
            {
                var ids = string.Join(",", batch.Select(id => id.ToString(CultureInfo.InvariantCulture)));
                await foreach (var status in PagesAsync("get orders status", "api/gusmev/order/getOrdersStatus/", pageSize, r => r.AddQueryParameter("orderIds", ids, encode: false), cancellationToken).ConfigureAwait(false))
                    yield return status;
            }
        }

        /// <summary>GET getUpdatedAfter: every order whose status changed after the given moment (UTC), every page.</summary>
        public IAsyncEnumerable<EpguOrderStatus> GetUpdatedAfterAsync(DateTimeOffset updatedAfter, CancellationToken cancellationToken = default)
        {
            var stamp = FormatUpdatedAfter(updatedAfter);
            return PagesAsync("get updated orders", "api/gusmev/order/getUpdatedAfter/", session.Options.StatusPageSize, r => r.AddQueryParameter("updatedAfter", stamp), cancellationToken);
        }

        /// <summary>001 §7.2: "YYYY-MM-DD'T'HH:mm:ss.SSS" in UTC.</summary>
        public static string FormatUpdatedAfter(DateTimeOffset moment) => moment.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture);

        private async IAsyncEnumerable<EpguOrderStatus> PagesAsync(string operation, string resource, int pageSize, Action<RestRequest> addFilter, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            long seen = 0;
            for (var pageNum = 0; ; pageNum++)
            {
                var http = new RestRequest(resource, Method.Get);
                http.AddQueryParameter("pageNum", pageNum.ToString(CultureInfo.InvariantCulture));
                http.AddQueryParameter("pageSize", pageSize.ToString(CultureInfo.InvariantCulture));
                addFilter(http);
                var response = await session.Pipeline.ExecuteAsync(http, new RequestTraits { Operation = operation, SafeToRetry = true }, cancellationToken).ConfigureAwait(false);
                var page = EpguResponseParser.ParseStatusPage(response.Content, operation);
                foreach (var item in page.Items) yield return item;
                seen += page.Items.Count;
                if (page.Items.Count == 0 || page.Items.Count < pageSize || seen >= page.TotalCount) yield break;
            }
        }

        /// <summary>POST /api/nsi/v1/dictionary/{code} (no token), every page.</summary>
        public async IAsyncEnumerable<EpguDictionaryItem> GetDictionaryAsync(string code, EpguDictionaryFilter filter, string? parentValue = null,
            [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(code)) new ValidationError("Code", code, "a dictionary code is required").Throw();
            var pageSize = session.Options.DictionaryPageSize;
            long seen = 0;
            for (var pageNum = 1; ; pageNum++)
            {
                var body = new Dictionary<string, object>
                {
                    ["treeFiltering"] = filter == EpguDictionaryFilter.Subtree ? "SUBTREE" : "ONELEVEL",
                    ["pageNum"] = pageNum,
                    ["pageSize"] = pageSize,
                };
                if (!string.IsNullOrEmpty(parentValue)) body["parentRefItemValue"] = parentValue!;
                var http = new RestRequest("api/nsi/v1/dictionary/{code}", Method.Post).AddUrlSegment("code", code.Trim()).AddJsonBody(JsonSerializer.Serialize(body), ContentType.Json);
                var traits = new RequestTraits { Operation = "get dictionary " + code, SafeToRetry = true, Authenticated = false };
                var response = await session.PublicPipeline.ExecuteAsync(http, traits, cancellationToken).ConfigureAwait(false);
                var page = EpguResponseParser.ParseDictionaryPage(code.Trim(), response.Content);
                foreach (var item in page.Items) yield return item;
                seen += page.Items.Count;
                if (page.Items.Count == 0 || seen >= page.Total) yield break;
            }
        }

        /// <summary>Downloads a result file into a folder, streaming; the file appears only when complete.</summary>
        public async Task<EpguSavedFile> DownloadFileAsync(EpguOrderFile file, string destinationDirectory, bool overwrite, CancellationToken cancellationToken = default)
        {
            if (!file.CanDownload) new ValidationError("File", file.FileName, "its link is not a terrabyte:// link with objectId, mnemonic and objectType").Throw();
            Directory.CreateDirectory(destinationDirectory);
            var target = Path.Combine(Path.GetFullPath(destinationDirectory), IO.LocalFileName.From(file.FileName.Length > 0 ? file.FileName : file.Mnemonic!));
            if (File.Exists(target) && !overwrite) new ValidationError("Destination", target, "already exists (use -Force to overwrite)").Throw();

            RestRequest http;
            if (session.Options.DownloadRoute == EpguDownloadRoute.Gusmev)
            {
                http = new RestRequest("api/gusmev/files/download/{objectId}/{objectType}", Method.Get);
                if (!string.IsNullOrEmpty(file.ServiceCode)) http.AddQueryParameter("eserviceCode", file.ServiceCode);
            }
            else
            {
                http = new RestRequest("api/storage/v2/files/{objectId}/{objectType}/download", Method.Get);
            }
            http.AddUrlSegment("objectId", file.ObjectId!).AddUrlSegment("objectType", file.ObjectType!).AddQueryParameter("mnemonic", file.Mnemonic);
            var temp = target + ".partial-" + Guid.NewGuid().ToString("N").Substring(0, 8);
            var download = new StreamingDownload(temp);
            http.AdvancedResponseWriter = download.Write;
            try
            {
                var traits = new RequestTraits { Operation = "download " + file.FileName, SafeToRetry = true, EntityId = "order " + file.OrderId };
                await session.Pipeline.ExecuteAsync(http, traits, cancellationToken).ConfigureAwait(false);
                if (File.Exists(target)) File.Delete(target);
                File.Move(temp, target);
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
            OperationScope.Verbose($"Saved {file.FileName} of order {file.OrderId} to {target} ({download.Bytes} bytes).");
            return new EpguSavedFile { OrderId = file.OrderId, FileName = file.FileName, Path = target, Length = new FileInfo(target).Length, MimeType = file.MimeType };
        }

        private static FileInfo CheckArchive(string path)
        {
            if (string.IsNullOrWhiteSpace(path)) new ValidationError("Path", path, "an archive path is required").Throw();
            var file = new FileInfo(Path.GetFullPath(path));
            if (!file.Exists) new ValidationError("Path", path, "file not found").Throw();
            if (file.Length == 0) new ValidationError("Path", path, "the archive is empty").Throw();
            return file;
        }

        private static void CheckOrderId(long orderId)
        {
            if (orderId <= 0) new ValidationError("OrderId", orderId.ToString(CultureInfo.InvariantCulture), "must be a positive number").Throw();
        }

        private static string MetaJson(EpguOrderRequest meta) => JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["region"] = meta.Region,
            ["serviceCode"] = meta.ServiceCode,
            ["targetCode"] = meta.TargetCode,
        });

        private static void AddMeta(RestRequest http, EpguOrderRequest meta) =>
            http.AddParameter(new GetOrPostParameter("meta", MetaJson(meta)) { ContentType = ContentType.Json });

        private EpguUploadResult Result(FileInfo file, EpguOrderRequest meta, long orderId, EpguUploadMethod method, int chunks, TimeSpan duration, long retries) => new EpguUploadResult
        {
            OrderId = orderId,
            Method = method,
            Path = file.FullName,
            Bytes = file.Length,
            Chunks = chunks,
            Retries = retries,
            Duration = duration,
            ServiceCode = meta.ServiceCode,
            TargetCode = meta.TargetCode,
            Region = meta.Region,
        };
    }
}
