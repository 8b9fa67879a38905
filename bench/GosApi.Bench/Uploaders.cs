using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GosApi.Epgu;
using GosApi.Epgu.Models;
using GosApi.Epgu.Packages;
using GosApi.Http;

namespace GosApi.Bench;

/// <summary>One way of getting an archive into a fresh order. Built before measuring; <see cref="RunAsync"/> is what is measured.</summary>
public interface IUploader : IDisposable
{
    /// <summary>Creates the order and sends every chunk; returns the bytes of archive sent.</summary>
    Task<long> RunAsync(string path, CancellationToken ct);
}

public static class Epgu
{
    public const string Region = "45000000000";
    public const string ServiceCode = "10000000113";
    public const string TargetCode = "-10000000113";
    /// <summary>001 §3.4 (v1.11): non-last chunks 1–5 MiB; both clients use the largest.</summary>
    public const long ChunkSize = 5 * 1024 * 1024;

    public static int ChunkCount(long length) => (int)((length + ChunkSize - 1) / ChunkSize);
}

/// <summary>GosApi: EpguClient.SendPackageAsync with ForceChunked (creates the order, then /push/chunked).</summary>
public sealed class GosApiUploader : IUploader
{
    private readonly EpguSession session;
    private readonly EpguClient client;
    private readonly int? throttleLimit;

    public GosApiUploader(Uri baseUri, string token, int? throttleLimit)
    {
        this.throttleLimit = throttleLimit;
        session = new EpguSession(EpguEnvironment.Sandbox, baseUri, new StaticTokenSource(new AccessToken(token)));
        client = new EpguClient(session);
    }

    public async Task<long> RunAsync(string path, CancellationToken ct)
    {
        var options = new EpguSendOptions { ForceChunked = true, ThrottleLimit = throttleLimit };
        var progress = new CountingProgress();
        var result = await client.SendPackageAsync(path, new EpguOrderRequest(Epgu.ServiceCode, Epgu.TargetCode, Epgu.Region), options, progress, null, ct)
            .ConfigureAwait(false);
        if (result.Method != EpguUploadMethod.Chunked) throw new InvalidOperationException($"GosApi sent by {result.Method}, not chunked");
        if (result.Retries != 0) throw new InvalidOperationException($"GosApi retried {result.Retries} time(s): the run is not clean");
        return result.Bytes;
    }

    public void Dispose() => session.Dispose();

    /// <summary>Stands in for the cmdlet's progress queue: counts reports, does nothing else.</summary>
    private sealed class CountingProgress : IProgress<UploadProgress>
    {
        private int reports;
        public void Report(UploadProgress value) => Interlocked.Increment(ref reports);
    }
}

/// <summary>
/// The hand-written equivalent: one HttpClient, the same order request, the same multipart fields
/// (meta as application/json, chunk, chunks, orderId, file as application/octet-stream) and the same
/// order of chunks (0 alone, the middle ones <c>parallelism</c> at a time, the last alone), each chunk a
/// StreamContent over a FileStream window read from disk as it is sent.
/// </summary>
public sealed class PlainHttpClientUploader : IUploader
{
    private static readonly string MetaJson = JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["region"] = Epgu.Region,
        ["serviceCode"] = Epgu.ServiceCode,
        ["targetCode"] = Epgu.TargetCode,
    });

    private readonly HttpClient http;
    private readonly int parallelism;

    public PlainHttpClientUploader(Uri baseUri, string token, int parallelism)
    {
        this.parallelism = parallelism;
        http = new HttpClient(new SocketsHttpHandler(), disposeHandler: true) { BaseAddress = baseUri, Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public async Task<long> RunAsync(string path, CancellationToken ct)
    {
        var length = new FileInfo(path).Length;
        var orderId = await CreateOrderAsync(ct).ConfigureAwait(false);
        var count = Epgu.ChunkCount(length);

        await SendChunkAsync(path, length, orderId, 0, count, ct).ConfigureAwait(false);
        if (count == 1) return length;
        if (count > 2)
        {
            await Parallel.ForEachAsync(Enumerable.Range(1, count - 2),
                new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = ct },
                async (index, token) => await SendChunkAsync(path, length, orderId, index, count, token).ConfigureAwait(false)).ConfigureAwait(false);
        }
        await SendChunkAsync(path, length, orderId, count - 1, count, ct).ConfigureAwait(false);
        return length;
    }

    private async Task<long> CreateOrderAsync(CancellationToken ct)
    {
        using var content = new StringContent(MetaJson, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync("api/gusmev/order", content, ct).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"create order: HTTP {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("orderId").GetInt64();
    }

    private async Task SendChunkAsync(string path, long length, long orderId, int index, int count, CancellationToken ct)
    {
        var offset = index * Epgu.ChunkSize;
        var size = Math.Min(Epgu.ChunkSize, length - offset);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(MetaJson, Encoding.UTF8, "application/json"), "meta");
        form.Add(new StringContent(index.ToString(CultureInfo.InvariantCulture)), "chunk");
        form.Add(new StringContent(count.ToString(CultureInfo.InvariantCulture)), "chunks");
        form.Add(new StringContent(orderId.ToString(CultureInfo.InvariantCulture)), "orderId");
        var file = new StreamContent(new FileWindowStream(path, offset, size));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", "chunk" + index.ToString(CultureInfo.InvariantCulture));

        using var response = await http.PostAsync("api/gusmev/push/chunked", form, ct).ConfigureAwait(false);
        var expected = index == count - 1 ? HttpStatusCode.OK : HttpStatusCode.PartialContent;
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            throw new InvalidOperationException($"chunk {index} of {count}: expected HTTP {(int)expected}, got {(int)response.StatusCode}: {body}");
        }
    }

    public void Dispose() => http.Dispose();
}

/// <summary>
/// [offset, offset+length) of a file as a seekable read-only stream (seekable, so StreamContent knows the length and
/// HttpClient sends Content-Length instead of chunked encoding). Opened with the same FileStream settings as GosApi's
/// FileSegmentStream, so that the comparison is about the HTTP stack, not the file reads.
/// </summary>
public sealed class FileWindowStream : Stream
{
    private readonly FileStream file;
    private readonly long offset;
    private readonly long length;
    private long position;

    public FileWindowStream(string path, long offset, long length)
    {
        file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
        file.Position = offset;
        this.offset = offset;
        this.length = length;
    }

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => length;

    public override long Position
    {
        get => position;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, length);
            position = value;
            file.Position = offset + value;
        }
    }

    public override int Read(byte[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<byte> buffer)
    {
        var read = file.Read(buffer[..Clamp(buffer.Length)]);
        position += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int index, int count, CancellationToken ct) => ReadAsync(buffer.AsMemory(index, count), ct).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
    {
        var read = await file.ReadAsync(buffer[..Clamp(buffer.Length)], ct).ConfigureAwait(false);
        position += read;
        return read;
    }

    private int Clamp(int count) => (int)Math.Min(count, length - position);

    public override long Seek(long delta, SeekOrigin origin)
    {
        Position = origin switch { SeekOrigin.Begin => delta, SeekOrigin.Current => position + delta, _ => length + delta };
        return position;
    }

    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int index, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) file.Dispose();
        base.Dispose(disposing);
    }
}
