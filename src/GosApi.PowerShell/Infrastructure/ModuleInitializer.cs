using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;

namespace GosApi.PowerShell.Infrastructure
{
    /// <summary>
    /// Resolves the module's dependencies from its Dependencies/ folder so that they never clash with other
    /// modules' copies ("Resolving PowerShell module assembly dependency conflicts"): a private
    /// AssemblyLoadContext on PowerShell 7, AssemblyResolve with LoadFrom on Windows PowerShell 5.1.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly object Gate = new object();
        private static bool registered;

        internal static string DependencyDirectory { get; } =
            Path.Combine(Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? ".", "Dependencies");

        private static bool IsNetFramework => RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);

        public void OnImport()
        {
            lock (Gate)
            {
                if (registered) return;
                if (IsNetFramework) AppDomain.CurrentDomain.AssemblyResolve += ResolveOnNetFramework;
                else CoreDependencyResolver.Register(DependencyDirectory);
                registered = true;
            }
        }

        // Handlers stay registered for the life of the process: other runspaces may still use the module,
        // and assemblies once loaded cannot be unloaded from the default context anyway.
        // GOST TLS tunnels (stunnel processes) this runspace started do not outlive the module in it.
        public void OnRemove(PSModuleInfo module) => Gost.GostTlsTunnelRegistry.StopAll(System.Management.Automation.Runspaces.Runspace.DefaultRunspace);

        private static Assembly? ResolveOnNetFramework(object? sender, ResolveEventArgs args)
        {
            var name = new AssemblyName(args.Name).Name;
            var path = Path.Combine(DependencyDirectory, name + ".dll");
            return File.Exists(path) ? Assembly.LoadFrom(path) : null;
        }
    }
}
