using System;

namespace GosApi.Epgu.Models
{
    /// <summary>
    /// Parses file links of the form terrabyte://{bucket}/{objectId}/{mnemonic}/{objectType}
    /// (001 §5: "terrabyte://…/…/mnemonic/objectType"; example terrabyte://00/2058864134/req.xml/2).
    /// </summary>
    public sealed class TerrabyteLink
    {
        private TerrabyteLink(string objectId, string mnemonic, string objectType)
        {
            ObjectId = objectId;
            Mnemonic = mnemonic;
            ObjectType = objectType;
        }

        public string ObjectId { get; }
        public string Mnemonic { get; }
        public string ObjectType { get; }

        public static TerrabyteLink? TryParse(string? link)
        {
            const string scheme = "terrabyte://";
            if (link == null || !link.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return null;
            var parts = link.Substring(scheme.Length).Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 3) return null;
            var objectType = parts[parts.Length - 1].Trim();
            var mnemonic = parts[parts.Length - 2].Trim();
            var objectId = parts[parts.Length - 3].Trim();
            if (objectId.Length == 0 || mnemonic.Length == 0 || objectType.Length == 0) return null;
            return new TerrabyteLink(objectId, Uri.UnescapeDataString(mnemonic), objectType);
        }
    }
}
