using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using GosApi.Bench;
using GosApi.Sandbox;

// Upload benchmark: GosApi's chunked upload vs a hand-written HttpClient equivalent, both into the in-process sandbox.
// dotnet run -c Release --project bench/GosApi.Bench -- [--size-mib 200] [--repeat 3] [--scaling-mib 50] [--gen0-mib 2]
// Markdown goes to stdout, progress to stderr. See bench/README.md.

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var settings = Settings.Parse(args);
if (settings == null) return 2;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
var ct = cancel.Token;

const long MiB = 1024 * 1024;
var warmupArchive = Path.Combine(Path.GetTempPath(), $"gosapi-bench-warmup-{Guid.NewGuid():N}.bin");
var owned = new List<string> { warmupArchive };
var total = Stopwatch.StartNew();
try
{
    WriteRandomFile(warmupArchive, 16 * MiB);
    // One sandbox for the whole process: every new WebApplication costs seconds of background JIT (tier-up) that
    // would otherwise run during the next measurement. Runs differ by token subject, so quotas never meet.
    await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { RequestsPerMinute = 1_000_000, OrdersPerTenMinutes = 1_000_000 }, ct);
    Runner.Sandbox = sandbox;

    if (settings.Child)
    {
        // Second process, started by the first with a small gen0 budget (DOTNET_GCgen0size): the same scaling cases at
        // both sizes, so that peak numbers show what stays alive rather than how much garbage fits in a default gen0.
        Log($"live-set pass (DOTNET_GCgen0size={Environment.GetEnvironmentVariable("DOTNET_GCgen0size")})");
        await Warmup(warmupArchive, ct);
        var small = await Runner.RunAllAsync(Case.Scaling(), settings.ScalingArchive!, settings.Repeat, ct);
        var big = await Runner.RunAllAsync(Case.Scaling(), settings.Archive!, settings.Repeat, ct);
        Report.PrintScaling(Console.Out, settings, small, big);
        Report.PrintErrors(Console.Out, small.Concat(big), silentWhenNone: true);
        return small.Values.Concat(big.Values).Any(r => r.Errors.Count > 0) ? 1 : 0;
    }

    var archive = Path.Combine(Path.GetTempPath(), $"gosapi-bench-{Guid.NewGuid():N}.bin");
    var scalingArchive = Path.Combine(Path.GetTempPath(), $"gosapi-bench-scaling-{Guid.NewGuid():N}.bin");
    owned.Add(archive);
    owned.Add(scalingArchive);
    var loadBefore = LoadAverage();
    Log($"writing {settings.SizeMiB} MiB of random bytes to {archive}");
    WriteRandomFile(archive, settings.SizeMiB * MiB);
    if (settings.ScalingMiB > 0) WriteRandomFile(scalingArchive, settings.ScalingMiB * MiB);

    await Warmup(warmupArchive, ct);
    var results = await Runner.RunAllAsync(Case.All(), archive, settings.Repeat, ct);
    Dictionary<Case, CaseResult>? scaling = null;
    string? liveSet = null;
    if (settings.ScalingMiB > 0)
    {
        scaling = await Runner.RunAllAsync(Case.Scaling(), scalingArchive, settings.Repeat, ct);
        if (settings.Gen0MiB > 0) liveSet = await RunChildAsync(settings, archive, scalingArchive, ct);
    }
    total.Stop();
    Report.Print(Console.Out, settings, results, scaling, liveSet, total.Elapsed, loadBefore, LoadAverage());
    var failed = results.Values.Concat(scaling?.Values ?? Enumerable.Empty<CaseResult>()).Any(r => r.Errors.Count > 0)
        || liveSet == null && settings.ScalingMiB > 0 && settings.Gen0MiB > 0;
    return failed ? 1 : 0;
}
catch (OperationCanceledException) when (ct.IsCancellationRequested)
{
    Log("cancelled");
    return 130;
}
finally
{
    foreach (var path in owned)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

// JIT, connection code paths, Kestrel: warmed once per client kind, not reported.
static async Task Warmup(string archive, CancellationToken ct)
{
    Log("warm-up (16 MiB, not reported)");
    await Runner.RunOnceAsync(Case.Plain(4), archive, ct);
    await Runner.RunOnceAsync(Case.GosApi(4), archive, ct);
}

static async Task<string?> RunChildAsync(Settings settings, string archive, string scalingArchive, CancellationToken ct)
{
    var self = Environment.ProcessPath!;
    var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = false, UseShellExecute = false };
    if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        start.ArgumentList.Add(typeof(Settings).Assembly.Location);
    foreach (var a in new[] { "--child-live-set", "--archive", archive, "--scaling-archive", scalingArchive,
                 "--size-mib", settings.SizeMiB.ToString(CultureInfo.InvariantCulture), "--scaling-mib", settings.ScalingMiB.ToString(CultureInfo.InvariantCulture),
                 "--repeat", settings.Repeat.ToString(CultureInfo.InvariantCulture), "--gen0-mib", settings.Gen0MiB.ToString(CultureInfo.InvariantCulture) })
        start.ArgumentList.Add(a);
    start.Environment["DOTNET_GCgen0size"] = "0x" + (settings.Gen0MiB * MiB).ToString("X", CultureInfo.InvariantCulture);
    using var child = Process.Start(start)!;
    string output;
    try
    {
        output = await child.StandardOutput.ReadToEndAsync(ct);
        await child.WaitForExitAsync(ct);
    }
    catch (OperationCanceledException)
    {
        child.Kill(entireProcessTree: true);
        throw;
    }
    if (child.ExitCode != 0) Log($"live-set pass exited with {child.ExitCode}");
    return output.Length > 0 ? output : null;
}

static void WriteRandomFile(string path, long bytes)
{
    var block = new byte[1024 * 1024];
    using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None);
    for (long written = 0; written < bytes; written += block.Length)
    {
        RandomNumberGenerator.Fill(block);
        file.Write(block, 0, (int)Math.Min(block.Length, bytes - written));
    }
}

static string LoadAverage()
{
    try { return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return "n/a"; }
}

static void Log(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");

namespace GosApi.Bench
{
    public sealed record Settings(int SizeMiB, int Repeat, int ScalingMiB, int Gen0MiB, bool Child, string? Archive, string? ScalingArchive)
    {
        public static Settings? Parse(string[] args)
        {
            int size = 200, repeat = 3, scaling = 50, gen0 = 2;
            var child = false;
            string? archive = null, scalingArchive = null;
            for (var i = 0; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]}: a value is required");
                switch (args[i])
                {
                    case "--size-mib": size = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--repeat": repeat = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--scaling-mib": scaling = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--gen0-mib": gen0 = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--child-live-set": child = true; break;
                    case "--archive": archive = Next(); break;
                    case "--scaling-archive": scalingArchive = Next(); break;
                    case "-h" or "--help":
                        Console.Error.WriteLine("usage: GosApi.Bench [--size-mib 200] [--repeat 3] [--scaling-mib 50 (0 = no size comparison)] [--gen0-mib 2 (0 = no live-set pass)]");
                        return null;
                    default:
                        Console.Error.WriteLine($"unknown argument {args[i]} (try --help)");
                        return null;
                }
            }
            if (size < 1 || repeat < 1 || scaling < 0 || gen0 < 0 || child && (archive == null || scalingArchive == null || scaling < 1))
            {
                Console.Error.WriteLine("--size-mib and --repeat must be at least 1, --scaling-mib and --gen0-mib at least 0");
                return null;
            }
            return new Settings(size, repeat, scaling, gen0, child, archive, scalingArchive);
        }
    }

    /// <summary>A client and its parallelism; <see cref="Create"/> is null for the idle run.</summary>
    public sealed record Case(string Name, string Label, string Parallel, Func<Uri, string, IUploader>? Create)
    {
        public static IReadOnlyList<Case> All() => new[] { Idle(), Plain(1), Plain(2), Plain(4), GosApi(1), GosApi(2), GosApi(4), GosApi(null) };

        /// <summary>The cases run at a second archive size to see whether memory follows the archive.</summary>
        public static IReadOnlyList<Case> Scaling() => new[] { Plain(1), Plain(4), GosApi(1), GosApi(4) };

        public static Case Idle() => new("idle", "idle: sandbox up, nothing sent (1 s)", "–", null);

        public static Case Plain(int parallelism) => new($"plain-p{parallelism}",
            parallelism == 1 ? "plain HttpClient, sequential" : $"plain HttpClient, middle chunks {parallelism} at a time",
            parallelism.ToString(CultureInfo.InvariantCulture), (uri, token) => new PlainHttpClientUploader(uri, token, parallelism));

        public static Case GosApi(int? throttleLimit) => new(throttleLimit == null ? "gosapi-default" : $"gosapi-tl{throttleLimit}",
            throttleLimit == null ? "GosApi SendPackageAsync, ThrottleLimit default" : $"GosApi SendPackageAsync, ThrottleLimit {throttleLimit}",
            throttleLimit?.ToString(CultureInfo.InvariantCulture) ?? "default (4)", (uri, token) => new GosApiUploader(uri, token, throttleLimit));
    }

    public sealed class CaseResult
    {
        public List<RunMeasurement> Runs { get; } = new();
        public List<string> Errors { get; } = new();
    }

    public static class Runner
    {
        /// <summary>Repeats round-robin (case A, B, C, A, B, C, …) so that drift over time hits every case alike.</summary>
        public static async Task<Dictionary<Case, CaseResult>> RunAllAsync(IReadOnlyList<Case> cases, string archive, int repeat, CancellationToken ct)
        {
            var results = cases.ToDictionary(c => c, _ => new CaseResult());
            var sizeMiB = new FileInfo(archive).Length / (1024.0 * 1024.0);
            for (var r = 1; r <= repeat; r++)
            {
                foreach (var c in cases)
                {
                    ct.ThrowIfCancellationRequested();
                    try
                    {
                        var m = await RunOnceAsync(c, archive, ct);
                        results[c].Runs.Add(m);
                        Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {sizeMiB:0} MiB #{r} {c.Name,-15} (quiet after {m.QuietWait.TotalSeconds:0.0} s) {m.Wall.TotalSeconds,6:0.00} s {m.MiBPerSecond,7:0.0} MiB/s  WS +{m.PeakWorkingSetDelta / 1048576.0:0.0} MiB  managed +{m.PeakManagedDelta / 1048576.0:0.0} MiB  alloc {m.Allocated / 1048576.0:0.0} MiB  CPU {m.Cpu.TotalSeconds:0.00} s  ({m.Samples} samples)");
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                    {
                        var text = Describe(ex);
                        results[c].Errors.Add($"run {r}: {text}");
                        Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {sizeMiB:0} MiB #{r} {c.Name}: FAILED: {text}");
                    }
                }
            }
            return results;
        }

        /// <summary>The in-process sandbox every run sends to (started once, see Program).</summary>
        public static SandboxServer? Sandbox { get; set; }

        private static int subject = 1_000_000_000;

        /// <summary>
        /// One run into the shared sandbox: a token of its own (own order quota), the request log cleared, and afterwards the
        /// received archive deleted so that the disk does not fill up over the runs.
        /// </summary>
        public static async Task<RunMeasurement> RunOnceAsync(Case c, string archive, CancellationToken ct)
        {
            var sandbox = Sandbox ?? throw new InvalidOperationException("no sandbox");
            sandbox.ClearRequests();
            var token = sandbox.IssueToken(new TokenRequest { Subject = Interlocked.Increment(ref subject).ToString(CultureInfo.InvariantCulture) });
            if (c.Create == null)
                return await MemorySampler.MeasureAsync(async () => { await Task.Delay(1000, ct); return 0L; }, ct);

            using var uploader = c.Create(sandbox.BaseUri, token);
            try
            {
                var measurement = await MemorySampler.MeasureAsync(() => uploader.RunAsync(archive, ct), ct);
                Verify(sandbox, new FileInfo(archive).Length);
                Wire.TryAdd(c.Label, DescribeWire(sandbox));
                return measurement;
            }
            finally
            {
                // The sandbox keeps each order's archive under <storage>/epgu/orders/<id>/; nothing reads it again here.
                try { Directory.Delete(Path.Combine(sandbox.Options.StorageDirectory, "epgu", "orders"), recursive: true); }
                catch (IOException) { }
                catch (UnauthorizedAccessException) { }
            }
        }

        /// <summary>How one chunk request of each case looked on the wire (Authorization left out).</summary>
        public static Dictionary<string, string> Wire { get; } = new();

        private static string DescribeWire(SandboxServer sandbox)
        {
            var chunk = sandbox.Requests.First(r => r.Path == "/api/gusmev/push/chunked");
            string H(string name) => chunk.Headers.TryGetValue(name, out var v) ? v : "–";
            var type = H("Content-Type");
            var cut = type.IndexOf("boundary=", StringComparison.OrdinalIgnoreCase);
            if (cut >= 0) type = type[..cut] + "boundary=…";
            return $"chunk 0: {chunk.Headers.Count} headers, body {chunk.RequestBodyLength} bytes; Content-Length {H("Content-Length")}, "
                + $"Transfer-Encoding {H("Transfer-Encoding")}, Expect {H("Expect")}, Content-Type {type}, User-Agent {H("User-Agent")}";
        }

        /// <summary>The sandbox saw one order, chunks-1 answers 206 and one 200, and the whole archive in the bodies.</summary>
        private static void Verify(SandboxServer sandbox, long length)
        {
            var chunks = Epgu.ChunkCount(length);
            var requests = sandbox.Requests;
            var orders = requests.Count(r => r.Path == "/api/gusmev/order" && r.StatusCode == 200);
            var pushes = requests.Where(r => r.Path == "/api/gusmev/push/chunked").ToList();
            var partial = pushes.Count(r => r.StatusCode == 206);
            var complete = pushes.Count(r => r.StatusCode == 200);
            var body = pushes.Sum(r => r.RequestBodyLength ?? 0);
            if (orders != 1 || pushes.Count != chunks || partial != chunks - 1 || complete != 1 || body < length)
                throw new InvalidOperationException(
                    $"sandbox saw {orders} order(s), {pushes.Count} chunk request(s) ({partial}×206, {complete}×200, {body} body bytes); expected 1, {chunks} ({chunks - 1}×206, 1×200, ≥ {length})");
        }

        public static string Describe(Exception ex)
        {
            var parts = new List<string>();
            for (var e = ex; e != null; e = e.InnerException) parts.Add($"{e.GetType().FullName}: {e.Message}");
            return string.Join(" ---> ", parts);
        }
    }
}
