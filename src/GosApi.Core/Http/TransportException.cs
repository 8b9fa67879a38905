using System;

namespace GosApi.Http
{
    /// <summary>No HTTP answer at all: connection refused or reset, DNS, TLS, timeout.</summary>
    internal sealed class TransportException : Exception
    {
        public TransportException(string message, bool timedOut, Exception? inner) : base(message, inner) { TimedOut = timedOut; }
        public bool TimedOut { get; }
    }
}
