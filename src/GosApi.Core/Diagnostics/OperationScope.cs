using System;
using System.Threading;

namespace GosApi.Diagnostics
{
    /// <summary>Receives the messages an operation produces while it runs on background threads.</summary>
    public interface IOperationReporter
    {
        void Debug(string message);
        void Verbose(string message);
        void Warning(string message);
    }

    /// <summary>
    /// The reporter of the operation running on the current logical flow. The cmdlet layer sets it
    /// before starting async work, so deep code (the HTTP pipeline) can trace without a parameter on every call.
    /// Everything written through it is scrubbed of registered secrets.
    /// </summary>
    public static class OperationScope
    {
        private static readonly AsyncLocal<IOperationReporter?> CurrentReporter = new AsyncLocal<IOperationReporter?>();

        public static IDisposable Begin(IOperationReporter reporter)
        {
            var previous = CurrentReporter.Value;
            CurrentReporter.Value = reporter;
            return new Restore(previous);
        }

        public static void Debug(string message) => CurrentReporter.Value?.Debug(SecretScrubber.Scrub(message));
        public static void Verbose(string message) => CurrentReporter.Value?.Verbose(SecretScrubber.Scrub(message));
        public static void Warning(string message) => CurrentReporter.Value?.Warning(SecretScrubber.Scrub(message));

        private sealed class Restore : IDisposable
        {
            private readonly IOperationReporter? previous;
            public Restore(IOperationReporter? previous) { this.previous = previous; }
            public void Dispose() => CurrentReporter.Value = previous;
        }
    }
}
