using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using GosApi.Diagnostics;

namespace GosApi.Http.Exchanges
{
    /// <summary>
    /// A request body as text for records: small buffered bodies verbatim (secrets scrubbed), multipart forms part
    /// by part, files and streams by name and size only — never read, so uploads stay streamed.
    /// </summary>
    internal static class RequestContentDescriber
    {
        public const int MaxRecordedBytes = 64 * 1024;

        public static async Task<string?> DescribeAsync(HttpContent? content)
        {
            if (content == null) return null;
            var text = new StringBuilder();
            await AppendAsync(text, content).ConfigureAwait(false);
            return SecretScrubber.Scrub(text.ToString());
        }

        private static async Task AppendAsync(StringBuilder text, HttpContent content)
        {
            if (content is MultipartContent multipart)
            {
                var boundary = content.Headers.ContentType?.Parameters.FirstOrDefault(p => p.Name == "boundary")?.Value?.Trim('"') ?? "boundary";
                foreach (var part in multipart)
                {
                    text.Append("--").Append(boundary).Append('\n');
                    foreach (var header in part.Headers) text.Append(header.Key).Append(": ").Append(string.Join(", ", header.Value)).Append('\n');
                    text.Append('\n');
                    await AppendAsync(text, part).ConfigureAwait(false);
                    text.Append('\n');
                }
                text.Append("--").Append(boundary).Append("--");
                return;
            }
            var length = content.Headers.ContentLength;
            if (content is ByteArrayContent && length.HasValue && length.Value <= MaxRecordedBytes)
            {
                text.Append(await content.ReadAsStringAsync().ConfigureAwait(false));
                return;
            }
            var name = content.Headers.ContentDisposition?.FileNameStar ?? content.Headers.ContentDisposition?.FileName?.Trim('"');
            text.Append('<')
                .Append(name != null ? "file " + name : content.Headers.ContentType?.MediaType ?? "content")
                .Append(", ")
                .Append(length.HasValue ? length.Value.ToString(CultureInfo.InvariantCulture) + " bytes" : "size unknown")
                .Append(", not recorded>");
        }
    }
}
