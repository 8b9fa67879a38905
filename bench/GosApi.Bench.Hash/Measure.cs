using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Microsoft.Win32.SafeHandles;

namespace GosApi.Bench.Hash;

/// <summary>One run of one case. Null where a number cannot be had (e.g. CPU of openssl without /usr/bin/time).</summary>
public sealed record Run(
    TimeSpan Wall,
    TimeSpan? Cpu,
    long? PeakRss,
    long? PeakRssDelta,
    long? Allocated,
    string Digest,
    int? Gen0 = null,
    int? Gen1 = null,
    int? Gen2 = null);

/// <summary>
/// Resident set size of this process from /proc/self/statm, read with pread into a buffer allocated once
/// (so that sampling does not allocate — the sampler runs during the measured hash). Elsewhere falls back to
/// <see cref="Environment.WorkingSet"/>.
/// </summary>
public sealed class ResidentSet : IDisposable
{
    private readonly SafeFileHandle? handle;
    private readonly byte[] buffer = new byte[256];
    private readonly long pageSize = Environment.SystemPageSize;

    public ResidentSet()
    {
        try { handle = File.OpenHandle("/proc/self/statm", FileMode.Open, FileAccess.Read); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or PlatformNotSupportedException) { handle = null; }
    }

    public long Read()
    {
        if (handle == null) return Environment.WorkingSet;
        var n = RandomAccess.Read(handle, buffer, 0);
        // statm: size resident shared text lib data dt (pages); we want the second number.
        var i = 0;
        while (i < n && buffer[i] != ' ') i++;
        i++;
        long pages = 0;
        while (i < n && buffer[i] >= '0' && buffer[i] <= '9') pages = pages * 10 + (buffer[i++] - '0');
        return pages * pageSize;
    }

    public void Dispose() => handle?.Dispose();
}

public static class Measure
{
    /// <summary>Full blocking compacting GC twice, so each run starts from the same heap.</summary>
    public static void Settle()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    /// <summary>
    /// Runs <paramref name="hash"/> in this process while a dedicated thread samples the resident set every
    /// 5 ms; returns wall time, process CPU time, peak RSS (absolute and over the settled baseline), bytes
    /// allocated and GC counts.
    /// </summary>
    public static Run InProcess(Func<byte[]> hash)
    {
        Settle();
        using var rss = new ResidentSet();
        using var process = Process.GetCurrentProcess();
        var baseRss = rss.Read();
        var peak = baseRss;
        var stop = false;
        var sampler = new Thread(() =>
        {
            while (!Volatile.Read(ref stop))
            {
                var now = rss.Read();
                if (now > Volatile.Read(ref peak)) Volatile.Write(ref peak, now);
                Thread.Sleep(5);
            }
        }) { IsBackground = true, Name = "bench-rss-sampler", Priority = ThreadPriority.AboveNormal };

        int g0 = GC.CollectionCount(0), g1 = GC.CollectionCount(1), g2 = GC.CollectionCount(2);
        var baseAllocated = GC.GetTotalAllocatedBytes(precise: true);
        process.Refresh();
        var baseCpu = process.TotalProcessorTime;
        sampler.Start();
        var clock = Stopwatch.StartNew();
        byte[] digest;
        try
        {
            digest = hash();
        }
        finally
        {
            clock.Stop();
            Volatile.Write(ref stop, true);
            sampler.Join();
        }
        var last = rss.Read();
        if (last > peak) peak = last;
        process.Refresh();
        var cpu = process.TotalProcessorTime - baseCpu;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - baseAllocated;
        return new Run(clock.Elapsed, cpu, peak, peak - baseRss, allocated, Convert.ToHexStringLower(digest),
            GC.CollectionCount(0) - g0, GC.CollectionCount(1) - g1, GC.CollectionCount(2) - g2);
    }

    /// <summary>
    /// Runs a program and takes its digest from the last "= hex" or bare hex on stdout (unless
    /// <paramref name="expectDigest"/> is false: then Digest is empty). With /usr/bin/time (GNU time) also its
    /// user+system CPU and maximum resident set; without it only wall time. <paramref name="environment"/> is added
    /// to the child's environment (e.g. OPENSSL_CONF).
    /// </summary>
    public static Run External(string? timeTool, string program, IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null, bool expectDigest = true)
    {
        var timeFile = timeTool != null ? Path.Combine(Path.GetTempPath(), $"gosapi-bench-time-{Guid.NewGuid():N}.txt") : null;
        var start = new ProcessStartInfo
        {
            FileName = timeTool ?? program,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (timeTool != null)
        {
            foreach (var a in new[] { "-f", "%e %U %S %M", "-o", timeFile!, program }) start.ArgumentList.Add(a);
        }
        foreach (var a in arguments) start.ArgumentList.Add(a);
        if (environment != null) foreach (var (k, v) in environment) start.Environment[k] = v;

        try
        {
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
            var stderrTask = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            clock.Stop();
            var stderr = stderrTask.GetAwaiter().GetResult();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{program} exited with {process.ExitCode}: {FirstLine(stderr)}{FirstLine(stdout)}");
            }
            var digest = !expectDigest ? "" : ParseDigest(stdout) ?? throw new InvalidOperationException($"no digest in the output of {program}: {FirstLine(stdout)} {FirstLine(stderr)}");

            TimeSpan? cpu = null;
            long? maxRss = null;
            if (timeFile != null && File.Exists(timeFile))
            {
                // GNU time may prepend "Command exited with non-zero status"; the numbers are on the last line.
                var line = File.ReadAllLines(timeFile).LastOrDefault(l => l.Trim().Length > 0) ?? "";
                var parts = line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 4
                    && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var user)
                    && double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var system)
                    && long.TryParse(parts[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var kib))
                {
                    cpu = TimeSpan.FromSeconds(user + system);
                    maxRss = kib * 1024;
                }
            }
            return new Run(clock.Elapsed, cpu, maxRss, null, null, digest);
        }
        finally
        {
            if (timeFile != null) File.Delete(timeFile);
        }
    }

    /// <summary>"md_gost12_256(file)= 3f53…" → "3f53…"; also a bare hex line.</summary>
    public static string? ParseDigest(string stdout)
    {
        foreach (var raw in stdout.Split('\n').Reverse())
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            var eq = line.LastIndexOf("= ", StringComparison.Ordinal);
            var candidate = eq >= 0 ? line[(eq + 2)..].Trim() : line;
            if (candidate.Length is 64 or 128 && candidate.All(Uri.IsHexDigit)) return candidate.ToLowerInvariant();
        }
        return null;
    }

    internal static string FirstLine(string text)
    {
        var line = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
        return line.Length > 200 ? line[..200] + "…" : line;
    }
}
