namespace GosApi.PowerShell.Gost
{
    /// <summary>What Get-GostHash returns; shaped like Get-FileHash's output.</summary>
    public sealed class GostFileHash
    {
        public GostFileHash(string algorithm, string hash, string? path)
        {
            Algorithm = algorithm;
            Hash = hash;
            Path = path;
        }

        public string Algorithm { get; }
        /// <summary>Upper-case hex of the digest bytes in the order the hash function outputs them (as openssl dgst prints them).</summary>
        public string Hash { get; }
        public string? Path { get; }

        public override string ToString() => Hash;
    }
}
