using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using RestSharp.Interceptors;

namespace GosApi.Uc
{
    /// <summary>
    /// Sends a JSON body whose one string member is a file in base64, streamed from disk: the JSON before and after
    /// the value are written around a ToBase64Transform over the file, so memory stays flat whatever the file size.
    /// A fresh content is made for every attempt (retries send the file again from the start).
    /// </summary>
    internal sealed class Base64FileJsonBody : Interceptor
    {
        private readonly string prefix;
        private readonly string suffix;
        private readonly string path;

        /// <param name="jsonWithPlaceholder">The body serialised with the file member's value set to <paramref name="placeholder"/>.</param>
        public Base64FileJsonBody(string jsonWithPlaceholder, string placeholder, string path)
        {
            var quoted = "\"" + placeholder + "\"";
            var at = jsonWithPlaceholder.IndexOf(quoted, StringComparison.Ordinal);
            if (at < 0) throw new ArgumentException("The placeholder is not in the JSON.", nameof(placeholder));
            prefix = jsonWithPlaceholder.Substring(0, at + 1);
            suffix = jsonWithPlaceholder.Substring(at + quoted.Length - 1);
            this.path = path;
        }

        public override ValueTask BeforeHttpRequest(HttpRequestMessage requestMessage, CancellationToken cancellationToken)
        {
            requestMessage.Content = new Content(prefix, suffix, path);
            return default;
        }

        private sealed class Content : HttpContent
        {
            private readonly byte[] before;
            private readonly byte[] after;
            private readonly string path;

            public Content(string prefix, string suffix, string path)
            {
                before = Encoding.UTF8.GetBytes(prefix);
                after = Encoding.UTF8.GetBytes(suffix);
                this.path = path;
                Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            }

            protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
            {
                await stream.WriteAsync(before, 0, before.Length).ConfigureAwait(false);
                using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true))
                using (var base64 = new CryptoStream(file, new ToBase64Transform(), CryptoStreamMode.Read))
                {
                    await base64.CopyToAsync(stream, 81920).ConfigureAwait(false);
                }
                await stream.WriteAsync(after, 0, after.Length).ConfigureAwait(false);
            }

            protected override bool TryComputeLength(out long length)
            {
                var size = new FileInfo(path).Length;
                length = before.Length + after.Length + (size + 2) / 3 * 4;
                return true;
            }
        }
    }
}
