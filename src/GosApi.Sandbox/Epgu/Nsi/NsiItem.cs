namespace GosApi.Sandbox.Epgu.Nsi;

/// <summary>A dictionary element (001 Table 32 items).</summary>
internal sealed class NsiItem(string value, string? parentValue, string title, IReadOnlyDictionary<string, string>? attributeValues = null)
{
    private readonly List<NsiItem> _children = new();

    public string Value { get; } = value;
    public string? ParentValue { get; } = parentValue;
    public string Title { get; } = title;
    public IReadOnlyDictionary<string, string> AttributeValues { get; } = attributeValues ?? new Dictionary<string, string>();
    public IReadOnlyList<NsiItem> Children => _children;
    public bool IsLeaf => _children.Count == 0;

    public NsiItem Add(NsiItem child)
    {
        _children.Add(child);
        return this;
    }
}

/// <summary>A dictionary: top-level items with their subtrees.</summary>
internal sealed class NsiDictionary(string code, IReadOnlyList<NsiItem> roots)
{
    public string Code { get; } = code;
    public IReadOnlyList<NsiItem> Roots { get; } = roots;

    public NsiItem? Find(string value) => Find(Roots, value);

    private static NsiItem? Find(IEnumerable<NsiItem> items, string value)
    {
        foreach (var item in items)
        {
            if (item.Value == value) return item;
            var found = Find(item.Children, value);
            if (found is not null) return found;
        }
        return null;
    }
}
