namespace GosApi.Epgu
{
    /// <summary>How Send-EpguPackage delivers an archive.</summary>
    public sealed class EpguSendOptions
    {
        /// <summary>Upload into this existing order (always /push/chunked).</summary>
        public long? OrderId { get; set; }
        /// <summary>Use /order + /push/chunked even for a small archive.</summary>
        public bool ForceChunked { get; set; }
        /// <summary>Size of non-last chunks; null = the session's maximum.</summary>
        public long? ChunkSize { get; set; }
        /// <summary>Middle chunks in flight at once; null = the session's setting.</summary>
        public int? ThrottleLimit { get; set; }
    }
}
