using System;
using System.Globalization;
using System.IO;
using System.Text.Json;

namespace GosApi.Http.Exchanges
{
    /// <summary>
    /// A JSON-lines file with one line per HTTP exchange (time, service, operation, method, redacted URL, status,
    /// API code, duration, attempt, entity and request ids). Each line is appended with one write to a file
    /// opened for sharing, so several sessions and processes can log to the same file. No header, body or secret.
    /// </summary>
    public sealed class RequestLog
    {
        private readonly object gate = new object();

        public RequestLog(string path)
        {
            if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("LogPath: must name a file.", nameof(path));
            Path = System.IO.Path.GetFullPath(path);
            var directory = System.IO.Path.GetDirectoryName(Path);
            if (!string.IsNullOrEmpty(directory) && !Directory.Exists(directory))
                throw new DirectoryNotFoundException($"LogPath {path}: the folder {directory} does not exist.");
            // Fail at connect time, not on the first request, when the file cannot be written.
            using (Open()) { }
        }

        public string Path { get; }

        public void Write(HttpExchange exchange)
        {
            var line = Serialize(exchange);
            lock (gate)
            {
                using var file = Open();
                file.Write(line, 0, line.Length);
            }
        }

        internal static byte[] Serialize(HttpExchange exchange)
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                json.WriteStartObject();
                json.WriteString(RequestLogFields.Time, exchange.StartedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
                json.WriteString(RequestLogFields.Service, exchange.Service.ToString());
                json.WriteString(RequestLogFields.Operation, exchange.Operation);
                json.WriteString(RequestLogFields.Method, exchange.Method);
                json.WriteString(RequestLogFields.Url, exchange.Url);
                if (exchange.StatusCode.HasValue) json.WriteNumber(RequestLogFields.Status, exchange.StatusCode.Value);
                else json.WriteNull(RequestLogFields.Status);
                WriteOptional(json, RequestLogFields.ApiCode, exchange.ApiCode);
                json.WriteNumber(RequestLogFields.DurationMs, (long)exchange.Duration.TotalMilliseconds);
                json.WriteNumber(RequestLogFields.Retries, exchange.Attempt);
                WriteOptional(json, RequestLogFields.EntityId, exchange.EntityId);
                WriteOptional(json, RequestLogFields.RequestId, exchange.RequestId);
                WriteOptional(json, RequestLogFields.Error, exchange.Error);
                json.WriteEndObject();
            }
            buffer.WriteByte((byte)'\n');
            return buffer.ToArray();
        }

        private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
        {
            if (value != null) json.WriteString(name, value);
        }

        private FileStream Open() => new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, 4096, FileOptions.None);

        public override string ToString() => Path;
    }

    /// <summary>Property names of a request log line; the reader uses the same ones.</summary>
    public static class RequestLogFields
    {
        public const string Time = "time";
        public const string Service = "service";
        public const string Operation = "operation";
        public const string Method = "method";
        public const string Url = "url";
        public const string Status = "status";
        public const string ApiCode = "apiCode";
        public const string DurationMs = "durationMs";
        public const string Retries = "retries";
        public const string EntityId = "entityId";
        public const string RequestId = "requestId";
        public const string Error = "error";
    }
}
