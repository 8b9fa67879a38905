using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GosApi.Core.Tests.Http;

internal enum ReplyAction
{
    /// <summary>Answer with a status, headers and body.</summary>
    Respond,
    /// <summary>Read the request, then drop the connection with a TCP reset and no answer.</summary>
    Reset,
    /// <summary>Read the request and never answer (until the server is disposed).</summary>
    Hang,
    /// <summary>Send the head and half of the body that Content-Length announces, then close the connection.</summary>
    Truncate,
}

/// <summary>What the loopback server does with one request.</summary>
internal sealed class Reply
{
    public ReplyAction Action { get; init; }
    public int Status { get; init; } = 200;
    public string? Body { get; init; }
    public string ContentType { get; init; } = "application/json; charset=utf-8";
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = Array.Empty<KeyValuePair<string, string>>();

    public static Reply Http(int status, string? body = null, params (string Name, string Value)[] headers) => new()
    {
        Status = status,
        Body = body,
        Headers = headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value)).ToList(),
    };

    public static Reply Ok(string body = "{}") => Http(200, body);
    public static Reply Reset() => new() { Action = ReplyAction.Reset };
    public static Reply Hang() => new() { Action = ReplyAction.Hang };
    public static Reply Truncated(int status, string body) => new() { Action = ReplyAction.Truncate, Status = status, Body = body };
}

/// <summary>One request as the server received it.</summary>
internal sealed class RecordedRequest
{
    public int Index { get; init; }
    public string Method { get; init; } = "";
    /// <summary>The request target as sent: path and query.</summary>
    public string Target { get; init; } = "";
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
    public byte[] Body { get; init; } = Array.Empty<byte>();
    public string BodyText => Encoding.UTF8.GetString(Body);
    /// <summary>When the whole request had arrived, since the server started.</summary>
    public TimeSpan ArrivedAt { get; init; }
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>
/// A real HTTP/1.1 server on 127.0.0.1 and a free port, built on a raw TcpListener, that answers each
/// request as a script says (status, Retry-After, a reset connection, no answer at all). Every answer
/// closes the connection, so the client never reuses one and never retries on its own.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly Func<RecordedRequest, Reply> respond;
    private readonly CancellationTokenSource stop = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly ConcurrentBag<Task> connections = new();
    private readonly Task acceptLoop;
    private int count;

    /// <summary>Answers the n-th request with script[n]; once the script is used up, its last reply repeats.</summary>
    public LoopbackServer(params Reply[] script)
        : this(r => script[Math.Min(r.Index, script.Length - 1)])
    {
        if (script.Length == 0) throw new ArgumentException("The script is empty.", nameof(script));
    }

    public LoopbackServer(Func<RecordedRequest, Reply> respond)
    {
        this.respond = respond;
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start(backlog: 64);
        BaseUri = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
        acceptLoop = Task.Run(AcceptLoopAsync);
    }

    public Uri BaseUri { get; }
    public int Count => Volatile.Read(ref count);
    public IReadOnlyList<RecordedRequest> Requests => requests.OrderBy(r => r.Index).ToList();

    private async Task AcceptLoopAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await listener.AcceptTcpClientAsync(stop.Token); }
            catch { return; }
            connections.Add(Task.Run(() => ServeAsync(client)));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        try
        {
            using (client)
            {
                var stream = client.GetStream();
                var reader = new ByteReader(stream);
                var requestLine = await reader.ReadLineAsync(stop.Token);
                if (string.IsNullOrEmpty(requestLine)) return;
                var parts = requestLine.Split(' ');
                var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                while (true)
                {
                    var line = await reader.ReadLineAsync(stop.Token);
                    if (line == null) return;
                    if (line.Length == 0) break;
                    var colon = line.IndexOf(':');
                    var name = line.Substring(0, colon).Trim();
                    var value = line.Substring(colon + 1).Trim();
                    headers[name] = headers.TryGetValue(name, out var earlier) ? earlier + ", " + value : value;
                }
                var body = await ReadBodyAsync(reader, headers);
                var request = new RecordedRequest
                {
                    Index = Interlocked.Increment(ref count) - 1,
                    Method = parts[0],
                    Target = parts.Length > 1 ? parts[1] : "",
                    Headers = headers,
                    Body = body,
                    ArrivedAt = clock.Elapsed,
                };
                requests.Enqueue(request);
                var reply = respond(request);
                switch (reply.Action)
                {
                    case ReplyAction.Reset:
                        client.LingerState = new LingerOption(true, 0);
                        client.Client.Close();
                        return;
                    case ReplyAction.Hang:
                        try { await Task.Delay(Timeout.Infinite, stop.Token); } catch (OperationCanceledException) { }
                        return;
                }
                var bytes = Format(reply);
                if (reply.Action == ReplyAction.Truncate)
                {
                    var bodyLength = Encoding.UTF8.GetByteCount(reply.Body ?? "");
                    await stream.WriteAsync(bytes.AsMemory(0, bytes.Length - bodyLength / 2), stop.Token);
                    await stream.FlushAsync(stop.Token);
                    client.LingerState = new LingerOption(true, 0);
                    client.Client.Close();
                    return;
                }
                await stream.WriteAsync(bytes, stop.Token);
                await stream.FlushAsync(stop.Token);
                client.Client.Shutdown(SocketShutdown.Send);
            }
        }
        catch (Exception) when (stop.IsCancellationRequested)
        {
        }
        catch (IOException)
        {
            // the client went away (its timeout, a cancellation)
        }
        catch (SocketException)
        {
        }
    }

    private async Task<byte[]> ReadBodyAsync(ByteReader reader, Dictionary<string, string> headers)
    {
        if (headers.TryGetValue("Content-Length", out var lengthText))
            return await reader.ReadExactAsync(int.Parse(lengthText, CultureInfo.InvariantCulture), stop.Token);
        if (headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            using var body = new MemoryStream();
            while (true)
            {
                var sizeLine = await reader.ReadLineAsync(stop.Token) ?? "0";
                var size = int.Parse(sizeLine.Split(';')[0].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (size == 0)
                {
                    while (!string.IsNullOrEmpty(await reader.ReadLineAsync(stop.Token))) { }
                    return body.ToArray();
                }
                body.Write(await reader.ReadExactAsync(size, stop.Token));
                await reader.ReadLineAsync(stop.Token);
            }
        }
        return Array.Empty<byte>();
    }

    private static byte[] Format(Reply reply)
    {
        var body = reply.Body == null ? Array.Empty<byte>() : Encoding.UTF8.GetBytes(reply.Body);
        var head = new StringBuilder();
        head.Append("HTTP/1.1 ").Append(reply.Status.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(Reason(reply.Status)).Append("\r\n");
        if (reply.Status != 204 && reply.Status != 304)
        {
            if (body.Length > 0) head.Append("Content-Type: ").Append(reply.ContentType).Append("\r\n");
            head.Append("Content-Length: ").Append(body.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        }
        else
        {
            body = Array.Empty<byte>();
        }
        head.Append("Connection: close\r\n");
        foreach (var header in reply.Headers) head.Append(header.Key).Append(": ").Append(header.Value).Append("\r\n");
        head.Append("\r\n");
        return Encoding.ASCII.GetBytes(head.ToString()).Concat(body).ToArray();
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        206 => "Partial Content",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Status",
    };

    public async ValueTask DisposeAsync()
    {
        stop.Cancel();
        listener.Stop();
        try { await acceptLoop.WaitAsync(TimeSpan.FromSeconds(5)); } catch { }
        try { await Task.WhenAll(connections).WaitAsync(TimeSpan.FromSeconds(5)); } catch { }
        stop.Dispose();
    }

    /// <summary>Reads CRLF-terminated lines and exact byte counts off a stream, buffering what it over-reads.</summary>
    private sealed class ByteReader
    {
        private readonly Stream stream;
        private readonly byte[] buffer = new byte[16384];
        private int start;
        private int end;

        public ByteReader(Stream stream) { this.stream = stream; }

        private async Task<bool> FillAsync(CancellationToken cancellationToken)
        {
            if (start > 0 && start == end) { start = 0; end = 0; }
            if (end == buffer.Length)
            {
                Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }
            var read = await stream.ReadAsync(buffer.AsMemory(end, buffer.Length - end), cancellationToken);
            end += read;
            return read > 0;
        }

        public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
        {
            var line = new MemoryStream();
            while (true)
            {
                for (var i = start; i < end; i++)
                {
                    if (buffer[i] == (byte)'\n')
                    {
                        line.Write(buffer, start, i - start);
                        start = i + 1;
                        var bytes = line.ToArray();
                        var length = bytes.Length > 0 && bytes[^1] == (byte)'\r' ? bytes.Length - 1 : bytes.Length;
                        return Encoding.Latin1.GetString(bytes, 0, length);
                    }
                }
                line.Write(buffer, start, end - start);
                start = end;
                if (!await FillAsync(cancellationToken)) return line.Length == 0 ? null : Encoding.Latin1.GetString(line.ToArray());
            }
        }

        public async Task<byte[]> ReadExactAsync(int count, CancellationToken cancellationToken)
        {
            var result = new byte[count];
            var done = 0;
            while (done < count)
            {
                if (start == end && !await FillAsync(cancellationToken)) throw new IOException("The client closed the connection mid-body.");
                var take = Math.Min(count - done, end - start);
                Buffer.BlockCopy(buffer, start, result, done, take);
                start += take;
                done += take;
            }
            return result;
        }
    }
}
