using System;
using System.Net.Http;
using System.Security.Authentication;
using System.Threading;
using System.Threading.Tasks;

namespace GosApi.Crypto.Tls
{
    /// <summary>
    /// Sends requests over the GOST-capable TLS handler and turns a refused server or a failed GOST handshake into an
    /// error that says why and what to do (the runtime itself only says "the remote certificate was rejected").
    /// </summary>
    internal sealed class GostTlsHandler : DelegatingHandler
    {
        private readonly GostTlsCertificateValidator validator;
        private readonly string transport;

        internal GostTlsHandler(HttpMessageHandler inner, GostTlsCertificateValidator validator, string transport)
            : base(inner)
        {
            this.validator = validator;
            this.transport = transport;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            try
            {
                return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException ex) when (!cancellationToken.IsCancellationRequested && request.RequestUri != null && IsTlsFailure(ex))
            {
                var endpoint = request.RequestUri.Host + ":" + request.RequestUri.Port;
                var refusal = validator.TakeRefusal(request.RequestUri.IdnHost);
                // No inner exception: callers report the innermost message, and this one is the useful one.
                if (refusal != null) throw new HttpRequestException("GOST TLS to " + endpoint + " (" + transport + "): " + refusal);
                throw new HttpRequestException("GOST TLS handshake with " + endpoint + " (" + transport + ") failed: " + Innermost(ex)
                    + " — check that the server speaks TLS 1.2 with 0xFF85 or 0xC100–0xC102 (or ordinary TLS) and run Test-GostTlsConnection " + request.RequestUri.GetLeftPart(UriPartial.Authority) + " to see why.");
            }
        }

        private static bool IsTlsFailure(Exception ex)
        {
            for (var e = ex.InnerException; e != null; e = e.InnerException)
            {
                if (e is AuthenticationException) return true;
            }
            return false;
        }

        private static string Innermost(Exception ex)
        {
            while (ex.InnerException != null) ex = ex.InnerException;
            return ex.Message;
        }
    }
}
