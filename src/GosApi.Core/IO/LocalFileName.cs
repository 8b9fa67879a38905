using System.IO;
using System.Linq;

namespace GosApi.IO
{
    /// <summary>A file name a service gave, made safe to write into a chosen folder: path parts dropped, invalid characters replaced.</summary>
    public static class LocalFileName
    {
        public static string From(string? name, string fallback = "file")
        {
            var leaf = (name ?? string.Empty).Replace('\\', '/').Split('/').Last();
            var invalid = Path.GetInvalidFileNameChars();
            var safe = new string(leaf.Select(c => invalid.Contains(c) ? '_' : c).ToArray()).Trim();
            return safe.Length == 0 || safe == "." || safe == ".." ? fallback : safe;
        }
    }
}
