using System;

namespace GosApi.PowerShell.Infrastructure
{
    /// <summary>An IProgress that calls back at once (Progress&lt;T&gt; would post to a synchronization context we do not have).</summary>
    internal sealed class SynchronousProgress<T> : IProgress<T>
    {
        private readonly Action<T> handler;
        public SynchronousProgress(Action<T> handler) { this.handler = handler; }
        public void Report(T value) => handler(value);
    }
}
