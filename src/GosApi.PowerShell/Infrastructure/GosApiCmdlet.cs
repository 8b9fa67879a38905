using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using GosApi.Diagnostics;
using GosApi.Errors;

namespace GosApi.PowerShell.Infrastructure
{
    /// <summary>
    /// Base of every cmdlet: owns the cancellation (Ctrl+C → StopProcessing), runs Core's async work while
    /// pumping its messages on the pipeline thread, and turns failures into ErrorRecords.
    /// </summary>
    public abstract class GosApiCmdlet : PSCmdlet
    {
        private readonly CancellationTokenSource stopping = new CancellationTokenSource();

        /// <summary>The service this cmdlet talks to (the prefix of its error ids).</summary>
        protected abstract GosApiService Service { get; }

        protected CancellationToken StopToken => stopping.Token;

        protected override void StopProcessing() => stopping.Cancel();

        /// <summary>Runs async work to completion on a worker thread, executing its posted actions here.</summary>
        protected T Run<T>(Func<CancellationToken, Task<T>> work)
        {
            var thread = new PipelineThread();
            Task<T> task;
            using (PipelineThread.Enter(thread))
            using (OperationScope.Begin(new QueueReporter(thread, this)))
            {
                task = Task.Run(() => work(stopping.Token));
            }
            try
            {
                thread.Pump(task);
            }
            catch
            {
                // The pipeline stopped downstream (Select -First) or a Write failed: stop the work too.
                stopping.Cancel();
                throw;
            }
            try
            {
                return task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        protected void Run(Func<CancellationToken, Task> work) => Run<bool>(async ct => { await work(ct).ConfigureAwait(false); return true; });

        /// <summary>From background work: write an object on the pipeline thread.</summary>
        protected void PostObject(object item) => Post(() => WriteObject(item));

        /// <summary>From background work: run an action on the pipeline thread (progress, warnings…).</summary>
        protected void Post(Action action)
        {
            var thread = PipelineThread.Current;
            if (thread == null) action();
            else thread.Post(action);
        }

        /// <summary>Runs an operation and reports its failure as a non-terminating error; returns false when it failed.</summary>
        protected bool TryRun(Action operation, object? target)
        {
            try
            {
                operation();
                return true;
            }
            catch (Exception ex) when (IsReportable(ex))
            {
                WriteError(ErrorRecords.From(ex, Service, target));
                return false;
            }
        }

        /// <summary>Stops the cmdlet with a terminating error built from a Core exception.</summary>
        protected void Terminate(Exception exception, object? target) => ThrowTerminatingError(ErrorRecords.From(exception, Service, target));

        /// <summary>
        /// Resolves -Path (wildcards) or -LiteralPath to file-system paths; each path that matches nothing is a
        /// non-terminating error. Returns the paths found and how many inputs were missing.
        /// </summary>
        protected (List<string> Paths, int Missing) ResolveFilePaths(IEnumerable<string> inputs, bool literal)
        {
            var paths = new List<string>();
            var missing = 0;
            foreach (var input in inputs)
            {
                try
                {
                    if (literal)
                    {
                        var path = GetUnresolvedProviderPathFromPSPath(input);
                        if (!System.IO.File.Exists(path) && !System.IO.Directory.Exists(path)) throw new ItemNotFoundException($"Cannot find path '{path}' because it does not exist.");
                        paths.Add(path);
                    }
                    else
                    {
                        var found = GetResolvedProviderPathFromPSPath(input, out _);
                        if (found.Count == 0) throw new ItemNotFoundException($"Cannot find any file matching '{input}'.");
                        paths.AddRange(found);
                    }
                }
                catch (ItemNotFoundException ex)
                {
                    missing++;
                    WriteError(new ErrorRecord(ex, Service + ".FileNotFound", ErrorCategory.ObjectNotFound, input));
                }
            }
            return (paths, missing);
        }

        /// <summary>Parses a ValidateSet-checked string parameter into its Core enum.</summary>
        protected static T Parse<T>(string value) where T : struct => (T)Enum.Parse(typeof(T), value, ignoreCase: true);

        protected static bool IsReportable(Exception ex) =>
            ex is GosApiException || ex is GosApi.Crypto.Pki.GostCryptoException || ex is System.Security.Cryptography.CryptographicException || ex is ArgumentException || ex is System.IO.IOException || ex is UnauthorizedAccessException || ex is InvalidOperationException && !(ex is PSInvalidOperationException);
    }
}
