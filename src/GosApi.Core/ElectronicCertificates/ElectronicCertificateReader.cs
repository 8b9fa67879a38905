using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using GosApi.ElectronicCertificates.Models;
using GosApi.Errors;
using GosApi.Json;

namespace GosApi.ElectronicCertificates
{
    /// <summary>Reads the service's (verified) JSON answers into models; shape errors become InvalidResponse.</summary>
    internal static class ElectronicCertificateReader
    {
        public static ElectronicCertificate Certificate(JsonElement e)
        {
            var status = e.Obj("currentStatus");
            return new ElectronicCertificate
            {
                CertificateNumber = e.Str("certificateNumber"),
                FactAssignmentUuid = e.Str("factAssignmentUuid"),
                StartDate = Day(e.Str("startDate")),
                EndDate = Day(e.Str("endDate")),
                Program = ElectronicCertificateCodes.Describe(ElectronicCertificateCodes.Programs, e.Str("program")),
                CertificateAmount = e.Long("certificateAmount"),
                CertificateQuantity = e.Int("certificateQuantity"),
                Status = ElectronicCertificateCodes.Describe(ElectronicCertificateCodes.Statuses, status?.Str("statusCode")),
                StatusReason = ElectronicCertificateCodes.Describe(ElectronicCertificateCodes.StatusReasons, status?.Str("statusReason")),
                StatusDateTime = status?.Date("statusDateTime"),
                UsageStatus = ElectronicCertificateCodes.Describe(ElectronicCertificateCodes.UsageStatuses, e.Str("usageStatus")),
                ActivationSuspensionReason = ElectronicCertificateCodes.Describe(ElectronicCertificateCodes.ActivationSuspensionReasons, e.Str("activationSuspensionReasons")),
                ActualAmount = e.Long("certificateActualAmount"),
                ActualQuantity = e.Int("certificateActualQuantity"),
                GoodsWorksServices = e.Array("goodsWorksServices").Select(g => new GoodsWorkService
                {
                    Code = g.Str("code"), Name = g.Str("name"), MaxAmount = g.Long("maxAmount"), Quantity = g.Int("quantity"),
                }).ToArray(),
                Balance = e.Array("eCertificateBalance").Select(b => new GoodsBalance
                {
                    Code = b.Str("code"), ActualAmount = b.Long("actualAmount"), ActualQuantity = b.Long("actualQuantity"),
                }).ToArray(),
                Transactions = e.Array("usageTransactions").Select(Transaction).ToArray(),
            };
        }

        private static UsageTransaction Transaction(JsonElement t)
        {
            var seller = t.Obj("seller");
            return new UsageTransaction
            {
                TransactionNumber = t.Long("transactionNumber"),
                TransactionType = ElectronicCertificateCodes.Describe(ElectronicCertificateCodes.TransactionTypes, t.Str("transactionType")),
                Timestamp = t.Date("transactionTimestamp"),
                Address = t.Str("transactionAddress") ?? t.Obj("transactionLocation")?.Str("address"),
                TotalAmount = t.Long("transactionTotalAmount"),
                TotalFullAmount = t.Long("transactionTotalFullAmount"),
                SellerName = seller?.Str("fullName"),
                SellerInn = seller?.Str("INN"),
                SellerKpp = seller?.Str("KPP"),
                Items = t.Array("transactionGoodsWorksServices").Select(i => new TransactionItem
                {
                    Code = i.Str("code"), Name = i.Str("name"), Amount = i.Long("transactionAmount"),
                    FullAmount = i.Long("transactionFullAmount"), Quantity = i.Int("transactionQuantity"),
                }).ToArray(),
            };
        }

        public static IReadOnlyList<ElectronicCertificateTask> TaskStatuses(JsonElement root, DateTimeOffset observedAt)
        {
            // The OpenAPI gives ec201Response (a string) as the schema, which cannot carry statuses: an array of
            // TaskStatus is read, also when wrapped in an object property.
            var array = root.ValueKind == JsonValueKind.Array ? root : root.ValueKind == JsonValueKind.Object ? root.EnumerateObject().Select(p => p.Value).FirstOrDefault(v => v.ValueKind == JsonValueKind.Array) : default;
            if (array.ValueKind != JsonValueKind.Array) throw Shape("ec-tasks-status", "an array of task statuses");
            var tasks = new List<ElectronicCertificateTask>();
            foreach (var item in array.EnumerateArray())
            {
                var id = item.Str("Id");
                var status = item.Str("Status");
                if (id == null || status == null) throw Shape("ec-tasks-status", "Id and Status in every task status");
                tasks.Add(new ElectronicCertificateTask(id, item.Str("Task_Type"), status, observedAt));
            }
            return tasks;
        }

        public static IReadOnlyList<ElectronicCertificateTaskResult> TaskResults(JsonElement root, ResponseInfo response)
        {
            var groups = root.Obj("ec_tasks_results") ?? throw Shape("ec-tasks-results", "ec_tasks_results");
            var results = new List<ElectronicCertificateTaskResult>();
            foreach (var group in groups.EnumerateObject())
            {
                if (group.Value.ValueKind != JsonValueKind.Array) continue;
                foreach (var task in group.Value.EnumerateArray())
                {
                    if (task.ValueKind != JsonValueKind.Object) continue; // the spec's string-typed groups carry nothing to read
                    var taskId = task.Str("Id") ?? throw Shape("ec-tasks-results", "Id of every task");
                    var taskType = task.Str("Task_Type");
                    // eCertificatesCreateResponse, eCertificateEditResponse, eCertificateBlockResponse, …
                    var records = task.EnumerateObject().FirstOrDefault(p => p.Value.ValueKind == JsonValueKind.Array && p.Name.EndsWith("Response", StringComparison.Ordinal)).Value;
                    if (records.ValueKind != JsonValueKind.Array) continue;
                    foreach (var record in records.EnumerateArray()) results.Add(Record(taskId, taskType, record, response));
                }
            }
            return results;
        }

        private static ElectronicCertificateTaskResult Record(string taskId, string? taskType, JsonElement record, ResponseInfo response)
        {
            var protocol = record.Obj("protocol");
            var messages = protocol.HasValue
                ? protocol.Value.Array("processingProtocol").Select(m => new ProcessingMessage(m.Int("MessageType") ?? 1, m.Str("ruleCode"), m.Str("MessageMetadata"))).ToArray()
                : Array.Empty<ProcessingMessage>();
            var certificate = record.Obj("eCertificate");
            return new ElectronicCertificateTaskResult(
                taskId, taskType, record.Int("recordId") ?? 0,
                protocol.HasValue && protocol.Value.Bool("isProcessedSuccessfully"), messages,
                protocol?.Date("receivingTime"), protocol?.Date("processingTime"),
                record.Str("factAssignmentUuid"), certificate.HasValue ? Certificate(certificate.Value) : null, response);
        }

        private static DateTime? Day(string? text) =>
            DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
            : JsonElementReader.ParseDate(text)?.Date;

        public static GosApiException Shape(string operation, string expected) =>
            new GosApiException(GosApiService.ElectronicCertificate, GosApiErrorKind.InvalidResponse, $"{operation}: the answer does not contain {expected}");
    }
}
