using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;

namespace GosApi.Bench;

/// <summary>Markdown: the main table (medians), GosApi over the plain client, the size comparison, errors.</summary>
public static class Report
{
    private const double MiB = 1024 * 1024;

    public static void Print(TextWriter o, Settings s, Dictionary<Case, CaseResult> main, Dictionary<Case, CaseResult>? scaling, string? liveSet,
        TimeSpan total, string loadBefore, string loadAfter)
    {
        o.WriteLine($"### Upload benchmark — {s.SizeMiB} MiB archive, {Epgu.ChunkCount(s.SizeMiB * 1024L * 1024)} chunks of ≤ {Epgu.ChunkSize / MiB:0} MiB, median of {s.Repeat}");
        o.WriteLine();
        o.WriteLine($"- date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; total bench time {total.TotalSeconds:0} s; load average before {loadBefore}, after {loadAfter}");
        o.WriteLine($"- machine: {CpuModel()}, {Environment.ProcessorCount} logical cores, {TotalMemoryGiB()} RAM; {RuntimeInformation.OSDescription}");
        o.WriteLine($"- runtime: {RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC, concurrent {(GCSettings.LatencyMode != GCLatencyMode.Batch ? "on" : "off")}");
        o.WriteLine("- one process: client **and** in-process sandbox (Kestrel on 127.0.0.1, chunks streamed to its temp storage) — every memory column counts both");
        o.WriteLine();
        o.WriteLine("| case | parallel | wall s, median (min–max) | MiB/s | CPU s | peak working set Δ MiB | peak managed Δ MiB | peak GC committed Δ MiB | allocated MiB | GCs gen0/1/2 |");
        o.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (c, r) in main) o.WriteLine(Row(c, r));
        o.WriteLine();

        var pairs = new (string gosApi, string plain)[] { ("gosapi-tl1", "plain-p1"), ("gosapi-tl2", "plain-p2"), ("gosapi-tl4", "plain-p4") };
        o.WriteLine("GosApi minus the plain client at the same parallelism (medians; the sandbox's share cancels out):");
        o.WriteLine();
        o.WriteLine("| parallel | wall s | CPU s | peak working set MiB | peak managed MiB | allocated MiB |");
        o.WriteLine("|---|---|---|---|---|---|");
        foreach (var (g, p) in pairs)
        {
            var gr = Find(main, g);
            var pr = Find(main, p);
            if (gr == null || pr == null || gr.Runs.Count == 0 || pr.Runs.Count == 0) continue;
            o.WriteLine($"| {g[^1]} | {Signed(Median(gr, m => m.Wall.TotalSeconds) - Median(pr, m => m.Wall.TotalSeconds))} | "
                + $"{Signed(Median(gr, m => m.Cpu.TotalSeconds) - Median(pr, m => m.Cpu.TotalSeconds))} | "
                + $"{Signed((Median(gr, m => m.PeakWorkingSetDelta) - Median(pr, m => m.PeakWorkingSetDelta)) / MiB)} | "
                + $"{Signed((Median(gr, m => m.PeakManagedDelta) - Median(pr, m => m.PeakManagedDelta)) / MiB)} | "
                + $"{Signed((Median(gr, m => m.Allocated) - Median(pr, m => m.Allocated)) / MiB)} |");
        }
        o.WriteLine();

        if (scaling != null)
        {
            o.WriteLine($"Does memory follow the archive size? The same cases at {s.ScalingMiB} MiB and {s.SizeMiB} MiB, default GC settings (medians):");
            o.WriteLine();
            PrintScaling(o, s, scaling, main);
        }

        if (liveSet != null)
        {
            o.WriteLine($"The same again in a second process with a {s.Gen0MiB} MiB gen0 budget (DOTNET_GCgen0size), so that garbage is collected "
                + "as it is made and the peaks show what stays alive:");
            o.WriteLine();
            o.Write(liveSet);
        }
        else if (scaling != null && s.Gen0MiB > 0)
        {
            o.WriteLine("The live-set pass (second process, small gen0 budget) produced no output; see stderr.");
            o.WriteLine();
        }

        o.WriteLine("On the wire (first chunk request of each client, as the sandbox recorded it):");
        o.WriteLine();
        foreach (var (label, wire) in Runner.Wire.Where(w => w.Key.Contains("sequential") || w.Key.Contains("ThrottleLimit 1")))
            o.WriteLine($"- {label}: {wire}");
        o.WriteLine();

        PrintErrors(o, main.Concat(scaling ?? new()));
    }

    public static void PrintScaling(TextWriter o, Settings s, Dictionary<Case, CaseResult> small, Dictionary<Case, CaseResult> big)
    {
        var extraChunks = Epgu.ChunkCount(s.SizeMiB * 1024L * 1024) - Epgu.ChunkCount(s.ScalingMiB * 1024L * 1024);
        o.WriteLine($"| case | peak working set Δ MiB, {s.ScalingMiB} → {s.SizeMiB} | peak managed Δ MiB, {s.ScalingMiB} → {s.SizeMiB} | "
            + $"peak GC committed Δ MiB, {s.ScalingMiB} → {s.SizeMiB} | peak heap after a GC Δ MiB, {s.ScalingMiB} → {s.SizeMiB} | allocated MiB, {s.ScalingMiB} → {s.SizeMiB} | allocated KiB per extra 5 MiB chunk | GCs gen0/1/2 at {s.SizeMiB} |");
        o.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var (c, sm) in small)
        {
            var bg = Find(big, c.Name);
            if (bg == null || sm.Runs.Count == 0 || bg.Runs.Count == 0) continue;
            var perChunk = extraChunks > 0 ? (Median(bg, m => m.Allocated) - Median(sm, m => m.Allocated)) / 1024 / extraChunks : double.NaN;
            o.WriteLine($"| {c.Label} | {Pair(sm, bg, m => m.PeakWorkingSetDelta / MiB)} | {Pair(sm, bg, m => m.PeakManagedDelta / MiB)} | "
                + $"{Pair(sm, bg, m => m.PeakCommittedDelta / MiB)} | {AfterGc(sm)} → {AfterGc(bg)} | {Pair(sm, bg, m => m.Allocated / MiB)} | {perChunk:0} | "
                + $"{Median(bg, m => m.Gen0):0}/{Median(bg, m => m.Gen1):0}/{Median(bg, m => m.Gen2):0} |");
        }
        o.WriteLine();
    }

    public static void PrintErrors(TextWriter o, IEnumerable<KeyValuePair<Case, CaseResult>> results, bool silentWhenNone = false)
    {
        var errors = results.Where(kv => kv.Value.Errors.Count > 0).ToList();
        if (errors.Count == 0 && silentWhenNone) return;
        if (errors.Count == 0)
        {
            o.WriteLine("No errors: every run created one order and the sandbox answered 206 to each non-last chunk and 200 to the last.");
        }
        else
        {
            o.WriteLine("Errors (exact text):");
            o.WriteLine();
            foreach (var (c, r) in errors)
                foreach (var e in r.Errors) o.WriteLine($"- {c.Label}: `{e}`");
        }
        o.WriteLine();
    }

    private static string Row(Case c, CaseResult r)
    {
        if (r.Runs.Count == 0) return $"| {c.Label} | {c.Parallel} | failed ({r.Errors.Count} error(s)) | | | | | | | |";
        var wall = r.Runs.Select(m => m.Wall.TotalSeconds).ToList();
        var throughput = c.Create == null ? "–" : F1(Median(r, m => m.MiBPerSecond));
        var failed = r.Errors.Count > 0 ? $" ({r.Errors.Count} failed)" : "";
        return $"| {c.Label} | {c.Parallel} | {F2(Median(r, m => m.Wall.TotalSeconds))} ({F2(wall.Min())}–{F2(wall.Max())}){failed} | {throughput} | "
            + $"{F2(Median(r, m => m.Cpu.TotalSeconds))} | {F1(Median(r, m => m.PeakWorkingSetDelta) / MiB)} | {F1(Median(r, m => m.PeakManagedDelta) / MiB)} | "
            + $"{F1(Median(r, m => m.PeakCommittedDelta) / MiB)} | {F1(Median(r, m => m.Allocated) / MiB)} | "
            + $"{Median(r, m => m.Gen0):0}/{Median(r, m => m.Gen1):0}/{Median(r, m => m.Gen2):0} |";
    }

    /// <summary>Median over the runs in which a GC happened; "no GC" when none did.</summary>
    private static string AfterGc(CaseResult r)
    {
        var values = r.Runs.Where(m => m.PeakHeapAfterGcDelta.HasValue).Select(m => m.PeakHeapAfterGcDelta!.Value / MiB).OrderBy(v => v).ToList();
        if (values.Count == 0) return "no GC";
        var mid = values.Count / 2;
        var median = values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
        return F1(median) + (values.Count < r.Runs.Count ? $" ({values.Count} of {r.Runs.Count} runs)" : "");
    }

    private static CaseResult? Find(Dictionary<Case, CaseResult> results, string name) => results.FirstOrDefault(kv => kv.Key.Name == name).Value;

    private static string Pair(CaseResult small, CaseResult big, Func<RunMeasurement, double> metric) => $"{F1(Median(small, metric))} → {F1(Median(big, metric))}";

    public static double Median(CaseResult r, Func<RunMeasurement, double> metric)
    {
        var values = r.Runs.Select(metric).OrderBy(v => v).ToList();
        if (values.Count == 0) return double.NaN;
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    private static string F1(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
    private static string F2(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);
    private static string Signed(double v) => (v >= 0 ? "+" : "") + v.ToString("0.0#", CultureInfo.InvariantCulture);

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            if (line != null) return line[(line.IndexOf(':') + 1)..].Trim();
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return RuntimeInformation.ProcessArchitecture.ToString();
    }

    private static string TotalMemoryGiB() => (GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024)).ToString("0", CultureInfo.InvariantCulture) + " GiB";
}
