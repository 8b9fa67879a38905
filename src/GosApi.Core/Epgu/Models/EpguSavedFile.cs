namespace GosApi.Epgu.Models
{
    /// <summary>A result file written to disk by Save-EpguOrderFile.</summary>
    public sealed class EpguSavedFile
    {
        public long OrderId { get; set; }
        public string FileName { get; set; } = string.Empty;
        /// <summary>Full path of the written file.</summary>
        public string Path { get; set; } = string.Empty;
        public long Length { get; set; }
        public string? MimeType { get; set; }

        public override string ToString() => Path;
    }
}
