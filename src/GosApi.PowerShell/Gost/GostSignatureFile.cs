namespace GosApi.PowerShell.Gost
{
    /// <summary>A signature New-GostSignature wrote.</summary>
    public sealed class GostSignatureFile
    {
        public string Path { get; set; } = string.Empty;
        public string SignaturePath { get; set; } = string.Empty;
        public bool Attached { get; set; }
        public string Encoding { get; set; } = "Der";
        public long Length { get; set; }
        /// <summary>Subject of the signer's certificate.</summary>
        public string Signer { get; set; } = string.Empty;

        public override string ToString() => SignaturePath;
    }
}
