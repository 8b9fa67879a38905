using System.Collections.Concurrent;
using GosApi.Epgu.Packages;
using GosApi.Errors;
using Xunit;

namespace GosApi.Core.Tests.Epgu;

public class ChunkedUploaderTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>IProgress that records synchronously on the reporting thread (Progress&lt;T&gt; would post later).</summary>
    private sealed class ProgressLog : IProgress<UploadProgress>
    {
        private readonly ConcurrentQueue<UploadProgress> reports = new();
        public void Report(UploadProgress value) => reports.Enqueue(value);
        public IReadOnlyList<UploadProgress> Reports => reports.ToList();
    }

    /// <summary>
    /// A chunk sender that really reads each chunk from disk and records when each call started and ended
    /// (one global sequence), how many calls were in flight, and what each call received.
    /// </summary>
    private sealed class RecordingSender
    {
        private long sequence;
        private int inFlight;
        private int maxInFlight;

        public Func<ChunkSpec, CancellationToken, Task> Work { get; set; } = (_, ct) => Task.Delay(15, ct);
        public ConcurrentDictionary<int, long> Started { get; } = new();
        public ConcurrentDictionary<int, long> Ended { get; } = new();
        public ConcurrentDictionary<int, byte[]> Received { get; } = new();
        public ConcurrentDictionary<int, int> CountArgument { get; } = new();
        public ConcurrentBag<int> SawCancellation { get; } = new();
        public int MaxInFlight => Volatile.Read(ref maxInFlight);

        public async Task Send(ChunkSpec chunk, int chunkCount, Func<Stream> openContent, CancellationToken cancellationToken)
        {
            Started[chunk.Index] = Interlocked.Increment(ref sequence);
            CountArgument[chunk.Index] = chunkCount;
            var now = Interlocked.Increment(ref inFlight);
            int seen;
            while (now > (seen = Volatile.Read(ref maxInFlight)) && Interlocked.CompareExchange(ref maxInFlight, now, seen) != seen) { }
            try
            {
                using (var stream = openContent())
                using (var copy = new MemoryStream())
                {
                    await stream.CopyToAsync(copy, 256, cancellationToken);
                    Received[chunk.Index] = copy.ToArray();
                }
                await Work(chunk, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                SawCancellation.Add(chunk.Index);
                throw;
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
                Ended[chunk.Index] = Interlocked.Increment(ref sequence);
            }
        }
    }

    private (string Path, byte[] Content, ChunkPlan Plan) Archive(int bytes, int chunkSize)
    {
        var content = TempDirectory.Pattern(bytes);
        var path = temp.Write("package.zip", content);
        return (path, content, ChunkPlan.Create(bytes, 1, chunkSize));
    }

    [Fact]
    public async Task Chunk_zero_goes_alone_first_and_the_last_alone_after_all_others()
    {
        var (path, content, plan) = Archive(10_050, 1000); // 11 chunks, the last one 50 bytes
        var sender = new RecordingSender();
        var uploader = new ChunkedUploader(path, plan, 764255248, throttleLimit: 4, TimeSpan.FromMinutes(5), progress: null);

        await uploader.RunAsync(sender.Send, Ct);

        Assert.Equal(11, plan.Count);
        Assert.Equal(Enumerable.Range(0, 11), sender.Started.Keys.OrderBy(k => k));
        var middle = Enumerable.Range(1, 9).ToList();
        Assert.True(sender.Ended[0] < middle.Min(i => sender.Started[i]), "a middle chunk started before chunk 0 had finished");
        Assert.True(sender.Started[10] > middle.Max(i => sender.Ended[i]), "the last chunk started before all middle chunks had finished");
        Assert.All(sender.CountArgument.Values, c => Assert.Equal(11, c));
        Assert.Equal(content, Enumerable.Range(0, 11).SelectMany(i => sender.Received[i]).ToArray());
        Assert.Equal(50, sender.Received[10].Length);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public async Task Middle_chunks_run_in_parallel_but_never_more_than_the_throttle_limit(int throttleLimit)
    {
        var (path, _, plan) = Archive(20 * 100, 100); // 20 chunks, 18 in the middle
        var sender = new RecordingSender { Work = (_, ct) => Task.Delay(40, ct) };
        var uploader = new ChunkedUploader(path, plan, 1, throttleLimit, TimeSpan.FromMinutes(5), null);

        await uploader.RunAsync(sender.Send, Ct);

        Assert.Equal(20, sender.Ended.Count);
        Assert.True(sender.MaxInFlight <= throttleLimit, $"{sender.MaxInFlight} chunks were in flight with -ThrottleLimit {throttleLimit}");
        if (throttleLimit > 1) Assert.True(sender.MaxInFlight >= 2, "the middle chunks were sent one by one");
    }

    [Fact]
    public async Task A_single_chunk_archive_is_one_call()
    {
        var (path, content, plan) = Archive(500, 1000);
        var sender = new RecordingSender();
        var progress = new ProgressLog();

        await new ChunkedUploader(path, plan, 1, 4, TimeSpan.FromMinutes(5), progress).RunAsync(sender.Send, Ct);

        Assert.Equal(new[] { 0 }, sender.Started.Keys);
        Assert.Equal(1, sender.CountArgument[0]);
        Assert.Equal(content, sender.Received[0]);
        Assert.Equal(100, progress.Reports.Last().PercentComplete);
    }

    [Fact]
    public async Task Two_chunks_have_no_middle()
    {
        var (path, _, plan) = Archive(1500, 1000);
        var sender = new RecordingSender();

        await new ChunkedUploader(path, plan, 1, 4, TimeSpan.FromMinutes(5), null).RunAsync(sender.Send, Ct);

        Assert.True(sender.Ended[0] < sender.Started[1]);
        Assert.Equal(2, sender.CountArgument[1]);
    }

    [Fact]
    public async Task A_failed_middle_chunk_cancels_the_others_and_its_own_exception_surfaces()
    {
        var (path, _, plan) = Archive(12 * 100, 100); // 12 chunks
        var sender = new RecordingSender
        {
            Work = async (chunk, ct) =>
            {
                if (chunk.Index == 3)
                {
                    await Task.Delay(50, ct);
                    throw new InvalidOperationException("chunk 3 rejected by the service");
                }
                if (chunk.Index != 0) await Task.Delay(TimeSpan.FromSeconds(20), ct);
            },
        };
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var error = await Record.ExceptionAsync(() => new ChunkedUploader(path, plan, 1, 4, TimeSpan.FromMinutes(5), null).RunAsync(sender.Send, Ct));

        Assert.IsType<InvalidOperationException>(error);
        Assert.Equal("chunk 3 rejected by the service", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the siblings were not cancelled: {clock.Elapsed}");
        Assert.False(sender.Started.ContainsKey(11), "the last chunk was sent after a failure");
        var siblings = sender.Started.Keys.Where(i => i != 0 && i != 3).ToList();
        Assert.NotEmpty(siblings);
        Assert.All(siblings, i => Assert.Contains(i, sender.SawCancellation));
        Assert.True(sender.Started.Count < 12, "every chunk was started although one had failed");
    }

    [Fact]
    public async Task A_GosApiException_of_a_middle_chunk_surfaces_unchanged()
    {
        var (path, _, plan) = Archive(6 * 100, 100);
        var failure = new GosApiException(GosApiService.Epgu, GosApiErrorKind.ServiceUnavailable, "send chunk 2 of 6 failed: Service unavailable") { StatusCode = 503 };
        var sender = new RecordingSender
        {
            Work = async (chunk, ct) =>
            {
                if (chunk.Index == 2) throw failure;
                if (chunk.Index != 0) await Task.Delay(TimeSpan.FromSeconds(20), ct);
            },
        };

        var error = await Assert.ThrowsAsync<GosApiException>(() => new ChunkedUploader(path, plan, 1, 2, TimeSpan.FromMinutes(5), null).RunAsync(sender.Send, Ct));

        Assert.Same(failure, error);
        Assert.False(sender.Started.ContainsKey(5));
    }

    [Fact]
    public async Task A_failed_first_chunk_stops_everything()
    {
        var (path, _, plan) = Archive(500, 100);
        var sender = new RecordingSender { Work = (chunk, _) => chunk.Index == 0 ? throw new IOException("no route") : Task.CompletedTask };

        await Assert.ThrowsAsync<IOException>(() => new ChunkedUploader(path, plan, 1, 4, TimeSpan.FromMinutes(5), null).RunAsync(sender.Send, Ct));

        Assert.Equal(new[] { 0 }, sender.Started.Keys);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_a_cancellation()
    {
        var (path, _, plan) = Archive(500, 100);
        var sender = new RecordingSender { Work = (chunk, ct) => chunk.Index == 0 ? Task.CompletedTask : Task.Delay(TimeSpan.FromSeconds(20), ct) };
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cancel.CancelAfter(100);

        var error = await Record.ExceptionAsync(() => new ChunkedUploader(path, plan, 1, 4, TimeSpan.FromMinutes(5), null).RunAsync(sender.Send, cancel.Token));

        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.False(sender.Started.ContainsKey(4));
    }

    [Fact]
    public async Task Window_expired_after_the_first_chunk_is_a_GosApiException_and_nothing_more_is_sent()
    {
        var (path, _, plan) = Archive(500, 100);
        var sender = new RecordingSender { Work = (chunk, ct) => chunk.Index == 0 ? Task.Delay(300, ct) : Task.CompletedTask };

        var error = await Assert.ThrowsAsync<GosApiException>(() =>
            new ChunkedUploader(path, plan, 1, 4, TimeSpan.FromMilliseconds(150), null).RunAsync(sender.Send, Ct));

        Assert.Equal(GosApiErrorKind.LimitExceeded, error.Kind);
        Assert.Equal(GosApiService.Epgu, error.Service);
        Assert.Contains("001 §3.4", error.Message);
        Assert.Contains("-ThrottleLimit", error.Message);
        Assert.Equal(new[] { 0 }, sender.Started.Keys);
    }

    [Fact]
    public async Task Window_expired_before_the_last_chunk_of_two()
    {
        var (path, _, plan) = Archive(150, 100);
        var sender = new RecordingSender { Work = (chunk, ct) => Task.Delay(300, ct) };

        var error = await Assert.ThrowsAsync<GosApiException>(() =>
            new ChunkedUploader(path, plan, 1, 4, TimeSpan.FromMilliseconds(150), null).RunAsync(sender.Send, Ct));

        Assert.Equal(GosApiErrorKind.LimitExceeded, error.Kind);
        Assert.False(sender.Started.ContainsKey(1));
    }

    [Fact]
    public async Task Window_expiring_among_the_middle_chunks_stops_the_upload()
    {
        var (path, _, plan) = Archive(12 * 100, 100);
        var sender = new RecordingSender { Work = (chunk, ct) => Task.Delay(80, ct) };

        var error = await Assert.ThrowsAsync<GosApiException>(() =>
            new ChunkedUploader(path, plan, 1, throttleLimit: 1, TimeSpan.FromMilliseconds(300), null).RunAsync(sender.Send, Ct));

        Assert.Equal(GosApiErrorKind.LimitExceeded, error.Kind);
        Assert.False(sender.Started.ContainsKey(11));
        Assert.True(sender.Started.Count < 11);
    }

    [Fact]
    public async Task Progress_reaches_100_percent_and_never_overshoots()
    {
        var (path, _, plan) = Archive(10_000, 1000);
        var sender = new RecordingSender();
        var progress = new ProgressLog();
        var uploader = new ChunkedUploader(path, plan, 2058864134, 3, TimeSpan.FromMinutes(5), progress);

        await uploader.RunAsync(sender.Send, Ct);

        var reports = progress.Reports;
        Assert.True(reports.Count >= plan.Count, $"{reports.Count} reports for {plan.Count} chunks");
        var last = reports.Last();
        Assert.Equal(100, last.PercentComplete);
        Assert.Equal(10_000, last.BytesSent);
        Assert.Equal(10_000, last.TotalBytes);
        Assert.Equal(plan.Count, last.ChunksDone);
        Assert.Equal(plan.Count, last.ChunkCount);
        Assert.Equal(2058864134, last.OrderId);
        Assert.All(reports, r => Assert.InRange(r.BytesSent, 0, 10_000));
        Assert.All(reports, r => Assert.InRange(r.ChunksDone, 1, plan.Count));
        Assert.True(uploader.Elapsed > TimeSpan.Zero);
    }

    [Fact]
    public async Task A_chunk_read_twice_by_a_retry_is_not_counted_twice()
    {
        var (path, _, plan) = Archive(3000, 1000);
        var progress = new ProgressLog();
        async Task Send(ChunkSpec chunk, int count, Func<Stream> open, CancellationToken ct)
        {
            if (chunk.Index == 1)
            {
                using var first = open();
                await first.ReadAsync(new byte[600], 0, 600, ct); // the first attempt died after 600 bytes
            }
            using var stream = open();
            await stream.CopyToAsync(Stream.Null, 100, ct);
        }

        await new ChunkedUploader(path, plan, 1, 4, TimeSpan.FromMinutes(5), progress).RunAsync(Send, Ct);

        Assert.All(progress.Reports, r => Assert.InRange(r.BytesSent, 0, 3000));
        Assert.Equal(3000, progress.Reports.Last().BytesSent);
    }
}
