using System.Reflection;
using GosApi.Crypto.Pki;
using Xunit;

namespace GosApi.Core.Tests.Crypto;

public class PublicApiTests
{
    /// <summary>Cmdlets must never expose BouncyCastle types, so the toolkit's public surface has none.</summary>
    [Fact]
    public void No_BouncyCastle_type_in_any_public_signature_of_the_crypto_namespaces()
    {
        var types = typeof(GostCertificate).Assembly.GetExportedTypes()
            .Where(t => t.Namespace is "GosApi.Crypto.Pki" or "GosApi.Crypto.Cms" or "GosApi.Crypto.Signers")
            .ToList();
        Assert.Contains(typeof(GostPfx), types);

        var offending = new List<string>();
        foreach (var type in types)
        {
            const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var member in type.GetMembers(flags))
            {
                var used = member switch
                {
                    MethodBase m => m.GetParameters().Select(p => p.ParameterType).Append(m is MethodInfo mi ? mi.ReturnType : typeof(void)),
                    PropertyInfo p => new[] { p.PropertyType },
                    FieldInfo f => new[] { f.FieldType },
                    EventInfo e => new[] { e.EventHandlerType! },
                    _ => Array.Empty<Type>(),
                };
                foreach (var t in used.SelectMany(Expand))
                {
                    if (t.Namespace?.StartsWith("Org.BouncyCastle", StringComparison.Ordinal) == true) offending.Add(type.Name + "." + member.Name + ": " + t.FullName);
                }
            }
            if (type.BaseType?.Namespace?.StartsWith("Org.BouncyCastle", StringComparison.Ordinal) == true) offending.Add(type.Name + " derives from " + type.BaseType);
        }
        Assert.Empty(offending);
    }

    private static IEnumerable<Type> Expand(Type type)
    {
        yield return type;
        if (type.HasElementType) foreach (var t in Expand(type.GetElementType()!)) yield return t;
        if (type.IsGenericType) foreach (var t in type.GetGenericArguments().SelectMany(Expand)) yield return t;
    }
}
