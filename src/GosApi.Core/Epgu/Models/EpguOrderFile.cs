namespace GosApi.Epgu.Models
{
    public enum EpguOrderFileKind
    {
        /// <summary>A file of the agency's response (orderResponseFiles).</summary>
        Response,
        /// <summary>A file the applicant sent (orderAttachmentFiles).</summary>
        Attachment,
    }

    /// <summary>A file attached to an order; its terrabyte:// link is split into the parts the download needs.</summary>
    public sealed class EpguOrderFile
    {
        public long OrderId { get; set; }
        public EpguOrderFileKind Kind { get; set; }
        public string FileName { get; set; } = string.Empty;
        public long FileSize { get; set; }
        public string? MimeType { get; set; }
        public string? Id { get; set; }
        public string? Link { get; set; }
        public bool HasDigitalSignature { get; set; }
        public string? Type { get; set; }
        public string? ObjectId { get; set; }
        public string? ObjectType { get; set; }
        public string? Mnemonic { get; set; }
        /// <summary>The order's eserviceId, which later download routes need.</summary>
        public string? ServiceCode { get; set; }

        public bool CanDownload => !string.IsNullOrEmpty(ObjectId) && !string.IsNullOrEmpty(ObjectType) && !string.IsNullOrEmpty(Mnemonic);

        public override string ToString() => FileName;
    }
}
