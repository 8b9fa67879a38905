using System.Management.Automation;

namespace GosApi.PowerShell.Tests.Infrastructure;

/// <summary>
/// The tests do not reference GosApi.Core (the module loads it in its own load context, as for users);
/// output objects are read through PowerShell's view of them.
/// </summary>
public static class PSObjectExtensions
{
    public static bool IsType(this PSObject o, string typeName) => o.TypeNames.Count > 0 && o.TypeNames[0] == typeName;

    public static T Get<T>(this PSObject o, string property)
    {
        var p = o.Properties[property] ?? throw new InvalidOperationException($"{o.TypeNames.FirstOrDefault()} has no property {property}");
        return LanguagePrimitives.ConvertTo<T>(p.Value);
    }

    public static List<PSObject> OfType(this IEnumerable<PSObject> items, string typeName) => items.Where(o => o.IsType(typeName)).ToList();
}
