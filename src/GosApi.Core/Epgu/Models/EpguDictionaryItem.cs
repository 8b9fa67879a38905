using System;
using System.Collections.Generic;

namespace GosApi.Epgu.Models
{
    public enum EpguDictionaryFilter
    {
        /// <summary>Flat: one level.</summary>
        OneLevel,
        /// <summary>Hierarchical: the subtree under the parent.</summary>
        Subtree,
    }

    /// <summary>An item of an NSI dictionary (001 Table 32).</summary>
    public sealed class EpguDictionaryItem
    {
        public string Dictionary { get; set; } = string.Empty;
        public string Value { get; set; } = string.Empty;
        public string? ParentValue { get; set; }
        public string Title { get; set; } = string.Empty;
        public bool IsLeaf { get; set; }
        public IReadOnlyList<EpguDictionaryItem> Children { get; set; } = Array.Empty<EpguDictionaryItem>();
        public IReadOnlyDictionary<string, string?> AttributeValues { get; set; } = new Dictionary<string, string?>();

        public override string ToString() => $"{Value} {Title}";
    }
}
