using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace GosApi.PowerShell.Infrastructure
{
    /// <summary>
    /// PowerShell 7: GosApi.Core and everything it needs load into one private context. Kept in its own class
    /// so that Windows PowerShell never touches AssemblyLoadContext.
    /// </summary>
    internal static class CoreDependencyResolver
    {
        // Set while the private context asks the default one for a framework assembly, so that the default
        // context's Resolving handler below does not hand the question straight back (endless recursion).
        [ThreadStatic]
        private static bool probingDefault;

        public static void Register(string directory)
        {
            var context = new DependencyLoadContext(directory);
            // Called only when the default context has no such assembly: the cmdlets' references to
            // GosApi.Core (and to the few types its public API shares) are answered from the private context.
            AssemblyLoadContext.Default.Resolving += (defaultContext, name) =>
                !probingDefault && File.Exists(Path.Combine(directory, name.Name + ".dll")) ? context.LoadFromAssemblyName(name) : null;
        }

        private sealed class DependencyLoadContext : AssemblyLoadContext
        {
            private readonly string directory;

            public DependencyLoadContext(string directory) { this.directory = directory; }

            protected override Assembly? Load(AssemblyName name)
            {
                var path = Path.Combine(directory, name.Name + ".dll");
                if (!File.Exists(path)) return null;
                if (IsFrameworkFamily(name.Name))
                {
                    // The runtime's own copy (System.Text.Json, System.Memory, …) keeps type identity with the
                    // framework; ours is only a fallback for older runtimes that lack the version we need.
                    probingDefault = true;
                    try { return Default.LoadFromAssemblyName(name); }
                    catch (FileNotFoundException) { }
                    catch (FileLoadException) { }
                    finally { probingDefault = false; }
                }
                return LoadFromAssemblyPath(path);
            }

            private static bool IsFrameworkFamily(string? name) =>
                name != null && (name.StartsWith("System.", StringComparison.OrdinalIgnoreCase) || name.StartsWith("Microsoft.Bcl.", StringComparison.OrdinalIgnoreCase)
                    || name.StartsWith("Microsoft.Extensions.", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "netstandard", StringComparison.OrdinalIgnoreCase));
        }
    }
}
