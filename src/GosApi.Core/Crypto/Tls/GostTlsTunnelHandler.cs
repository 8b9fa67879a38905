using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace GosApi.Crypto.Tls
{
    /// <summary>
    /// Sends requests through a <see cref="GostTlsTunnel"/>: adds the remote's Host header (stunnel forwards bytes, the
    /// server needs its own name) and, when the exchange fails, reports stunnel's reason with its fix.
    /// </summary>
    internal sealed class GostTlsTunnelHandler : DelegatingHandler
    {
        private readonly GostTlsTunnel tunnel;

        internal GostTlsTunnelHandler(GostTlsTunnel tunnel)
            : base(new HttpClientHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                UseProxy = false,
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            })
        {
            this.tunnel = tunnel;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Host = tunnel.HostHeader;
            var mark = tunnel.LogSequence;
            try
            {
                return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            // Any failure (HttpRequestException, IOException, a bare SocketException such as ENOTCONN when stunnel drops the
            // connection while the body is being written): stunnel's log says why.
            catch (Exception ex) when (!(ex is OperationCanceledException) && !cancellationToken.IsCancellationRequested)
            {
                if (!tunnel.IsRunning)
                    throw new HttpRequestException("The GOST TLS tunnel to " + tunnel.RemoteUri.GetLeftPart(UriPartial.Authority) + " is not running (stunnel stopped); start it again with Start-GostTlsTunnel. " + Innermost(ex));
                var lines = GostTlsTunnel.Explain(await tunnel.WaitForErrorsAsync(mark, TimeSpan.FromSeconds(2)).ConfigureAwait(false));
                if (lines.Count == 0) throw;
                // No inner exception: callers report the innermost message, and stunnel's reason is the useful one.
                throw new HttpRequestException("GOST TLS tunnel to " + tunnel.RemoteUri.GetLeftPart(UriPartial.Authority) + " failed: " + string.Join(" | ", lines));
            }
        }

        private static string Innermost(Exception ex)
        {
            while (ex.InnerException != null) ex = ex.InnerException;
            return ex.Message;
        }
    }
}
