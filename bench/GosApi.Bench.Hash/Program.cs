using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using GosApi.Bench.Hash;
using GosApi.Crypto.Hashing;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;

// Streebog hashing benchmark: GosApi's Streebog against BouncyCastle's and openssl's gost engine, same file, same run.
// dotnet run -c Release --project bench/GosApi.Bench.Hash -- [--size-mib 200] [--repeat 3] [--scaling-mib 50]
// With --sign: detached GOST signatures instead (GosApi's SoftwareGostSigner against openssl cms -sign), see Sign.cs.
// Markdown goes to stdout, progress to stderr. See bench/README.md, "Streebog hashing" and "Detached GOST signatures".

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

// Internal mode: hash one file and print the hex digest. The bench starts itself this way to measure a whole
// .NET process (runtime included) the same way it measures openssl.
if (args.Length == 3 && args[0] == "--hash-only")
{
    Console.WriteLine(GostHash.ToHex(GostHash.ComputeFile(args[1], int.Parse(args[2], CultureInfo.InvariantCulture))));
    return 0;
}

// Internal mode: one detached signature in a fresh process (the own-process row of --sign).
if (args.Length == 5 && args[0] == "--sign-only")
{
    return SignBench.SignOnly(args[1], args[2], args[3], args[4]);
}

var settings = Settings.Parse(args);
if (settings == null) return 2;
if (settings.Sign)
{
    return SignBench.Run(settings, FindTimeTool(), Log, WriteRandomFile, LoadAverage);
}

const long MiB = 1024 * 1024;
var total = Stopwatch.StartNew();
var files = new List<string>();
try
{
    var loadBefore = LoadAverage();
    var file = TempFile("main");
    files.Add(file);
    Log($"writing {settings.SizeMiB} MiB of random bytes to {file}");
    WriteRandomFile(file, settings.SizeMiB * MiB);
    string? scalingFile = null;
    if (settings.ScalingMiB > 0)
    {
        scalingFile = TempFile("scaling");
        files.Add(scalingFile);
        WriteRandomFile(scalingFile, settings.ScalingMiB * MiB);
    }
    var emptyFile = TempFile("empty");
    files.Add(emptyFile);
    WriteRandomFile(emptyFile, 0);
    var warmupFile = TempFile("warmup");
    files.Add(warmupFile);
    WriteRandomFile(warmupFile, 16 * MiB);

    var timeTool = FindTimeTool();
    var openssl = settings.NoOpenssl ? new OpensslStatus(false, "skipped (--no-openssl)", null) : ProbeOpenssl(warmupFile, timeTool);
    Log($"/usr/bin/time: {(timeTool ?? "not found")}; openssl: {openssl.Description}");

    var libraryProblem = settings.NoOpenssl ? "skipped (--no-openssl)" : OpensslLibrary.TryInitialise();
    Log($"openssl library in-process: {libraryProblem ?? "gost engine loaded"}");
    var cases = Case.All(openssl.Usable, libraryProblem == null, timeTool != null).ToList();

    // Warm-up: every in-process path twice, so that the measured runs use tier-1 code.
    Log("warm-up");
    foreach (var c in cases.Where(c => c.Kind is Kind.GosApi or Kind.BouncyCastle or Kind.OpensslLibrary))
    {
        c.Execute(warmupFile, timeTool);
        c.Execute(warmupFile, timeTool);
    }

    var results = cases.ToDictionary(c => c, _ => new CaseResult());
    for (var rep = 1; rep <= settings.Repeat; rep++)
    {
        // Round-robin, so that drift in machine load hits every case alike.
        foreach (var c in cases)
        {
            var r = results[c];
            try
            {
                var run = c.Execute(file, timeTool);
                r.Runs.Add(run);
                Log($"{rep}/{settings.Repeat} {c.Name}: {run.Wall.TotalSeconds:0.00} s, {settings.SizeMiB / run.Wall.TotalSeconds:0.0} MiB/s");
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                r.Errors.Add(ex.Message);
                Log($"{rep}/{settings.Repeat} {c.Name}: FAILED {ex.Message}");
            }
        }
    }

    // Does memory follow the file size? GosApi at an empty file and at the second size, in this process and as its
    // own process (whose empty-file run is the .NET runtime's own footprint).
    Dictionary<Case, CaseResult>? empty = null, scaling = null;
    if (scalingFile != null)
    {
        var scalingCases = cases.Where(c => c.Kind is Kind.GosApi or Kind.GosApiProcess && c.Bits == 256).ToList();
        empty = scalingCases.ToDictionary(c => c, _ => new CaseResult());
        scaling = scalingCases.ToDictionary(c => c, _ => new CaseResult());
        for (var rep = 1; rep <= settings.Repeat; rep++)
        {
            foreach (var c in scalingCases)
            {
                foreach (var (target, path) in new[] { (empty, emptyFile), (scaling, scalingFile) })
                {
                    try
                    {
                        target[c].Runs.Add(c.Execute(path, timeTool));
                    }
                    catch (Exception ex) when (ex is not OutOfMemoryException)
                    {
                        target[c].Errors.Add(ex.Message);
                    }
                }
            }
        }
        Log("scaling runs done");
    }

    var failed = Report.Print(Console.Out, settings, results, empty, scaling, openssl, libraryProblem, timeTool, total.Elapsed, loadBefore, LoadAverage());
    return failed ? 1 : 0;
}
finally
{
    foreach (var f in files)
    {
        try { File.Delete(f); } catch (IOException) { }
    }
}

static string TempFile(string tag) => Path.Combine(Path.GetTempPath(), $"gosapi-bench-hash-{tag}-{Guid.NewGuid():N}.bin");

static void WriteRandomFile(string path, long bytes)
{
    var buffer = new byte[1 << 20];
    using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1);
    for (long written = 0; written < bytes; written += buffer.Length)
    {
        var n = (int)Math.Min(buffer.Length, bytes - written);
        FillRandom(buffer.AsSpan(0, n));
        file.Write(buffer, 0, n);
    }
}

static void FillRandom(Span<byte> span) => System.Security.Cryptography.RandomNumberGenerator.Fill(span);

static string? FindTimeTool()
{
    const string path = "/usr/bin/time";
    if (!File.Exists(path)) return null;
    try
    {
        // GNU time understands -f and -o; BusyBox and the shell keyword do not behave alike, so check.
        var run = Measure.External(path, "/bin/echo", new[] { new string('0', 64) });
        return run.PeakRss != null ? path : null;
    }
    catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or IOException)
    {
        return null;
    }
}

static OpensslStatus ProbeOpenssl(string file, string? timeTool)
{
    string version;
    try
    {
        var start = new ProcessStartInfo("openssl", "version") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var p = Process.Start(start)!;
        version = p.StandardOutput.ReadToEnd().Trim();
        p.WaitForExit();
    }
    catch (System.ComponentModel.Win32Exception ex)
    {
        return new OpensslStatus(false, $"openssl not found ({ex.Message})", null);
    }
    try
    {
        var expected = GostHash.ToHex(GostHash.ComputeFile(file, 256));
        var run = Measure.External(timeTool, "openssl", new[] { "dgst", "-engine", "gost", "-md_gost12_256", file });
        if (run.Digest != expected) return new OpensslStatus(false, $"{version}: gost engine gave {run.Digest}, expected {expected}", version);
        return new OpensslStatus(true, $"{version}, gost engine loaded (`-engine gost`)", version);
    }
    catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
    {
        return new OpensslStatus(false, $"{version}: gost engine not available — {ex.Message} (apt-get install -y libengine-gost-openssl)", version);
    }
}

static string LoadAverage()
{
    try { return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return "n/a"; }
}

static void Log(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");

namespace GosApi.Bench.Hash
{
    public sealed record OpensslStatus(bool Usable, string Description, string? Version);

    public sealed class Settings
    {
        public long SizeMiB { get; private set; } = 200;
        public int Repeat { get; private set; } = 3;
        public long ScalingMiB { get; private set; } = 50;
        public bool NoOpenssl { get; private set; }
        public bool Sign { get; private set; }

        public static Settings? Parse(string[] args)
        {
            var s = new Settings();
            for (var i = 0; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
                try
                {
                    switch (args[i])
                    {
                        case "--size-mib": s.SizeMiB = long.Parse(Next(), CultureInfo.InvariantCulture); break;
                        case "--repeat": s.Repeat = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                        case "--scaling-mib": s.ScalingMiB = long.Parse(Next(), CultureInfo.InvariantCulture); break;
                        case "--no-openssl": s.NoOpenssl = true; break;
                        case "--sign": s.Sign = true; break;
                        default: throw new ArgumentException($"unknown option {args[i]}");
                    }
                }
                catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
                {
                    Console.Error.WriteLine(ex.Message);
                    Console.Error.WriteLine("usage: GosApi.Bench.Hash [--size-mib 200] [--repeat 3] [--scaling-mib 50 (0 skips)] [--no-openssl] [--sign]");
                    return null;
                }
            }
            if (s.SizeMiB < 1 || s.Repeat < 1 || s.ScalingMiB < 0)
            {
                Console.Error.WriteLine("--size-mib and --repeat must be at least 1, --scaling-mib at least 0");
                return null;
            }
            return s;
        }
    }

    public enum Kind { GosApi, BouncyCastle, Openssl, OpensslLibrary, GosApiProcess }

    public sealed class CaseResult
    {
        public List<Run> Runs { get; } = new();
        public List<string> Errors { get; } = new();
    }

    public sealed record Case(string Name, Kind Kind, int Bits)
    {
        public static IEnumerable<Case> All(bool openssl, bool opensslLibrary, bool timeTool)
        {
            foreach (var bits in new[] { 256, 512 })
            {
                yield return new Case($"GosApi Streebog-{bits}: GostHash.ComputeFile", Kind.GosApi, bits);
                yield return new Case($"BouncyCastle Gost3411_2012_{bits}Digest, same 1 MiB reads", Kind.BouncyCastle, bits);
                if (opensslLibrary) yield return new Case($"openssl gost engine md_gost12_{bits} in-process (libcrypto EVP), same 1 MiB reads", Kind.OpensslLibrary, bits);
                if (openssl) yield return new Case($"openssl dgst -engine gost -md_gost12_{bits}", Kind.Openssl, bits);
            }
            // A whole .NET process doing only GostHash.ComputeFile, measured like openssl (wall incl. start-up, max RSS).
            if (timeTool) yield return new Case("GosApi Streebog-256, own process (`--hash-only`)", Kind.GosApiProcess, 256);
        }

        public Run Execute(string file, string? timeTool) => Kind switch
        {
            Kind.GosApi => Measure.InProcess(() => GostHash.ComputeFile(file, Bits)),
            Kind.BouncyCastle => Measure.InProcess(() => Bouncy(file, Bits)),
            Kind.OpensslLibrary => Measure.InProcess(() => OpensslLibrary.ComputeFile(file, Bits)),
            Kind.Openssl => Measure.External(timeTool, "openssl", new[] { "dgst", "-engine", "gost", $"-md_gost12_{Bits}", file }),
            Kind.GosApiProcess => Measure.External(timeTool, SelfProgram(), SelfArguments(file, Bits)),
            _ => throw new InvalidOperationException(),
        };

        /// <summary>BouncyCastle's digest fed exactly as GostHash feeds Streebog: unbuffered FileStream, 1 MiB pooled buffer.</summary>
        private static byte[] Bouncy(string file, int bits)
        {
            IDigest digest = bits == 256 ? new Gost3411_2012_256Digest() : new Gost3411_2012_512Digest();
            var buffer = ArrayPool<byte>.Shared.Rent(GostHash.BufferSize);
            try
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
                int read;
                while ((read = stream.Read(buffer, 0, GostHash.BufferSize)) > 0) digest.BlockUpdate(buffer, 0, read);
                var result = new byte[digest.GetDigestSize()];
                digest.DoFinal(result, 0);
                return result;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        private static string SelfProgram()
        {
            var path = Environment.ProcessPath ?? "dotnet";
            return path;
        }

        private static string[] SelfArguments(string file, int bits)
        {
            var path = Environment.ProcessPath ?? "dotnet";
            var bitsText = bits.ToString(CultureInfo.InvariantCulture);
            // Under `dotnet GosApi.Bench.Hash.dll` the process is dotnet itself: pass the assembly too.
            return Path.GetFileNameWithoutExtension(path) == "dotnet"
                ? new[] { typeof(Case).Assembly.Location, "--hash-only", file, bitsText }
                : new[] { "--hash-only", file, bitsText };
        }
    }

    public static class Report
    {
        private const double MiB = 1024 * 1024;

        /// <summary>Prints the markdown; returns true when something failed (a run, or digests that disagree).</summary>
        public static bool Print(TextWriter o, Settings s, Dictionary<Case, CaseResult> main, Dictionary<Case, CaseResult>? empty, Dictionary<Case, CaseResult>? scaling,
            OpensslStatus openssl, string? libraryProblem, string? timeTool, TimeSpan total, string loadBefore, string loadAfter)
        {
            var failed = false;
            o.WriteLine($"### Streebog hashing — {s.SizeMiB} MiB file, median of {s.Repeat}");
            o.WriteLine();
            o.WriteLine($"- date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; total bench time {total.TotalSeconds:0} s; load average before {loadBefore}, after {loadAfter}");
            o.WriteLine($"- machine: {CpuModel()}, {Environment.ProcessorCount} logical cores, {TotalMemoryGiB()} RAM; {RuntimeInformation.OSDescription}");
            o.WriteLine($"- runtime: {RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC; BouncyCastle.Cryptography {BouncyVersion()}");
            o.WriteLine($"- openssl: {openssl.Description}; in-process through libcrypto's EVP API: {libraryProblem ?? "gost engine loaded"}");
            o.WriteLine($"- external processes measured with {(timeTool != null ? "GNU time (`/usr/bin/time -f \"%e %U %S %M\"`): CPU = user + system, peak RSS = max resident set" : "a stopwatch only (/usr/bin/time not found: no CPU or memory numbers for them)")}");
            o.WriteLine("- the file is random bytes written just before the runs, so every case reads it from the page cache; cases run round-robin");
            o.WriteLine();
            o.WriteLine("| case | wall s, median (min–max) | MiB/s, median / best run | × openssl, same size: median / best run | CPU s, median (min) | MiB per CPU s, median / best run | × openssl (CPU): median / best run | peak RSS MiB | peak RSS Δ MiB | allocated KiB | GCs gen0/1/2 |");
            o.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
            foreach (var (c, r) in main)
            {
                if (r.Runs.Count == 0)
                {
                    o.WriteLine($"| {c.Name} | failed | – | – | – | – | – | – | – | – | – |");
                    continue;
                }
                var reference = main.FirstOrDefault(kv => kv.Key.Kind == Kind.Openssl && kv.Key.Bits == c.Bits).Value;
                var wall = Median(r.Runs.Select(x => x.Wall.TotalSeconds));
                var speed = s.SizeMiB / wall;
                var best = s.SizeMiB / r.Runs.Min(x => x.Wall.TotalSeconds);
                var cpu = MedianOrNull(r.Runs.Select(x => x.Cpu?.TotalSeconds));
                var cpuSpeed = cpu is > 0 ? s.SizeMiB / cpu.Value : (double?)null;
                var cpuMin = r.Runs.Where(x => x.Cpu != null).Select(x => x.Cpu!.Value.TotalSeconds).DefaultIfEmpty(double.NaN).Min();
                var cpuBest = cpuMin > 0 ? s.SizeMiB / cpuMin : (double?)null;
                string vsWall = "–", vsCpu = "–";
                if (reference != null && reference.Runs.Count > 0 && c.Kind != Kind.Openssl)
                {
                    vsWall = $"{speed / (s.SizeMiB / Median(reference.Runs.Select(x => x.Wall.TotalSeconds))):0.00} / {best / (s.SizeMiB / reference.Runs.Min(x => x.Wall.TotalSeconds)):0.00}";
                    var refCpu = MedianOrNull(reference.Runs.Select(x => x.Cpu?.TotalSeconds));
                    var refCpuMin = reference.Runs.Where(x => x.Cpu != null).Select(x => x.Cpu!.Value.TotalSeconds).DefaultIfEmpty(double.NaN).Min();
                    if (refCpu is > 0 && cpuSpeed != null && cpuBest != null && refCpuMin > 0)
                    {
                        vsCpu = $"{cpuSpeed.Value / (s.SizeMiB / refCpu.Value):0.00} / {cpuBest.Value / (s.SizeMiB / refCpuMin):0.00}";
                    }
                }
                else if (c.Kind == Kind.Openssl)
                {
                    vsWall = "1.00 / 1.00";
                    vsCpu = cpu != null ? "1.00 / 1.00" : "–";
                }
                o.WriteLine($"| {c.Name} | {wall:0.00} ({r.Runs.Min(x => x.Wall.TotalSeconds):0.00}–{r.Runs.Max(x => x.Wall.TotalSeconds):0.00}) | {speed:0.0} / {best:0.0} | {vsWall} | "
                    + $"{Fmt(cpu, "0.00")} ({Fmt(cpuBest != null ? cpuMin : null, "0.00")}) | {Fmt(cpuSpeed, "0.0")} / {Fmt(cpuBest, "0.0")} | {vsCpu} | {Fmt(MedianOrNull(r.Runs.Select(x => x.PeakRss / MiB)), "0.0")} | "
                    + $"{Fmt(MedianOrNull(r.Runs.Select(x => x.PeakRssDelta / MiB)), "0.0")} | {Fmt(MedianOrNull(r.Runs.Select(x => x.Allocated / 1024.0)), "0")} | "
                    + $"{(r.Runs[0].Gen0 != null ? $"{Median(r.Runs.Select(x => (double)x.Gen0!)):0}/{Median(r.Runs.Select(x => (double)x.Gen1!)):0}/{Median(r.Runs.Select(x => (double)x.Gen2!)):0}" : "–")} |");
            }
            o.WriteLine();

            // Like for like: GosApi against openssl's gost engine in the same process, same reads, same counters.
            var pairs = new[] { 256, 512 }
                .Select(bits => (bits,
                    ours: main.FirstOrDefault(kv => kv.Key.Kind == Kind.GosApi && kv.Key.Bits == bits).Value,
                    theirs: main.FirstOrDefault(kv => kv.Key.Kind == Kind.OpensslLibrary && kv.Key.Bits == bits).Value))
                .Where(p => p.ours != null && p.theirs != null && p.ours.Runs.Count > 0 && p.theirs.Runs.Count > 0)
                .ToList();
            if (pairs.Count > 0)
            {
                o.WriteLine("GosApi ÷ openssl's gost engine in the same process (libcrypto EVP, same 1 MiB reads; > 1 means GosApi is faster):");
                o.WriteLine();
                o.WriteLine("| digest | throughput ratio by wall time, median / best run | throughput ratio by CPU time, median / best run |");
                o.WriteLine("|---|---|---|");
                foreach (var (bits, ours, theirs) in pairs)
                {
                    double Wall(CaseResult r, bool best) => best ? r.Runs.Min(x => x.Wall.TotalSeconds) : Median(r.Runs.Select(x => x.Wall.TotalSeconds));
                    double Cpu(CaseResult r, bool best) => best ? r.Runs.Min(x => x.Cpu!.Value.TotalSeconds) : Median(r.Runs.Select(x => x.Cpu!.Value.TotalSeconds));
                    o.WriteLine($"| Streebog-{bits} | {Wall(theirs, false) / Wall(ours, false):0.00} / {Wall(theirs, true) / Wall(ours, true):0.00} | "
                        + $"{Cpu(theirs, false) / Cpu(ours, false):0.00} / {Cpu(theirs, true) / Cpu(ours, true):0.00} |");
                }
                o.WriteLine();
            }

            // Every implementation must have produced the same digest for the same size.
            foreach (var bits in new[] { 256, 512 })
            {
                var digests = main.Where(kv => kv.Key.Bits == bits).SelectMany(kv => kv.Value.Runs.Select(r => r.Digest)).Distinct().ToList();
                var runs = main.Where(kv => kv.Key.Bits == bits).Sum(kv => kv.Value.Runs.Count);
                if (digests.Count == 1) o.WriteLine($"- Streebog-{bits}: all {runs} runs gave the same digest, {digests[0]}");
                else if (digests.Count > 1)
                {
                    failed = true;
                    o.WriteLine($"- **Streebog-{bits}: digests disagree**: " + string.Join("; ",
                        main.Where(kv => kv.Key.Bits == bits).Select(kv => $"{kv.Key.Name}: {string.Join(", ", kv.Value.Runs.Select(r => r.Digest).Distinct())}")));
                }
            }

            if (scaling != null && empty != null && scaling.Count > 0)
            {
                o.WriteLine();
                o.WriteLine($"Does memory follow the file size? GosApi Streebog-256 on an empty file, {s.ScalingMiB} MiB and {s.SizeMiB} MiB (medians):");
                o.WriteLine();
                o.WriteLine($"| case | peak RSS MiB, 0 → {s.ScalingMiB} → {s.SizeMiB} MiB | peak RSS Δ MiB, 0 → {s.ScalingMiB} → {s.SizeMiB} MiB | allocated KiB, 0 → {s.ScalingMiB} → {s.SizeMiB} MiB |");
                o.WriteLine("|---|---|---|---|");
                foreach (var c in scaling.Keys)
                {
                    var sets = new[] { empty[c], scaling[c], main[c] };
                    string Series(Func<Run, double?> pick, string format) =>
                        string.Join(" → ", sets.Select(r => Fmt(MedianOrNull(r.Runs.Select(pick)), format)));
                    o.WriteLine($"| {c.Name} | {Series(x => x.PeakRss / MiB, "0.0")} | {Series(x => x.PeakRssDelta / MiB, "0.0")} | {Series(x => x.Allocated / 1024.0, "0")} |");
                }
            }

            var errors = main.Concat(scaling ?? new Dictionary<Case, CaseResult>()).Concat(empty ?? new Dictionary<Case, CaseResult>()).Where(kv => kv.Value.Errors.Count > 0).ToList();
            if (errors.Count > 0)
            {
                failed = true;
                o.WriteLine();
                o.WriteLine("Errors:");
                o.WriteLine();
                foreach (var (c, r) in errors) foreach (var e in r.Errors.Distinct()) o.WriteLine($"- {c.Name}: {e}");
            }
            if (!openssl.Usable)
            {
                o.WriteLine();
                o.WriteLine($"- no `openssl dgst` rows: {openssl.Description}");
            }
            if (libraryProblem != null)
            {
                o.WriteLine();
                o.WriteLine($"- no in-process openssl rows: {libraryProblem}");
            }
            return failed;
        }

        private static double Median(IEnumerable<double> values)
        {
            var sorted = values.OrderBy(v => v).ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }

        private static double? MedianOrNull(IEnumerable<double?> values)
        {
            var present = values.Where(v => v.HasValue).Select(v => v!.Value).ToArray();
            return present.Length == 0 ? null : Median(present);
        }

        private static string Fmt(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "–";

        private static string CpuModel()
        {
            try
            {
                var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
                if (line != null) return line[(line.IndexOf(':') + 1)..].Trim();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
            return RuntimeInformation.ProcessArchitecture.ToString();
        }

        private static string BouncyVersion()
        {
            var assembly = typeof(Gost3411_2012_256Digest).Assembly;
            var informational = assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
                .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion;
            return informational?.Split('+')[0] ?? assembly.GetName().Version?.ToString() ?? "?";
        }

        private static string TotalMemoryGiB() => $"{GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024):0} GiB";
    }
}
