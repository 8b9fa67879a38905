using System;
using System.IO;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GosApi.Validation;

namespace GosApi.FnsMobileSign.Requests
{
    /// <summary>A file sent to the service: its title and its base64 content (seed 003: documents[].title/path).</summary>
    public sealed class FnsDocumentUpload
    {
        public const int MaxTitleLength = 250;
        private static readonly Regex Disallowed = new Regex(@"[^\.\(\)\w\s-]", RegexOptions.CultureInvariant);

        private FnsDocumentUpload(string title, string base64, long length) { Title = title; Base64 = base64; Length = length; }

        /// <summary>The title as sent: characters outside [\w\s.()-] replaced by "_" (as the service would), at most 250.</summary>
        public string Title { get; }
        public string Base64 { get; }
        public long Length { get; }

        public static FnsDocumentUpload FromFile(string path, string? title = null)
        {
            var info = new FileInfo(path);
            if (!info.Exists) throw new FileNotFoundException("The file to send does not exist: " + path, path);
            return FromBytes(File.ReadAllBytes(info.FullName), title ?? info.Name);
        }

        public static FnsDocumentUpload FromBytes(byte[] content, string title)
        {
            if (content == null) throw new ArgumentNullException(nameof(content));
            return new FnsDocumentUpload(SafeTitle(title), Convert.ToBase64String(content), content.Length);
        }

        /// <summary>The service's own replacement of characters it does not accept in a title.</summary>
        public static string SafeTitle(string title) => Disallowed.Replace(title ?? string.Empty, "_");

        internal void Check(ValidationResult result, string field)
        {
            if (Rules.IsBlank(Title)) result.Add(field + ".Title", Title, "is required");
            else if (Title.Length > MaxTitleLength) result.Add(field + ".Title", Title, "must be at most " + MaxTitleLength + " characters");
            if (Length == 0) result.Add(field, Title, "the file is empty");
        }

        internal JsonObject ToJson() => new JsonObject { ["title"] = Title, ["path"] = Base64 };
    }
}
