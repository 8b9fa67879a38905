namespace GosApi.Sandbox.Infrastructure;

/// <summary>Outermost middleware: records every non-control request with the status it finally got.</summary>
internal sealed class RequestRecordingMiddleware(RequestDelegate next, RequestRecorder recorder, TimeProvider time)
{
    private static readonly object AbortedKey = new();

    /// <summary>Aborts the connection and makes the request record status 0.</summary>
    public static void Abort(HttpContext context)
    {
        context.Items[AbortedKey] = true;
        context.Abort();
    }

    public async Task InvokeAsync(HttpContext context)
    {
        if (SandboxPaths.IsControl(context.Request.Path))
        {
            await next(context);
            return;
        }

        var started = time.GetUtcNow();
        var request = context.Request;
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var counter = new CountingStream(request.Body);
        request.Body = counter;
        var recorded = 0;
        void Record(int status)
        {
            if (Interlocked.Exchange(ref recorded, 1) != 0) return;
            var hasBody = request.ContentLength is not null || request.Headers.TransferEncoding.Count > 0;
            recorder.Add(new RecordedRequest(
                started,
                request.Method,
                request.Path.Value ?? "/",
                request.QueryString.HasValue ? request.QueryString.Value : null,
                status,
                headers,
                hasBody ? request.ContentLength ?? counter.BytesRead : null));
        }

        // Recorded as the response starts, so that a client that has its answer always finds the request in the log.
        context.Response.OnStarting(() =>
        {
            if (!context.Items.ContainsKey(AbortedKey)) Record(context.Response.StatusCode);
            return Task.CompletedTask;
        });
        try
        {
            await next(context);
        }
        finally
        {
            var aborted = context.Items.ContainsKey(AbortedKey) || (context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted);
            Record(aborted ? 0 : context.Response.StatusCode);
        }
    }

    /// <summary>Counts body bytes read, for bodies sent without Content-Length.</summary>
    private sealed class CountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int read)
        {
            BytesRead += read;
            return read;
        }
    }
}
