using System;

namespace GosApi.Http
{
    /// <summary>No HTTP answer at all: connection refused or reset, DNS, TLS, timeout.</summary>
    internal sealed class TransportException : Exception
    {
        public TransportException(string message, bool timedOut, Exception? inner) : base(message, inner) { TimedOut = timedOut; }
        public bool TimedOut { get; }

        /// <summary>
        /// A TLS handshake the client refused (untrusted or wrong certificate, no shared suite): sending again gives the
        /// same answer, so it is not retried.
        /// </summary>
        public bool IsPermanent
        {
            get
            {
                for (var e = InnerException; e != null; e = e.InnerException)
                    if (e is System.Security.Authentication.AuthenticationException) return true;
                return false;
            }
        }
    }
}
