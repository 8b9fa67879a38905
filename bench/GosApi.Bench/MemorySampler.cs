using System.Diagnostics;
using System.Runtime;

namespace GosApi.Bench;

/// <summary>What one run cost the whole process (client and in-process sandbox together).</summary>
public sealed record RunMeasurement(
    TimeSpan Wall,
    long Bytes,
    long PeakWorkingSetDelta,
    long PeakManagedDelta,
    long PeakCommittedDelta,
    long Allocated,
    TimeSpan Cpu,
    int Gen0,
    int Gen1,
    int Gen2,
    int Samples,
    TimeSpan QuietWait,
    long? PeakHeapAfterGcDelta)
{
    public double MiBPerSecond => Wall.TotalSeconds > 0 ? Bytes / (1024.0 * 1024.0) / Wall.TotalSeconds : 0;
}

/// <summary>
/// Samples the process on a dedicated thread (not the thread pool, which the upload keeps busy):
/// working set (resident set from /proc/self/statm, read without allocating; Process.WorkingSet64 elsewhere), live managed bytes (GC.GetTotalMemory(false)) and the GC's
/// committed memory (GC.GetGCMemoryInfo().TotalCommittedBytes, as of the last GC) and, when a GC happens during the
/// run, the heap size that GC left behind (GCMemoryInfo.HeapSizeBytes: live objects plus fragmentation, no garbage). The baseline is taken
/// right after an aggressive full GC, so every delta is what the run added on top of an idle process.
/// </summary>
public sealed class MemorySampler : IDisposable
{
    private readonly TimeSpan interval;
    private readonly Process process = Process.GetCurrentProcess();
    private readonly ResidentSetReader rss = new ResidentSetReader();
    private readonly Thread thread;
    private volatile bool stop;
    private long peakWorkingSet, peakManaged, peakCommitted;
    private long baseHeap, peakHeapAfterGc = long.MinValue;
    private int samples, lastGen0Count;

    private MemorySampler(TimeSpan interval)
    {
        this.interval = interval;
        thread = new Thread(Loop) { IsBackground = true, Name = "bench-memory-sampler", Priority = ThreadPriority.AboveNormal };
    }

    public static void Settle()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    /// <summary>
    /// Waits (up to 3 s) until the process is quiet — background tier-up JIT or the previous run's leftovers use under
    /// 10 ms of CPU in two 100 ms windows running — so that their CPU does not land in this run.
    /// </summary>
    public static async Task<TimeSpan> WaitUntilQuietAsync(CancellationToken ct)
    {
        using var process = Process.GetCurrentProcess();
        var clock = Stopwatch.StartNew();
        var calm = 0;
        while (clock.Elapsed < TimeSpan.FromSeconds(3) && calm < 2)
        {
            process.Refresh();
            var before = process.TotalProcessorTime;
            await Task.Delay(100, ct).ConfigureAwait(false);
            process.Refresh();
            calm = process.TotalProcessorTime - before <= TimeSpan.FromMilliseconds(10) ? calm + 1 : 0;
        }
        return clock.Elapsed;
    }

    /// <summary>Waits for quiet, settles the heap, takes the baseline, runs <paramref name="run"/> and returns the deltas.</summary>
    public static async Task<RunMeasurement> MeasureAsync(Func<Task<long>> run, CancellationToken ct, TimeSpan? interval = null)
    {
        var quiet = await WaitUntilQuietAsync(ct).ConfigureAwait(false);
        Settle();
        using var sampler = new MemorySampler(interval ?? TimeSpan.FromMilliseconds(5));
        var process = sampler.process;
        var baseWorkingSet = sampler.rss.Read();
        var baseManaged = GC.GetTotalMemory(false);
        var baseCommitted = GC.GetGCMemoryInfo().TotalCommittedBytes;
        var baseAllocated = GC.GetTotalAllocatedBytes(precise: true);
        var baseCpu = process.TotalProcessorTime;
        int g0 = GC.CollectionCount(0), g1 = GC.CollectionCount(1), g2 = GC.CollectionCount(2);
        sampler.peakWorkingSet = baseWorkingSet;
        sampler.peakManaged = baseManaged;
        sampler.peakCommitted = baseCommitted;
        sampler.baseHeap = GC.GetGCMemoryInfo().HeapSizeBytes;
        sampler.lastGen0Count = GC.CollectionCount(0);

        sampler.thread.Start();
        var clock = Stopwatch.StartNew();
        long bytes;
        try
        {
            bytes = await run().ConfigureAwait(false);
        }
        finally
        {
            clock.Stop();
            sampler.stop = true;
            sampler.thread.Join();
        }
        sampler.Sample(); // one last look before anything is collected
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - baseAllocated;
        process.Refresh();
        var cpu = process.TotalProcessorTime - baseCpu;
        return new RunMeasurement(
            clock.Elapsed, bytes,
            sampler.peakWorkingSet - baseWorkingSet,
            sampler.peakManaged - baseManaged,
            sampler.peakCommitted - baseCommitted,
            allocated, cpu,
            GC.CollectionCount(0) - g0, GC.CollectionCount(1) - g1, GC.CollectionCount(2) - g2,
            sampler.samples,
            quiet,
            sampler.peakHeapAfterGc == long.MinValue ? null : sampler.peakHeapAfterGc - sampler.baseHeap);
    }

    private void Loop()
    {
        while (!stop)
        {
            Sample();
            Thread.Sleep(interval);
        }
    }

    private void Sample()
    {
        peakWorkingSet = Math.Max(peakWorkingSet, rss.Read());
        peakManaged = Math.Max(peakManaged, GC.GetTotalMemory(false));
        // Committed bytes change only at a GC; GetGCMemoryInfo allocates a little, so look every 10th sample.
        if (samples % 10 == 0) peakCommitted = Math.Max(peakCommitted, GC.GetGCMemoryInfo().TotalCommittedBytes);
        // After each GC (every GC counts as gen0), the heap size it left: what the run keeps alive, garbage excluded.
        var gen0 = GC.CollectionCount(0);
        if (gen0 != lastGen0Count)
        {
            lastGen0Count = gen0;
            peakHeapAfterGc = Math.Max(peakHeapAfterGc, GC.GetGCMemoryInfo().HeapSizeBytes);
        }
        samples++;
    }

    public void Dispose()
    {
        rss.Dispose();
        process.Dispose();
    }
}

/// <summary>
/// The working set without allocating: Process.Refresh()+WorkingSet64 allocates ~25 KB per call on Linux, which at
/// 200 samples a second would show up in the very numbers being measured. Reads /proc/self/statm (resident pages)
/// into a reused buffer; falls back to Process.WorkingSet64 where there is no procfs.
/// </summary>
internal sealed class ResidentSetReader : IDisposable
{
    private readonly Microsoft.Win32.SafeHandles.SafeFileHandle? statm;
    private readonly byte[] buffer = new byte[256];
    private readonly Process? fallback;

    public ResidentSetReader()
    {
        try { statm = File.OpenHandle("/proc/self/statm", FileMode.Open, FileAccess.Read); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { fallback = Process.GetCurrentProcess(); }
    }

    public long Read()
    {
        if (statm == null)
        {
            fallback!.Refresh();
            return fallback.WorkingSet64;
        }
        var length = RandomAccess.Read(statm, buffer, 0);
        // "size resident shared text lib data dt", in pages
        var i = 0;
        while (i < length && buffer[i] != ' ') i++;
        i++;
        long pages = 0;
        while (i < length && buffer[i] >= '0' && buffer[i] <= '9') pages = pages * 10 + (buffer[i++] - '0');
        return pages * Environment.SystemPageSize;
    }

    public void Dispose()
    {
        statm?.Dispose();
        fallback?.Dispose();
    }
}
