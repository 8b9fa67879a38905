using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace GosApi.Crypto.Signers
{
    /// <summary>A command line an external signer runs: the program and its arguments, with secrets masked in <see cref="Display"/>.</summary>
    public sealed class ExternalCommand
    {
        private readonly ISet<int> secretIndexes;

        internal ExternalCommand(string fileName, IReadOnlyList<string> arguments, IEnumerable<int>? secretIndexes = null)
        {
            FileName = fileName;
            Arguments = arguments;
            this.secretIndexes = new HashSet<int>(secretIndexes ?? Enumerable.Empty<int>());
        }

        /// <summary>The program to start.</summary>
        public string FileName { get; }

        /// <summary>The arguments, one per element, unquoted. May contain a secret (a PIN): do not log them; log <see cref="Display"/>.</summary>
        public IReadOnlyList<string> Arguments { get; }

        /// <summary>The command line with secrets replaced by "***", safe to log.</summary>
        public string Display => ExternalProcess.Quote(FileName) + " " + string.Join(" ", Arguments.Select((a, i) => secretIndexes.Contains(i) ? "***" : ExternalProcess.Quote(a)));

        public override string ToString() => Display;
    }

    internal sealed class ProcessResult
    {
        internal ProcessResult(int exitCode, byte[] output, string error)
        {
            ExitCode = exitCode;
            Output = output;
            Error = error;
        }

        internal int ExitCode { get; }
        internal byte[] Output { get; }
        internal string Error { get; }
        internal string OutputText => Encoding.UTF8.GetString(Output);
    }

    /// <summary>Runs a program with arguments, optional stdin stream and environment, collecting stdout (bytes) and stderr (text).</summary>
    internal static class ExternalProcess
    {
        internal static async Task<ProcessResult> RunAsync(
            ExternalCommand command,
            IDictionary<string, string>? environment = null,
            Stream? input = null,
            TimeSpan? timeout = null,
            CancellationToken cancellationToken = default)
        {
            var start = new ProcessStartInfo(command.FileName, string.Join(" ", command.Arguments.Select(Quote)))
            {
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                CreateNoWindow = true,
            };
            if (environment != null)
            {
                foreach (var pair in environment) start.Environment[pair.Key] = pair.Value;
            }
            Process process;
            try
            {
                process = Process.Start(start) ?? throw new InvalidOperationException("The process did not start.");
            }
            catch (Exception ex) when (ex is System.ComponentModel.Win32Exception || ex is InvalidOperationException || ex is FileNotFoundException)
            {
                throw new Pki.GostCryptoException("Cannot start '" + command.FileName + "': " + ex.Message + ". Is it installed and on PATH?", ex);
            }
            using (process)
            using (var timeoutSource = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(30)))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token))
            using (linked.Token.Register(() => Kill(process)))
            {
                var output = new MemoryStream();
                var readOutput = process.StandardOutput.BaseStream.CopyToAsync(output);
                var readError = process.StandardError.ReadToEndAsync();
                var writeInput = Task.Run(async () =>
                {
                    try
                    {
                        if (input != null) await input.CopyToAsync(process.StandardInput.BaseStream, 81920, linked.Token).ConfigureAwait(false);
                    }
                    catch (IOException)
                    {
                        // The process closed stdin early (it failed); its exit code and stderr tell why.
                    }
                    finally
                    {
                        try { process.StandardInput.Close(); } catch (IOException) { }
                    }
                });
                await Task.WhenAll(readOutput, readError, writeInput).ConfigureAwait(false);
                process.WaitForExit();
                cancellationToken.ThrowIfCancellationRequested();
                if (timeoutSource.IsCancellationRequested) throw new TimeoutException("'" + command.FileName + "' did not finish within " + (timeout ?? TimeSpan.FromMinutes(30)) + ".");
                return new ProcessResult(process.ExitCode, output.ToArray(), readError.Result);
            }
        }

        private static void Kill(Process process)
        {
            try
            {
                if (!process.HasExited) process.Kill();
            }
            catch (InvalidOperationException)
            {
            }
            catch (System.ComponentModel.Win32Exception)
            {
            }
        }

        /// <summary>Quotes an argument by the rules that .NET and the MS C runtime parse (backslashes before quotes doubled).</summary>
        internal static string Quote(string argument)
        {
            if (argument.Length > 0 && argument.IndexOfAny(new[] { ' ', '\t', '\n', '\v', '"' }) < 0) return argument;
            var result = new StringBuilder("\"");
            var backslashes = 0;
            foreach (var c in argument)
            {
                if (c == '\\')
                {
                    backslashes++;
                    continue;
                }
                if (c == '"')
                {
                    result.Append('\\', 2 * backslashes + 1).Append('"');
                }
                else
                {
                    result.Append('\\', backslashes).Append(c);
                }
                backslashes = 0;
            }
            result.Append('\\', 2 * backslashes).Append('"');
            return result.ToString();
        }
    }
}
