using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using GosApi.Diagnostics;
using GosApi.ElectronicCertificates.Models;
using GosApi.Errors;
using GosApi.Http;
using GosApi.Validation;

namespace GosApi.ElectronicCertificates
{
    /// <summary>Every operation of ИС «Электронный сертификат» (seed 002, OpenAPI 1.2.1-У) over a session.</summary>
    public sealed class ElectronicCertificateClient
    {
        public const int MaxTaskQuantity = 100;
        private const int MaxStatusPages = 10_000;
        private readonly ElectronicCertificateSession session;

        public ElectronicCertificateClient(ElectronicCertificateSession session) { this.session = session ?? throw new ArgumentNullException(nameof(session)); }

        /// <summary>POST ec-create / ec-edit / ec-block with one request of validated records; one result per record.</summary>
        public async Task<IReadOnlyList<ElectronicCertificateRequestRecord>> SubmitAsync(RecordBatch batch, CancellationToken cancellationToken = default)
        {
            if (batch == null) throw new ArgumentNullException(nameof(batch));
            var path = ElectronicCertificateRecord.Path(batch.Operation);
            var body = Json(writer =>
            {
                writer.WriteStartArray();
                foreach (var item in batch.Items) item.Record.Write(writer, item.RecordId);
                writer.WriteEndArray();
            });
            // Never repeated blindly: a lost answer may hide a queued task (only a 429 is retried).
            var traits = new RequestTraits { Operation = path, SafeToRetry = false };
            var answer = await session.Transport.PostAsync(path, body, traits, cancellationToken).ConfigureAwait(false);
            var acknowledgement = answer.Content.Trim().Trim('"');
            if (!ElectronicCertificateCodes.Acknowledgements.ContainsKey(acknowledgement))
                throw ElectronicCertificateReader.Shape(path, "REQUEST_IS_QUEUED or REQUEST_IS_ACCEPTED");
            var taskId = answer.Info.CorrelationId;
            if (taskId != null)
                session.Tasks.Record(new ElectronicCertificateTask(taskId, ElectronicCertificateRecord.TaskType(batch.Operation), "requestIsQueued", answer.Info.ResponseDate ?? DateTimeOffset.UtcNow));
            OperationScope.Verbose($"{path}: {batch} → {acknowledgement}, task {taskId}.");
            return batch.Items.Select(item => new ElectronicCertificateRequestRecord(batch, item, acknowledgement, answer.Info)).ToArray();
        }

        /// <summary>GET ec-detailed-statement?cn=: the statement of one certificate.</summary>
        public async Task<ElectronicCertificate> GetCertificateAsync(string certificateNumber, CancellationToken cancellationToken = default)
        {
            var check = new ValidationResult();
            var number = FieldRules.CertificateNumber(check, "CertificateNumber", certificateNumber);
            check.ThrowIfInvalid();
            var traits = new RequestTraits { Operation = "ec-detailed-statement", SafeToRetry = true, EntityId = "certificate " + number };
            var answer = await session.Transport.GetAsync("ec-detailed-statement", new[] { new KeyValuePair<string, string>("cn", number!) }, traits, cancellationToken).ConfigureAwait(false);
            var certificate = Parse(answer, "ec-detailed-statement", ElectronicCertificateReader.Certificate);
            certificate.RequestId = answer.Info.RequestId;
            certificate.ResponseId = answer.Info.ResponseId;
            certificate.CorrelationId = answer.Info.CorrelationId;
            return certificate;
        }

        /// <summary>
        /// POST ec-tasks-status page after page (the service reports each status once) until a page is short or
        /// brings nothing new; every status is remembered by the session.
        /// </summary>
        public async Task<IReadOnlyList<ElectronicCertificateTask>> GetTaskStatusesAsync(IEnumerable<string>? requestTypes = null, int pageSize = MaxTaskQuantity, CancellationToken cancellationToken = default)
        {
            var types = (requestTypes ?? ElectronicCertificateCodes.TaskRequestTypes).Distinct(StringComparer.Ordinal).ToArray();
            var check = new ValidationResult();
            if (types.Length == 0) check.Add("RequestType", null, "must name at least one request type");
            foreach (var type in types.Where(t => !ElectronicCertificateCodes.RequestTypes.ContainsKey(t)))
                check.Add("RequestType", type, "must be one of " + string.Join(", ", ElectronicCertificateCodes.RequestTypes.Keys));
            if (pageSize < 1 || pageSize > MaxTaskQuantity) check.Add("PageSize", pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture), "must be between 1 and " + MaxTaskQuantity);
            check.ThrowIfInvalid();

            var body = Json(writer =>
            {
                writer.WriteStartObject();
                writer.WriteStartArray("Request_Types");
                foreach (var type in types) writer.WriteStringValue(type);
                writer.WriteEndArray();
                writer.WriteNumber("Task_Quantity", pageSize);
                writer.WriteEndObject();
            });
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var all = new List<ElectronicCertificateTask>();
            for (var page = 1; page <= MaxStatusPages; page++)
            {
                var traits = new RequestTraits { Operation = "ec-tasks-status", SafeToRetry = true };
                var answer = await session.Transport.PostAsync("ec-tasks-status", body, traits, cancellationToken).ConfigureAwait(false);
                var tasks = Parse(answer, "ec-tasks-status", root => ElectronicCertificateReader.TaskStatuses(root, answer.Info.ResponseDate ?? DateTimeOffset.UtcNow));
                var fresh = tasks.Where(t => seen.Add(t.TaskId + "\n" + t.Status)).ToArray();
                foreach (var task in fresh)
                {
                    session.Tasks.Record(task);
                    all.Add(task);
                }
                OperationScope.Verbose($"ec-tasks-status page {page}: {tasks.Count} statuses, {fresh.Length} new.");
                if (tasks.Count < pageSize || fresh.Length == 0) break;
            }
            return all;
        }

        /// <summary>The last status the session knows of each id (from acknowledgements and ec-tasks-status).</summary>
        public IReadOnlyList<ElectronicCertificateTask> KnownTasks(IEnumerable<string> taskIds) =>
            taskIds.Select(id => session.Tasks.TryGet(id, out var task) ? task : null).Where(t => t != null).Select(t => t!).ToArray();

        /// <summary>POST ec-tasks-results for up to 100 ids per request; returns the records of executed tasks.</summary>
        public async Task<TaskResultsAnswer> GetTaskResultsAsync(IReadOnlyList<string> taskIds, CancellationToken cancellationToken = default)
        {
            var ids = CheckTaskIds(taskIds);
            var results = new List<ElectronicCertificateTaskResult>();
            foreach (var chunk in Chunks(ids, MaxTaskQuantity))
            {
                var body = Json(writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteStartArray("eCertificateRequest_TaskResult");
                    foreach (var id in chunk)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("taskId", id);
                        writer.WriteEndObject();
                    }
                    writer.WriteEndArray();
                    writer.WriteEndObject();
                });
                var traits = new RequestTraits { Operation = "ec-tasks-results", SafeToRetry = true };
                var answer = await session.Transport.PostAsync("ec-tasks-results", body, traits, cancellationToken).ConfigureAwait(false);
                results.AddRange(Parse(answer, "ec-tasks-results", root => ElectronicCertificateReader.TaskResults(root, answer.Info)));
            }
            var answered = new HashSet<string>(results.Select(r => r.TaskId), StringComparer.OrdinalIgnoreCase);
            return new TaskResultsAnswer(results, ids.Where(id => !answered.Contains(id)).ToArray());
        }

        /// <summary>
        /// Polls ec-tasks-status until every task is completed or <paramref name="timeout"/> passes. Returns the last
        /// known status of each task (in the order given) and whether the wait timed out.
        /// </summary>
        public async Task<TaskWaitOutcome> WaitAsync(IReadOnlyList<string> taskIds, TimeSpan timeout, TimeSpan pollingInterval, IProgress<TaskWaitProgress>? progress = null, CancellationToken cancellationToken = default)
        {
            var ids = CheckTaskIds(taskIds);
            if (timeout <= TimeSpan.Zero) new ValidationError("TimeoutSec", timeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "must be positive").Throw();
            if (pollingInterval <= TimeSpan.Zero) new ValidationError("PollingIntervalSec", pollingInterval.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "must be positive").Throw();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (true)
            {
                await GetTaskStatusesAsync(null, MaxTaskQuantity, cancellationToken).ConfigureAwait(false);
                var current = ids.Select(Current).ToArray();
                var done = current.Count(t => t.IsCompleted);
                progress?.Report(new TaskWaitProgress(done, ids.Length, clock.Elapsed, current.FirstOrDefault(t => !t.IsCompleted)));
                if (done == ids.Length) return new TaskWaitOutcome(current, timedOut: false);
                var left = timeout - clock.Elapsed;
                if (left <= TimeSpan.Zero) return new TaskWaitOutcome(current, timedOut: true);
                await Task.Delay(left < pollingInterval ? left : pollingInterval, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>The known status of a task, or "requestIsQueued" as far as the session knows for an id it has not seen.</summary>
        private ElectronicCertificateTask Current(string id) =>
            session.Tasks.TryGet(id, out var task) ? task : new ElectronicCertificateTask(id, null, "requestIsQueued", DateTimeOffset.UtcNow);

        private static string[] CheckTaskIds(IReadOnlyList<string> taskIds)
        {
            if (taskIds == null) throw new ArgumentNullException(nameof(taskIds));
            var check = new ValidationResult();
            if (taskIds.Count == 0) check.Add("TaskId", null, "must name at least one task");
            var ids = taskIds.Select(id => FieldRules.Uuid(check, "TaskId", id)).Where(id => id != null).Select(id => id!).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            check.ThrowIfInvalid();
            return ids;
        }

        private static IEnumerable<T[]> Chunks<T>(IReadOnlyList<T> items, int size)
        {
            for (var i = 0; i < items.Count; i += size) yield return items.Skip(i).Take(size).ToArray();
        }

        private static T Parse<T>(VerifiedResponse answer, string operation, Func<JsonElement, T> read)
        {
            try
            {
                using var document = JsonDocument.Parse(answer.Content);
                return read(document.RootElement);
            }
            catch (JsonException ex)
            {
                throw new GosApiException(GosApiService.ElectronicCertificate, GosApiErrorKind.InvalidResponse, $"{operation}: the answer is not JSON ({ex.Message})") { RequestId = answer.Info.RequestId };
            }
        }

        private static string Json(Action<Utf8JsonWriter> write)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                write(writer);
            return Encoding.UTF8.GetString(stream.ToArray());
        }
    }

    /// <summary>The records of executed tasks, and the ids the service gave no result for (unknown or not executed yet).</summary>
    public sealed class TaskResultsAnswer
    {
        internal TaskResultsAnswer(IReadOnlyList<ElectronicCertificateTaskResult> results, IReadOnlyList<string> withoutResult) { Results = results; WithoutResult = withoutResult; }
        public IReadOnlyList<ElectronicCertificateTaskResult> Results { get; }
        public IReadOnlyList<string> WithoutResult { get; }
    }

    public sealed class TaskWaitOutcome
    {
        internal TaskWaitOutcome(IReadOnlyList<ElectronicCertificateTask> tasks, bool timedOut) { Tasks = tasks; TimedOut = timedOut; }
        public IReadOnlyList<ElectronicCertificateTask> Tasks { get; }
        public bool TimedOut { get; }
    }

    public sealed class TaskWaitProgress
    {
        internal TaskWaitProgress(int completed, int total, TimeSpan elapsed, ElectronicCertificateTask? pending) { Completed = completed; Total = total; Elapsed = elapsed; Pending = pending; }
        public int Completed { get; }
        public int Total { get; }
        public TimeSpan Elapsed { get; }
        /// <summary>One task still running, to show in progress.</summary>
        public ElectronicCertificateTask? Pending { get; }
    }
}
