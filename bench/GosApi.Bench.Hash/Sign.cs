using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using GosApi.Crypto.Cms;
using GosApi.Crypto.Hashing;
using GosApi.Crypto.Pki;
using GosApi.Crypto.Signers;

namespace GosApi.Bench.Hash;

/// <summary>
/// `--sign`: detached GOST R 34.10-2012 signatures of one big file (bench/README.md, "Detached GOST signatures").
/// GosApi's <see cref="SoftwareGostSigner"/> (in this process, and as a whole process of its own) against
/// `openssl cms -sign -engine gost`, same file, same certificate and key, same run; every signature is verified
/// (by <see cref="CmsSignatureVerifier"/> and by `openssl cms -verify`) before its numbers count.
/// </summary>
public static class SignBench
{
    private const long MiB = 1024 * 1024;

    public enum SignKind { GosApi, GosApiProcess, Openssl, HashGosApi, HashOpenssl }

    public sealed record SignCase(string Name, SignKind Kind)
    {
        public bool Signs => Kind is SignKind.GosApi or SignKind.GosApiProcess or SignKind.Openssl;
    }

    public sealed class SignResult
    {
        public List<Run> Runs { get; } = new();
        public List<string> Errors { get; } = new();
        public List<int> SignatureBytes { get; } = new();
    }

    /// <summary>What the verifiers said, per signing case.</summary>
    public sealed class VerifyTally
    {
        public int Signatures;
        public int ByGosApi;
        public int ByOpenssl;
        public int Failed;
        public HashSet<string> DigestAlgorithms { get; } = new();
        public HashSet<string> SignatureAlgorithms { get; } = new();
        public HashSet<string> Attributes { get; } = new();
    }

    /// <summary>Everything a run needs: the key material on disk, the openssl config, the tools.</summary>
    private sealed record Setup(
        string Directory,
        SoftwareGostSigner Signer,
        GostCredential Ca,
        string CertPem,
        string KeyPem,
        string CaPem,
        string? OpensslConf,
        string? TimeTool)
    {
        public IReadOnlyDictionary<string, string> OpensslEnvironment =>
            OpensslConf == null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["OPENSSL_CONF"] = OpensslConf };
    }

    /// <summary>Internal mode `--sign-only file cert.pem key.pem out.der`: one detached signature in a fresh process.</summary>
    public static int SignOnly(string file, string certPem, string keyPem, string output)
    {
        var signer = new SoftwareGostSigner(GostCertificate.FromPem(File.ReadAllText(certPem)), GostPrivateKey.ImportPem(File.ReadAllText(keyPem), (string?)null));
        var signature = signer.SignDetachedFileAsync(file).GetAwaiter().GetResult();
        File.WriteAllBytes(output, signature);
        Console.WriteLine(signature.Length.ToString(CultureInfo.InvariantCulture));
        return 0;
    }

    public static int Run(Settings settings, string? timeTool, Action<string> log, Action<string, long> writeRandomFile, Func<string> loadAverage)
    {
        var total = Stopwatch.StartNew();
        var directory = Path.Combine(Path.GetTempPath(), $"gosapi-bench-sign-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        ConsoleCancelEventHandler onCancel = (_, _) => DeleteDirectory(directory);
        Console.CancelKeyPress += onCancel;
        try
        {
            var loadBefore = loadAverage();
            string F(string name) => Path.Combine(directory, name);
            log($"writing {settings.SizeMiB} MiB of random bytes to {F("main.bin")}");
            writeRandomFile(F("main.bin"), settings.SizeMiB * MiB);
            if (settings.ScalingMiB > 0) writeRandomFile(F("scaling.bin"), settings.ScalingMiB * MiB);
            writeRandomFile(F("empty.bin"), 0);
            writeRandomFile(F("warmup.bin"), 16 * MiB);

            // A test CA and a 256-bit leaf issued by it, made in this process; the leaf's key and certificate go to PEM
            // files for openssl (and for the own-process GosApi case), the CA certificate is the trust anchor of both verifiers.
            var keyTime = Stopwatch.StartNew();
            var ca = GostCertificateBuilder.CreateTestCertificateAuthority("GosApi bench CA", GostParameterSet.Tc26256A);
            var leaf = new GostCertificateBuilder
            {
                Subject = new GostSubject { CommonName = "GosApi bench signer", Organization = "GosApi bench", Country = "RU" },
                ParameterSet = GostParameterSet.CryptoProA,
                KeyUsage = GostKeyUsage.DigitalSignature | GostKeyUsage.NonRepudiation,
            }.Issue(ca);
            File.WriteAllText(F("cert.pem"), leaf.Certificate.ToPem());
            File.WriteAllText(F("key.pem"), leaf.PrivateKey.ExportUnencryptedPkcs8Pem());
            File.WriteAllText(F("ca.pem"), ca.Certificate.ToPem());
            log($"test CA ({ca.Certificate.ParameterSet}) and leaf ({leaf.Certificate.ParameterSet}, {leaf.Certificate.KeySize}-bit) made in {keyTime.ElapsedMilliseconds} ms");

            string? opensslProblem = null;
            string? opensslVersion = null;
            string? conf = null;
            if (settings.NoOpenssl) opensslProblem = "skipped (--no-openssl)";
            else
            {
                (opensslVersion, var engine, opensslProblem) = FindOpensslAndEngine();
                if (engine != null)
                {
                    conf = F("openssl-gost.cnf");
                    File.WriteAllText(conf, "openssl_conf = openssl_def\n\n[openssl_def]\nengines = engine_section\n\n[engine_section]\ngost = gost_section\n\n"
                        + "[gost_section]\nengine_id = gost\ndynamic_path = " + engine + "\ndefault_algorithms = ALL\n");
                }
            }
            var setup = new Setup(directory, new SoftwareGostSigner(leaf), ca, F("cert.pem"), F("key.pem"), F("ca.pem"), conf, timeTool);

            // Probe: openssl must sign the warm-up file with our key and verify its own and our signature, else no openssl rows.
            if (opensslProblem == null)
            {
                try
                {
                    var probe = F("probe-openssl.der");
                    Execute(new SignCase("probe", SignKind.Openssl), setup, F("warmup.bin"), probe);
                    var problem = VerifyWithOpenssl(setup, F("warmup.bin"), probe);
                    var ours = F("probe-gosapi.der");
                    File.WriteAllBytes(ours, setup.Signer.SignDetachedFileAsync(F("warmup.bin")).GetAwaiter().GetResult());
                    problem ??= VerifyWithOpenssl(setup, F("warmup.bin"), ours);
                    if (problem != null) opensslProblem = $"openssl probe failed: {problem}";
                }
                catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or IOException)
                {
                    opensslProblem = $"openssl cms -sign with the gost engine failed: {ex.Message} (apt-get install -y libengine-gost-openssl)";
                }
            }
            log($"/usr/bin/time: {timeTool ?? "not found"}; openssl: {opensslProblem ?? $"{opensslVersion}, gost engine usable"}");

            var cases = new List<SignCase> { new("GosApi SoftwareGostSigner.SignDetachedFileAsync, in this process", SignKind.GosApi) };
            if (opensslProblem == null) cases.Add(new("openssl cms -sign -engine gost", SignKind.Openssl));
            if (timeTool != null) cases.Add(new("GosApi SignDetachedFileAsync, own process (`--sign-only`)", SignKind.GosApiProcess));
            cases.Add(new("reference, hash only: GosApi GostHash.ComputeFile Streebog-256", SignKind.HashGosApi));
            if (opensslProblem == null) cases.Add(new("reference, hash only: openssl dgst -engine gost -md_gost12_256", SignKind.HashOpenssl));

            log("warm-up");
            foreach (var c in cases.Where(c => c.Kind is SignKind.GosApi or SignKind.HashGosApi))
            {
                Execute(c, setup, F("warmup.bin"), F("warmup.der"));
                Execute(c, setup, F("warmup.bin"), F("warmup.der"));
            }

            var tallies = cases.Where(c => c.Signs).ToDictionary(c => c, _ => new VerifyTally());
            var main = RunAll(cases, settings.Repeat, settings.SizeMiB, F("main.bin"), setup, tallies, log);
            Dictionary<SignCase, SignResult>? empty = null, scaling = null;
            if (settings.ScalingMiB > 0)
            {
                var scalingCases = cases.Where(c => c.Signs).ToList();
                empty = RunAll(scalingCases, settings.Repeat, 0, F("empty.bin"), setup, tallies, log);
                scaling = RunAll(scalingCases, settings.Repeat, settings.ScalingMiB, F("scaling.bin"), setup, tallies, log);
            }

            var failed = Print(Console.Out, settings, cases, main, empty, scaling, tallies, leaf, ca, opensslVersion, opensslProblem, timeTool, total.Elapsed, loadBefore, loadAverage());
            return failed ? 1 : 0;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
            DeleteDirectory(directory);
        }
    }

    /// <summary>Round-robin over the cases (A B C … A B C …); each signature verified right after its run, outside the measurement.</summary>
    private static Dictionary<SignCase, SignResult> RunAll(List<SignCase> cases, int repeat, long sizeMiB, string file, Setup setup,
        Dictionary<SignCase, VerifyTally> tallies, Action<string> log)
    {
        var results = cases.ToDictionary(c => c, _ => new SignResult());
        for (var rep = 1; rep <= repeat; rep++)
        {
            for (var i = 0; i < cases.Count; i++)
            {
                var c = cases[i];
                var r = results[c];
                var signature = Path.Combine(setup.Directory, $"sig-{i}-{sizeMiB}-{rep}.der");
                try
                {
                    var run = Execute(c, setup, file, signature);
                    string verdict = "";
                    if (c.Signs)
                    {
                        // Each signature is checked by the other side's verifier; the first of each case and size by both.
                        var tally = tallies[c];
                        var byGosApi = c.Kind == SignKind.Openssl || rep == 1 || setup.OpensslConf == null;
                        var byOpenssl = setup.OpensslConf != null && (c.Kind != SignKind.Openssl || rep == 1);
                        var problems = new List<string>();
                        if (byGosApi)
                        {
                            var problem = VerifyWithGosApi(setup, file, signature, tally);
                            if (problem != null) problems.Add("CmsSignatureVerifier: " + problem);
                            else tally.ByGosApi++;
                        }
                        if (byOpenssl)
                        {
                            var problem = VerifyWithOpenssl(setup, file, signature);
                            if (problem != null) problems.Add("openssl cms -verify: " + problem);
                            else tally.ByOpenssl++;
                        }
                        tally.Signatures++;
                        if (problems.Count > 0)
                        {
                            tally.Failed++;
                            throw new InvalidOperationException($"the signature of run {rep} ({sizeMiB} MiB) does not verify: {string.Join("; ", problems)}");
                        }
                        r.SignatureBytes.Add((int)new FileInfo(signature).Length);
                        verdict = $", verified by {(byGosApi && byOpenssl ? "both" : byGosApi ? "GosApi" : "openssl")}";
                        File.Delete(signature);
                    }
                    r.Runs.Add(run);
                    log($"{sizeMiB} MiB {rep}/{repeat} {c.Name}: {run.Wall.TotalSeconds:0.00} s, {(sizeMiB > 0 ? $"{sizeMiB / run.Wall.TotalSeconds:0.0} MiB/s, " : "")}"
                        + $"peak RSS {run.PeakRss / (double)MiB:0.0} MiB{verdict}");
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    r.Errors.Add(ex.Message);
                    log($"{sizeMiB} MiB {rep}/{repeat} {c.Name}: FAILED {ex.Message}");
                }
            }
        }
        return results;
    }

    private static Run Execute(SignCase c, Setup setup, string file, string signature) => c.Kind switch
    {
        SignKind.GosApi => Measure.InProcess(() =>
        {
            var bytes = setup.Signer.SignDetachedFileAsync(file).GetAwaiter().GetResult();
            File.WriteAllBytes(signature, bytes);
            return bytes;
        }),
        SignKind.GosApiProcess => Measure.External(setup.TimeTool, SelfProgram(), SelfArguments("--sign-only", file, setup.CertPem, setup.KeyPem, signature), expectDigest: false),
        SignKind.Openssl => Measure.External(setup.TimeTool, "openssl", new[]
        {
            "cms", "-sign", "-engine", "gost", "-binary", "-md", "md_gost12_256", "-nosmimecap", "-cades",
            "-in", file, "-signer", setup.CertPem, "-inkey", setup.KeyPem, "-outform", "DER", "-out", signature,
        }, setup.OpensslEnvironment, expectDigest: false),
        SignKind.HashGosApi => Measure.InProcess(() => GostHash.ComputeFile(file, 256)),
        SignKind.HashOpenssl => Measure.External(setup.TimeTool, "openssl", new[] { "dgst", "-engine", "gost", "-md_gost12_256", file }, setup.OpensslEnvironment),
        _ => throw new InvalidOperationException(),
    };

    /// <summary>Null when valid (signature and chain to the test CA), else why not.</summary>
    private static string? VerifyWithGosApi(Setup setup, string file, string signature, VerifyTally tally)
    {
        var options = new CmsVerificationOptions();
        options.TrustedRoots.Add(setup.Ca.Certificate);
        var info = new CmsSignatureVerifier(options).VerifyDetachedFileAsync(file, signature).GetAwaiter().GetResult();
        if (!info.IsValid || !info.IsSignatureValid || info.ChainStatus != GostChainStatus.Trusted || !info.IsDetached
            || info.SignerCertificate == null || !info.SignerCertificate.Equals(setup.Signer.Certificate))
        {
            return $"valid={info.IsValid}, signature={info.IsSignatureValid}, chain={info.ChainStatus}, detached={info.IsDetached}: {string.Join("; ", info.Problems)}";
        }
        if (info.DigestAlgorithm != null) tally.DigestAlgorithms.Add(info.DigestAlgorithmName is { } name ? $"{name} ({info.DigestAlgorithm})" : info.DigestAlgorithm);
        if (info.SignatureAlgorithm != null) tally.SignatureAlgorithms.Add(info.SignatureAlgorithm);
        tally.Attributes.Add(info.HasSigningCertificateV2 ? "signingCertificateV2" : "no signingCertificateV2");
        if (info.SigningTime != null) tally.Attributes.Add("signingTime");
        return null;
    }

    /// <summary>
    /// `openssl cms -verify -binary -inform DER -content file -CAfile ca.pem`: signature and chain to the test CA
    /// (stricter than -noverify). Null when openssl says "Verification successful".
    /// </summary>
    private static string? VerifyWithOpenssl(Setup setup, string file, string signature)
    {
        var start = new ProcessStartInfo("openssl") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "cms", "-verify", "-binary", "-inform", "DER", "-in", signature, "-content", file, "-CAfile", setup.CaPem, "-out", "/dev/null" })
        {
            start.ArgumentList.Add(a);
        }
        foreach (var (k, v) in setup.OpensslEnvironment) start.Environment[k] = v;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start openssl");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var text = stdout.GetAwaiter().GetResult() + stderr;
        if (process.ExitCode == 0 && text.Contains("Verification successful", StringComparison.Ordinal)) return null;
        return $"exit code {process.ExitCode}: {Measure.FirstLine(stderr)}";
    }

    /// <summary>openssl's version and gost.so (from `openssl version -e`, else the usual places), or why not.</summary>
    private static (string? Version, string? Engine, string? Problem) FindOpensslAndEngine()
    {
        string version, enginesDir;
        try
        {
            var start = new ProcessStartInfo("openssl") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add("version");
            start.ArgumentList.Add("-v");
            start.ArgumentList.Add("-e");
            using var p = Process.Start(start)!;
            var text = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            version = text.Split('\n')[0].Trim();
            var match = Regex.Match(text, "ENGINESDIR:\\s*\"([^\"]+)\"");
            enginesDir = match.Success ? match.Groups[1].Value : "";
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (null, null, $"openssl not found ({ex.Message})");
        }
        var candidates = new[] { Path.Combine(enginesDir, "gost.so"), "/usr/lib/x86_64-linux-gnu/engines-3/gost.so", "/usr/lib/aarch64-linux-gnu/engines-3/gost.so", "/usr/lib64/engines-3/gost.so" };
        var engine = candidates.FirstOrDefault(p => p.Length > 7 && File.Exists(p));
        return engine == null
            ? (version, null, $"{version}: the gost engine (gost.so) is not installed (apt-get install -y libengine-gost-openssl)")
            : (version, engine, null);
    }

    private static string SelfProgram() => Environment.ProcessPath ?? "dotnet";

    private static string[] SelfArguments(params string[] arguments)
    {
        // Under `dotnet GosApi.Bench.Hash.dll` the process is dotnet itself: pass the assembly too.
        return Path.GetFileNameWithoutExtension(SelfProgram()) == "dotnet"
            ? new[] { typeof(SignBench).Assembly.Location }.Concat(arguments).ToArray()
            : arguments;
    }

    private static void DeleteDirectory(string path)
    {
        try
        {
            if (Directory.Exists(path)) Directory.Delete(path, true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }

    // ---------------------------------------------------------------- report

    private static bool Print(TextWriter o, Settings s, List<SignCase> cases, Dictionary<SignCase, SignResult> main,
        Dictionary<SignCase, SignResult>? empty, Dictionary<SignCase, SignResult>? scaling, Dictionary<SignCase, VerifyTally> tallies,
        GostCredential leaf, GostCredential ca, string? opensslVersion, string? opensslProblem, string? timeTool, TimeSpan total, string loadBefore, string loadAfter)
    {
        const double M = MiB;
        var failed = false;
        o.WriteLine($"### Detached GOST signatures — {s.SizeMiB} MiB file, median of {s.Repeat}");
        o.WriteLine();
        o.WriteLine($"- date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; total bench time {total.TotalSeconds:0} s; load average before {loadBefore}, after {loadAfter}");
        o.WriteLine($"- machine: {CpuModel()}, {Environment.ProcessorCount} logical cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024):0} GiB RAM; {RuntimeInformation.OSDescription}");
        o.WriteLine($"- runtime: .NET {Environment.Version}, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC");
        o.WriteLine($"- key: GOST R 34.10-2012 {leaf.Certificate.KeySize}-bit, {leaf.Certificate.ParameterSet}, certificate issued by a test CA ({ca.Certificate.ParameterSet}) made in-process with GostCertificateBuilder; digest Streebog-256");
        o.WriteLine(opensslProblem == null
            ? $"- openssl: {opensslVersion}, gost engine loaded by OPENSSL_CONF and `-engine gost`; `openssl cms -sign -engine gost -binary -md md_gost12_256 -nosmimecap -cades -in FILE -signer cert.pem -inkey key.pem -outform DER -out sig.der` (unencrypted PKCS#8 PEM key)"
            : $"- openssl: no rows — {opensslProblem}");
        o.WriteLine(timeTool != null
            ? "- external processes measured with GNU time (`/usr/bin/time -f \"%e %U %S %M\"`): CPU = user + system, peak RSS = max resident set"
            : "- no GNU /usr/bin/time: external processes have wall time only, the own-process row is left out");
        o.WriteLine("- the file is random bytes written just before the runs (read from the page cache); cases run round-robin; verification is not timed");
        o.WriteLine();

        var reference = cases.FirstOrDefault(c => c.Kind == SignKind.Openssl) is { } rc && main[rc].Runs.Count > 0 ? main[rc] : null;
        o.WriteLine("| case | wall s, median (min–max) | MiB/s, median / best run | × openssl cms -sign: median / best run | CPU s, median (min) | × openssl by CPU: median / best run | peak RSS MiB | peak RSS Δ MiB | allocated KiB | GCs gen0/1/2 | signature bytes |");
        o.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var c in cases)
        {
            var r = main[c];
            if (r.Runs.Count == 0)
            {
                o.WriteLine($"| {c.Name} | failed | – | – | – | – | – | – | – | – | – |");
                continue;
            }
            var wall = Median(r.Runs.Select(x => x.Wall.TotalSeconds));
            var bestWall = r.Runs.Min(x => x.Wall.TotalSeconds);
            var cpu = MedianOrNull(r.Runs.Select(x => x.Cpu?.TotalSeconds));
            var cpuMin = r.Runs.Where(x => x.Cpu != null).Select(x => (double?)x.Cpu!.Value.TotalSeconds).Min();
            string vsWall = "–", vsCpu = "–";
            if (reference != null)
            {
                var refWall = Median(reference.Runs.Select(x => x.Wall.TotalSeconds));
                vsWall = $"{refWall / wall:0.00} / {reference.Runs.Min(x => x.Wall.TotalSeconds) / bestWall:0.00}";
                var refCpu = MedianOrNull(reference.Runs.Select(x => x.Cpu?.TotalSeconds));
                var refCpuMin = reference.Runs.Where(x => x.Cpu != null).Select(x => (double?)x.Cpu!.Value.TotalSeconds).Min();
                if (refCpu is > 0 && cpu is > 0 && refCpuMin is > 0 && cpuMin is > 0) vsCpu = $"{refCpu / cpu:0.00} / {refCpuMin / cpuMin:0.00}";
            }
            var gcs = r.Runs[0].Gen0 != null
                ? $"{Median(r.Runs.Select(x => (double)x.Gen0!)):0}/{Median(r.Runs.Select(x => (double)x.Gen1!)):0}/{Median(r.Runs.Select(x => (double)x.Gen2!)):0}"
                : "–";
            o.WriteLine($"| {c.Name} | {wall:0.00} ({bestWall:0.00}–{r.Runs.Max(x => x.Wall.TotalSeconds):0.00}) | {s.SizeMiB / wall:0.0} / {s.SizeMiB / bestWall:0.0} | {vsWall} | "
                + $"{Fmt(cpu, "0.00")} ({Fmt(cpuMin, "0.00")}) | {vsCpu} | {Fmt(MedianOrNull(r.Runs.Select(x => x.PeakRss / M)), "0.0")} | "
                + $"{Fmt(MedianOrNull(r.Runs.Select(x => x.PeakRssDelta / M)), "0.0")} | {Fmt(MedianOrNull(r.Runs.Select(x => x.Allocated / 1024.0)), "0")} | {gcs} | "
                + $"{(r.SignatureBytes.Count > 0 ? string.Join("/", r.SignatureBytes.Distinct().OrderBy(x => x)) : "–")} |");
        }
        o.WriteLine();
        o.WriteLine("Peak RSS Δ: the peak resident set over the settled process just before the run (in-process rows only). "
            + "× openssl > 1 means faster than `openssl cms -sign`.");

        if (scaling != null && empty != null)
        {
            o.WriteLine();
            o.WriteLine($"Does memory follow the file size? The signing cases on an empty file, {s.ScalingMiB} MiB and {s.SizeMiB} MiB (medians). "
                + "Memory the signing adds: for the in-process row the peak over the settled process; for a whole process its peak minus its own peak on the empty file.");
            o.WriteLine();
            o.WriteLine($"| case | peak RSS MiB, 0 → {s.ScalingMiB} → {s.SizeMiB} MiB | memory added MiB, 0 → {s.ScalingMiB} → {s.SizeMiB} MiB | allocated KiB, 0 → {s.ScalingMiB} → {s.SizeMiB} MiB | wall s, 0 → {s.ScalingMiB} → {s.SizeMiB} MiB |");
            o.WriteLine("|---|---|---|---|---|");
            foreach (var c in scaling.Keys)
            {
                var sets = new[] { empty[c], scaling[c], main[c] };
                string Series(Func<Run, double?> pick, string format) => string.Join(" → ", sets.Select(r => Fmt(MedianOrNull(r.Runs.Select(pick)), format)));
                string added;
                if (c.Kind == SignKind.GosApi) added = Series(x => x.PeakRssDelta / M, "0.0");
                else
                {
                    var baseline = MedianOrNull(empty[c].Runs.Select(x => x.PeakRss / M));
                    added = string.Join(" → ", sets.Select(r => Fmt(NoNegativeZero(MedianOrNull(r.Runs.Select(x => x.PeakRss / M)) - baseline), "0.0")));
                }
                o.WriteLine($"| {c.Name} | {Series(x => x.PeakRss / M, "0.0")} | {added} | {Series(x => x.Allocated / 1024.0, "0")} | {Series(x => x.Wall.TotalSeconds, "0.00")} |");
            }
        }

        o.WriteLine();
        o.WriteLine("Verification (every signature, before its run counts; `openssl cms -verify -binary -inform DER -content FILE -CAfile ca.pem` and `CmsSignatureVerifier` with the test CA as trusted root):");
        o.WriteLine();
        foreach (var (c, t) in tallies)
        {
            var line = $"- {c.Name}: {t.Signatures - t.Failed} of {t.Signatures} signatures (all sizes) valid (checked by CmsSignatureVerifier: {t.ByGosApi}, by openssl cms -verify: {t.ByOpenssl})";
            if (t.DigestAlgorithms.Count > 0) line += $"; digest {string.Join(", ", t.DigestAlgorithms)}, signature algorithm {string.Join(", ", t.SignatureAlgorithms)}, {string.Join(", ", t.Attributes.OrderBy(a => a))}";
            o.WriteLine(line);
            if (t.Failed > 0 || t.Signatures == 0) failed = true;
        }

        var errors = main.Concat(scaling ?? new()).Concat(empty ?? new()).Where(kv => kv.Value.Errors.Count > 0).ToList();
        if (errors.Count > 0)
        {
            failed = true;
            o.WriteLine();
            o.WriteLine("Errors:");
            o.WriteLine();
            foreach (var (c, r) in errors) foreach (var e in r.Errors.Distinct()) o.WriteLine($"- {c.Name}: {e}");
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

    /// <summary>-0.04 would print as "-0.0".</summary>
    private static double? NoNegativeZero(double? value) => value is { } v && Math.Abs(v) < 0.05 ? 0.0 : value;

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
}
