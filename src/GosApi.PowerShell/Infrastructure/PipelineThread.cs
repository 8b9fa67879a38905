using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace GosApi.PowerShell.Infrastructure
{
    /// <summary>
    /// The queue through which background work reaches the pipeline thread of the running cmdlet
    /// (Write* and script blocks are only allowed there). Flows with the async context.
    /// </summary>
    internal sealed class PipelineThread
    {
        private static readonly AsyncLocal<PipelineThread?> CurrentThread = new AsyncLocal<PipelineThread?>();
        /// <summary>
        /// Bounded, so that a worker producing output faster than the pipeline consumes it waits instead of
        /// buffering everything (memory stays flat, and a downstream Select-Object -First stops the fetching early).
        /// </summary>
        private const int Capacity = 64;
        private readonly BlockingCollection<Action> queue = new BlockingCollection<Action>(Capacity);
        private readonly CancellationTokenSource pumpEnded = new CancellationTokenSource();

        public static PipelineThread? Current => CurrentThread.Value;

        public static IDisposable Enter(PipelineThread thread)
        {
            var previous = CurrentThread.Value;
            CurrentThread.Value = thread;
            return new Restore(previous);
        }

        /// <summary>Queues an action for the pipeline thread, waiting while the queue is full; dropped once the operation has ended.</summary>
        public void Post(Action action)
        {
            try { queue.Add(action, pumpEnded.Token); }
            catch (InvalidOperationException) { }
            catch (OperationCanceledException) { }
        }

        /// <summary>Runs a function on the pipeline thread and returns its result to the background caller.</summary>
        public Task<T> InvokeAsync<T>(Func<T> function)
        {
            var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            Post(() =>
            {
                try { result.SetResult(function()); }
                catch (Exception ex) { result.SetException(ex); }
            });
            if (queue.IsAddingCompleted) result.TrySetException(new InvalidOperationException("The cmdlet that started this operation has finished."));
            return result.Task;
        }

        /// <summary>Runs queued actions on the calling (pipeline) thread until the task completes.</summary>
        public void Pump(Task task)
        {
            task.ContinueWith(_ => queue.CompleteAdding(), TaskScheduler.Default);
            try
            {
                foreach (var action in queue.GetConsumingEnumerable()) action();
            }
            finally
            {
                pumpEnded.Cancel(); // releases a worker waiting for room after the pipeline stopped
            }
        }

        private sealed class Restore : IDisposable
        {
            private readonly PipelineThread? previous;
            public Restore(PipelineThread? previous) { this.previous = previous; }
            public void Dispose() => CurrentThread.Value = previous;
        }
    }
}
