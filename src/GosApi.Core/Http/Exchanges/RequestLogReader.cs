using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using GosApi.Http.Quotas;

namespace GosApi.Http.Exchanges
{
    /// <summary>
    /// Summarises request logs written by <see cref="RequestLog"/> — possibly by several scheduled scripts into one
    /// file — per service, with the current use of EPGU's calendar request quotas. Reads line by line (bounded memory).
    /// </summary>
    public static class RequestLogReader
    {
        /// <summary>The summaries per service; lines that are not log lines (a line still being written, a foreign file) are skipped and numbered in <paramref name="skippedLines"/>.</summary>
        public static IReadOnlyList<TrafficSummary> Summarise(string path, DateTimeOffset now, out IReadOnlyList<int> skippedLines, IReadOnlyList<RequestQuota>? epguQuotas = null)
        {
            var tallies = new Dictionary<GosApiService, Tally>();
            var skipped = new List<int>();
            skippedLines = skipped;
            var lineNumber = 0;
            using (var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete)))
            {
                string? line;
                while ((line = reader.ReadLine()) != null)
                {
                    lineNumber++;
                    if (line.Trim().Length == 0) continue;
                    var entry = TryParse(line);
                    if (entry == null)
                    {
                        skipped.Add(lineNumber);
                        continue;
                    }
                    if (!tallies.TryGetValue(entry.Service, out var tally)) tallies[entry.Service] = tally = new Tally(entry.Service == GosApiService.Epgu ? epguQuotas ?? DefaultEpguQuotas : Array.Empty<RequestQuota>(), now);
                    tally.Add(entry);
                }
            }
            return tallies.OrderBy(t => t.Key).Select(t => t.Value.Summary(path, t.Key)).ToArray();
        }

        /// <summary>001 Appendix 3 defaults.</summary>
        public static readonly IReadOnlyList<RequestQuota> DefaultEpguQuotas = new[]
        {
            new RequestQuota(CalendarPeriod.Minute, 2_000),
            new RequestQuota(CalendarPeriod.Hour, 120_000),
            new RequestQuota(CalendarPeriod.Day, 2_880_000),
            new RequestQuota(CalendarPeriod.Month, 86_400_000),
            new RequestQuota(CalendarPeriod.Year, 1_036_800_000),
        };

        private static Entry? TryParse(string line)
        {
            try
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                var service = (GosApiService)Enum.Parse(typeof(GosApiService), root.GetProperty(RequestLogFields.Service).GetString()!, ignoreCase: false);
                var time = DateTimeOffset.Parse(root.GetProperty(RequestLogFields.Time).GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                int? status = root.TryGetProperty(RequestLogFields.Status, out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt32() : (int?)null;
                var apiCode = root.TryGetProperty(RequestLogFields.ApiCode, out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
                var retries = root.TryGetProperty(RequestLogFields.Retries, out var r) && r.ValueKind == JsonValueKind.Number ? r.GetInt32() : 0;
                return new Entry(service, time, status, apiCode, retries);
            }
            catch (Exception ex) when (ex is JsonException || ex is KeyNotFoundException || ex is FormatException || ex is ArgumentException || ex is InvalidOperationException)
            {
                return null;
            }
        }

        private sealed class Entry
        {
            public Entry(GosApiService service, DateTimeOffset time, int? status, string? apiCode, int retries)
            {
                Service = service; Time = time; Status = status; ApiCode = apiCode; Retries = retries;
            }
            public GosApiService Service { get; }
            public DateTimeOffset Time { get; }
            public int? Status { get; }
            public string? ApiCode { get; }
            public int Retries { get; }
        }

        private sealed class Tally
        {
            private readonly IReadOnlyList<RequestQuota> quotas;
            private readonly long[] inWindow;
            private readonly DateTimeOffset now;
            private readonly Dictionary<string, long> errors = new Dictionary<string, long>(StringComparer.Ordinal);
            private DateTimeOffset? first;
            private long requests, retries, throttled;

            public Tally(IReadOnlyList<RequestQuota> quotas, DateTimeOffset now)
            {
                this.quotas = quotas;
                this.now = now;
                inWindow = new long[quotas.Count];
            }

            public void Add(Entry entry)
            {
                requests++;
                if (entry.Retries > 0) retries++;
                if (entry.Status == 429) throttled++;
                if (first == null || entry.Time < first) first = entry.Time;
                if (!(entry.Status >= 200 && entry.Status < 300))
                {
                    var code = entry.ApiCode ?? (entry.Status.HasValue ? entry.Status.Value.ToString(CultureInfo.InvariantCulture) : "NoResponse");
                    errors[code] = errors.TryGetValue(code, out var n) ? n + 1 : 1;
                }
                for (var i = 0; i < quotas.Count; i++)
                    if (entry.Time >= CalendarWindows.StartOf(quotas[i].Period, now) && entry.Time <= now) inWindow[i]++;
            }

            public TrafficSummary Summary(string path, GosApiService service) =>
                new TrafficSummary(path, service, first, requests, retries, throttled, null,
                    errors.OrderBy(e => e.Key, StringComparer.Ordinal).ToDictionary(e => e.Key, e => e.Value),
                    quotas.Select((q, i) => new QuotaUsage(q.Name, inWindow[i], q.Limit, CalendarWindows.EndOf(q.Period, now))).ToArray());
        }
    }
}
