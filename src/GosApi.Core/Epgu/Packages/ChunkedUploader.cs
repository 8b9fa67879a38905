using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GosApi.Errors;
using GosApi.IO;

namespace GosApi.Epgu.Packages
{
    /// <summary>Sends one chunk; throws when the service does not accept it.</summary>
    internal delegate Task ChunkSender(ChunkSpec chunk, int chunkCount, Func<Stream> openContent, CancellationToken cancellationToken);

    /// <summary>
    /// Runs a chunk plan in the order 001 §3.4 requires: chunk 0 alone first, the middle chunks in parallel,
    /// the last chunk alone after all others — all inside the time window that starts with the first chunk.
    /// Chunks are read from disk as they are sent, so memory stays bounded whatever the archive size.
    /// </summary>
    internal sealed class ChunkedUploader
    {
        private static readonly TimeSpan ReportInterval = TimeSpan.FromMilliseconds(250);
        private readonly string path;
        private readonly ChunkPlan plan;
        private readonly long orderId;
        private readonly int throttleLimit;
        private readonly TimeSpan window;
        private readonly IProgress<UploadProgress>? progress;
        private readonly long[] sentPerChunk;
        private readonly Stopwatch clock = new Stopwatch();
        private int chunksDone;
        private long lastReportTicks;

        public ChunkedUploader(string path, ChunkPlan plan, long orderId, int throttleLimit, TimeSpan window, IProgress<UploadProgress>? progress)
        {
            this.path = path;
            this.plan = plan;
            this.orderId = orderId;
            this.throttleLimit = Math.Max(1, throttleLimit);
            this.window = window;
            this.progress = progress;
            sentPerChunk = new long[plan.Count];
        }

        public TimeSpan Elapsed => clock.Elapsed;

        public async Task RunAsync(ChunkSender send, CancellationToken cancellationToken)
        {
            clock.Start();
            await SendOneAsync(send, plan.First, cancellationToken).ConfigureAwait(false);
            if (plan.Count == 1) return;

            var middle = plan.Chunks.Skip(1).Take(plan.Count - 2).ToList();
            if (middle.Count > 0) await SendInParallelAsync(send, middle, cancellationToken).ConfigureAwait(false);

            EnsureInsideWindow();
            await SendOneAsync(send, plan.Last, cancellationToken).ConfigureAwait(false);
        }

        private async Task SendInParallelAsync(ChunkSender send, System.Collections.Generic.IReadOnlyList<ChunkSpec> chunks, CancellationToken cancellationToken)
        {
            using var failFast = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var slots = new SemaphoreSlim(throttleLimit, throttleLimit);
            var tasks = chunks.Select(async chunk =>
            {
                await slots.WaitAsync(failFast.Token).ConfigureAwait(false);
                try
                {
                    EnsureInsideWindow();
                    await SendOneAsync(send, chunk, failFast.Token).ConfigureAwait(false);
                }
                catch
                {
                    failFast.Cancel();
                    throw;
                }
                finally
                {
                    slots.Release();
                }
            }).ToList();
            try
            {
                await Task.WhenAll(tasks).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // One chunk failed and cancelled its siblings: surface the real failure, not the cancellation.
                var first = tasks.Where(t => t.IsFaulted).Select(t => t.Exception!.GetBaseException()).FirstOrDefault();
                if (first != null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
                throw;
            }
        }

        private async Task SendOneAsync(ChunkSender send, ChunkSpec chunk, CancellationToken cancellationToken)
        {
            // Every attempt opens a new window on the file; a retried chunk restarts its own byte count.
            Func<Stream> open = () =>
            {
                Interlocked.Exchange(ref sentPerChunk[chunk.Index], 0);
                return new FileSegmentStream(path, chunk.Offset, chunk.Length, read => OnBytes(chunk.Index, read));
            };
            await send(chunk, plan.Count, open, cancellationToken).ConfigureAwait(false);
            Interlocked.Exchange(ref sentPerChunk[chunk.Index], chunk.Length);
            Interlocked.Increment(ref chunksDone);
            Report(force: true);
        }

        private void OnBytes(int index, long read)
        {
            Interlocked.Add(ref sentPerChunk[index], read);
            Report(force: false);
        }

        private void Report(bool force)
        {
            if (progress == null) return;
            var now = clock.Elapsed.Ticks;
            var last = Interlocked.Read(ref lastReportTicks);
            if (!force && now - last < ReportInterval.Ticks) return;
            if (Interlocked.CompareExchange(ref lastReportTicks, now, last) != last && !force) return;
            long sent = 0;
            for (var i = 0; i < sentPerChunk.Length; i++) sent += Math.Min(Interlocked.Read(ref sentPerChunk[i]), plan.Chunks[i].Length);
            progress.Report(new UploadProgress(orderId, sent, plan.TotalBytes, Volatile.Read(ref chunksDone), plan.Count, clock.Elapsed));
        }

        private void EnsureInsideWindow()
        {
            if (clock.Elapsed <= window) return;
            throw new GosApiException(GosApiService.Epgu, GosApiErrorKind.LimitExceeded,
                $"send package failed: {clock.Elapsed.TotalSeconds:0} s have passed since the first chunk, more than the {window.TotalSeconds:0} s in which all chunks must arrive (001 §3.4)")
            {
                Hint = "Use a higher -ThrottleLimit or a faster link.",
            };
        }
    }
}
