using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using GosApi.Epgu.Models;
using GosApi.Errors;
using GosApi.Json;

namespace GosApi.Epgu
{
    /// <summary>Parses EPGU response bodies into typed objects.</summary>
    internal static class EpguResponseParser
    {
        public static long ParseOrderId(string? body, string operation)
        {
            using var document = ParseObject(body, operation);
            var id = document.RootElement.Long("orderId");
            if (id == null) throw InvalidResponse(operation, "the answer has no orderId");
            return id.Value;
        }

        /// <summary>Order details: {code, message, order: "&lt;escaped JSON&gt;"} (001 Tables 27–28).</summary>
        public static EpguOrderDetails ParseOrderDetails(long orderId, string? body)
        {
            using var document = ParseObject(body, "get order");
            var root = document.RootElement;
            var codeText = root.Str("code");
            var details = new EpguOrderDetails
            {
                OrderId = orderId,
                ProcessingCodeText = codeText,
                ProcessingCode = EpguProcessingCodes.Parse(codeText),
                Message = root.Str("message"),
            };
            var orderJson = root.Str("order");
            if (string.IsNullOrWhiteSpace(orderJson)) return details;
            details.OrderJson = orderJson;
            JsonDocument order;
            try { order = JsonDocument.Parse(orderJson!); }
            catch (JsonException ex) { throw InvalidResponse("get order", "the escaped 'order' JSON does not parse: " + ex.Message); }
            using (order)
            {
                FillFromOrder(details, order.RootElement);
            }
            return details;
        }

        private static void FillFromOrder(EpguOrderDetails details, JsonElement o)
        {
            details.OrderId = o.Long("id") ?? details.OrderId;
            details.ServiceCode = o.Str("eserviceId");
            details.TargetCode = o.Str("serviceTargetId");
            details.Region = o.Str("userSelectedRegion");
            details.ServiceName = o.Str("serviceName");
            details.OrderDate = o.Date("orderDate");
            details.Updated = o.Date("updated");
            details.CurrentStatusHistoryId = o.Long("currentStatusHistoryId");
            details.Statuses = o.Array("statuses").Select(ParseStatus).ToList();
            var current = o.Obj("currentStatusHistory");
            details.CurrentStatus = current.HasValue ? ParseStatus(current.Value) : details.Statuses.LastOrDefault();
            details.ResponseFiles = o.Array("orderResponseFiles").Select(f => ParseFile(f, details, EpguOrderFileKind.Response)).ToList();
            details.AttachmentFiles = o.Array("orderAttachmentFiles").Select(f => ParseFile(f, details, EpguOrderFileKind.Attachment)).ToList();
        }

        private static EpguOrderStatusEntry ParseStatus(JsonElement s) => new EpguOrderStatusEntry
        {
            Id = s.Long("id") ?? 0,
            OrderId = s.Long("orderId") ?? 0,
            StatusId = s.Int("statusId") ?? -1,
            Title = s.Str("title") ?? string.Empty,
            Date = s.Date("date"),
            FinalStatus = s.Bool("finalStatus"),
            CancelAllowed = s.Bool("cancelAllowed"),
            EditAllowed = s.Bool("editAllowed"),
            HasResult = s.Bool("hasResult"),
            Comment = Blank(s.Str("comment")),
            Sender = Blank(s.Str("sender")),
            StateOrgStatusCode = Blank(s.Str("stateOrgStatusCode")),
            StateOrgStatusDescr = Blank(s.Str("stateOrgStatusDescr")),
        };

        private static EpguOrderFile ParseFile(JsonElement f, EpguOrderDetails order, EpguOrderFileKind kind)
        {
            var link = f.Str("link");
            var parsed = TerrabyteLink.TryParse(link);
            return new EpguOrderFile
            {
                OrderId = order.OrderId,
                Kind = kind,
                FileName = f.Str("fileName") ?? parsed?.Mnemonic ?? string.Empty,
                FileSize = f.Long("fileSize") ?? 0,
                MimeType = Blank(f.Str("mimeType")),
                Id = Blank(f.Str("id")),
                Link = Blank(link),
                HasDigitalSignature = f.Bool("hasDigitalSignature"),
                Type = Blank(f.Str("type")),
                ObjectId = parsed?.ObjectId,
                ObjectType = parsed?.ObjectType,
                Mnemonic = parsed?.Mnemonic,
                ServiceCode = order.ServiceCode,
            };
        }

        /// <summary>A page of getOrdersStatus / getUpdatedAfter (001 Tables 21, 24).</summary>
        public static EpguStatusPage ParseStatusPage(string? body, string operation)
        {
            using var document = ParseObject(body, operation);
            var root = document.RootElement;
            var items = new List<EpguOrderStatus>();
            foreach (var item in root.Array("content"))
            {
                // 001's own example once spells the key " orderId"; accept what the service may send.
                var id = item.Long("orderId") ?? item.Long(" orderId");
                var status = item.Obj("status");
                items.Add(new EpguOrderStatus
                {
                    OrderId = id ?? 0,
                    SearchStatus = item.Str("orderSearchStatus") ?? string.Empty,
                    StatusId = status?.Int("statusId"),
                    StatusName = status?.Str("statusName"),
                    Updated = status?.Date("updated"),
                });
            }
            return new EpguStatusPage(root.Int("count") ?? items.Count, root.Long("totalCount") ?? items.Count, items);
        }

        /// <summary>An NSI answer (001 Table 32); error.code ≠ 0 is a failure.</summary>
        public static EpguDictionaryPage ParseDictionaryPage(string dictionary, string? body)
        {
            using var document = ParseObject(body, "get dictionary " + dictionary);
            var root = document.RootElement;
            var error = root.Obj("error");
            var code = error?.Long("code") ?? 0;
            if (code != 0)
            {
                var fields = root.Array("fieldErrors").Select(fe => fe.ValueKind == JsonValueKind.Object ? (fe.Str("fieldName") ?? fe.Str("field")) + ": " + fe.Str("message") : fe.ToString());
                var detail = string.Join("; ", fields.Where(s => !string.IsNullOrWhiteSpace(s)));
                throw new GosApiException(GosApiService.Epgu, GosApiErrorKind.InvalidRequest,
                    $"get dictionary {dictionary} failed: {error?.Str("message")}" + (detail.Length > 0 ? " (" + detail + ")" : string.Empty))
                {
                    ApiCode = "nsi_" + code,
                    Hint = "Check the dictionary code and the filter against the service specification.",
                };
            }
            var items = root.Array("items").Select(i => ParseDictionaryItem(dictionary, i)).ToList();
            return new EpguDictionaryPage(root.Long("total") ?? items.Count, items);
        }

        private static EpguDictionaryItem ParseDictionaryItem(string dictionary, JsonElement i)
        {
            var attributes = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            var values = i.Obj("attributeValues");
            if (values.HasValue)
                foreach (var property in values.Value.EnumerateObject())
                    attributes[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.ValueKind == JsonValueKind.Null ? null : property.Value.GetRawText();
            return new EpguDictionaryItem
            {
                Dictionary = dictionary,
                Value = i.Str("value") ?? string.Empty,
                ParentValue = i.Str("parentValue"),
                Title = i.Str("title") ?? string.Empty,
                IsLeaf = i.Bool("isLeaf"),
                Children = i.Array("children").Select(c => ParseDictionaryItem(dictionary, c)).ToList(),
                AttributeValues = attributes,
            };
        }

        private static JsonDocument ParseObject(string? body, string operation)
        {
            if (string.IsNullOrWhiteSpace(body)) throw InvalidResponse(operation, "the answer is empty");
            try
            {
                var document = JsonDocument.Parse(body!);
                if (document.RootElement.ValueKind == JsonValueKind.Object) return document;
                document.Dispose();
                throw InvalidResponse(operation, "the answer is not a JSON object");
            }
            catch (JsonException ex) { throw InvalidResponse(operation, "the answer is not JSON: " + ex.Message); }
        }

        private static GosApiException InvalidResponse(string operation, string why) =>
            new GosApiException(GosApiService.Epgu, GosApiErrorKind.InvalidResponse, operation + ": " + why);

        private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;
    }

    internal sealed class EpguStatusPage
    {
        public EpguStatusPage(int count, long totalCount, IReadOnlyList<EpguOrderStatus> items) { Count = count; TotalCount = totalCount; Items = items; }
        public int Count { get; }
        public long TotalCount { get; }
        public IReadOnlyList<EpguOrderStatus> Items { get; }
    }

    internal sealed class EpguDictionaryPage
    {
        public EpguDictionaryPage(long total, IReadOnlyList<EpguDictionaryItem> items) { Total = total; Items = items; }
        public long Total { get; }
        public IReadOnlyList<EpguDictionaryItem> Items { get; }
    }
}
