using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using GosApi.Crypto.Pki;

namespace GosApi.Crypto.Signers
{
    /// <summary>
    /// Finds openssl's gost engine and writes an OpenSSL 3 config that loads it (engines → gost → dynamic_path,
    /// default_algorithms = ALL), to pass as OPENSSL_CONF to an openssl process.
    /// </summary>
    internal static class OpenSslGostEnvironment
    {
        internal const string MissingEngine =
            "openssl's GOST engine (gost.so) was not found. Install it: on Debian/Ubuntu 'apt-get install -y libengine-gost-openssl'.";

        private static readonly string[] KnownEnginePaths =
        {
            "/usr/lib/x86_64-linux-gnu/engines-3/gost.so",
            "/usr/lib/aarch64-linux-gnu/engines-3/gost.so",
            "/usr/lib64/engines-3/gost.so",
            "/usr/lib/engines-3/gost.so",
            "/usr/local/lib/engines-3/gost.so",
            "/usr/local/lib64/engines-3/gost.so",
        };

        /// <summary>gost.so from `openssl version -e` (ENGINESDIR), else the usual places; null when none exists.</summary>
        internal static async Task<string?> FindEngineAsync(string openSsl, CancellationToken cancellationToken)
        {
            try
            {
                var result = await ExternalProcess.RunAsync(new ExternalCommand(openSsl, new[] { "version", "-e" }), null, null, TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
                var match = Regex.Match(result.OutputText, "ENGINESDIR:\\s*\"([^\"]+)\"");
                if (match.Success)
                {
                    foreach (var name in new[] { "gost.so", "gost.dll", "libgost.so" })
                    {
                        var candidate = Path.Combine(match.Groups[1].Value, name);
                        if (File.Exists(candidate)) return candidate;
                    }
                }
            }
            catch (GostCryptoException)
            {
                // openssl itself is missing: the caller reports that when it runs it.
            }
            foreach (var path in KnownEnginePaths)
            {
                if (File.Exists(path)) return path;
            }
            return null;
        }

        internal static string ConfigText(string enginePath) =>
            "openssl_conf = openssl_def\n\n[openssl_def]\nengines = engine_section\n\n[engine_section]\ngost = gost_section\n\n"
            + "[gost_section]\nengine_id = gost\ndynamic_path = " + enginePath + "\ndefault_algorithms = ALL\n";

        /// <summary>Writes the config into <paramref name="directory"/> and returns its path.</summary>
        internal static string WriteConfig(string enginePath, string directory)
        {
            var path = Path.Combine(directory, "openssl-gost.cnf");
            File.WriteAllText(path, ConfigText(enginePath));
            return path;
        }

        internal static string NewTempDirectory()
        {
            var path = Path.Combine(Path.GetTempPath(), "gosapi-openssl-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(path);
            return path;
        }

        internal static void DeleteDirectory(string path)
        {
            try
            {
                if (Directory.Exists(path)) Directory.Delete(path, true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
