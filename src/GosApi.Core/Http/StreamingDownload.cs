using System.IO;
using System.Net.Http;
using RestSharp;

namespace GosApi.Http
{
    /// <summary>
    /// Writes a successful response body straight to a file (never into memory); an error body is kept
    /// as text so the error translator can read it.
    /// </summary>
    internal sealed class StreamingDownload
    {
        private readonly string path;
        public StreamingDownload(string path) { this.path = path; }
        public long Bytes { get; private set; }

        public RestResponse Write(HttpResponseMessage message, RestRequest request)
        {
            var response = new RestResponse(request)
            {
                StatusCode = message.StatusCode,
                StatusDescription = message.ReasonPhrase,
                ResponseStatus = ResponseStatus.Completed,
                IsSuccessStatusCode = message.IsSuccessStatusCode,
                ContentType = message.Content.Headers.ContentType?.MediaType,
                Headers = System.Linq.Enumerable.ToList(System.Linq.Enumerable.Select(message.Headers, h => new HeaderParameter(h.Key, string.Join(", ", h.Value)))),
            };
            if (message.IsSuccessStatusCode)
            {
                using var body = message.Content.ReadAsStreamAsync().GetAwaiter().GetResult();
                using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 81920);
                body.CopyTo(file, 81920);
                Bytes = file.Length;
            }
            else
            {
                response.Content = message.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            }
            return response;
        }
    }
}
