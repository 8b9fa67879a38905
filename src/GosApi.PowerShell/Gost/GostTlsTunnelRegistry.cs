using System;
using System.Collections.Generic;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace GosApi.PowerShell.Gost
{
    /// <summary>
    /// The tunnels Start-GostTlsTunnel started, per runspace: stopped when that runspace closes (or breaks) and when the
    /// module is removed from it, besides Stop-GostTlsTunnel, Dispose and process exit. Holds them as IDisposable so that
    /// the module's initializer can use it without loading GosApi.Core.
    /// </summary>
    internal static class GostTlsTunnelRegistry
    {
        private static readonly object Gate = new object();
        private static readonly ConditionalWeakTable<Runspace, List<IDisposable>> ByRunspace = new ConditionalWeakTable<Runspace, List<IDisposable>>();

        internal static void Add(Runspace? runspace, IDisposable tunnel)
        {
            if (runspace == null) return;
            lock (Gate)
            {
                if (!ByRunspace.TryGetValue(runspace, out var tunnels))
                {
                    tunnels = new List<IDisposable>();
                    ByRunspace.Add(runspace, tunnels);
                    runspace.StateChanged += OnStateChanged;
                }
                tunnels.Add(tunnel);
            }
        }

        internal static void Remove(Runspace? runspace, IDisposable tunnel)
        {
            if (runspace == null) return;
            lock (Gate)
            {
                if (ByRunspace.TryGetValue(runspace, out var tunnels)) tunnels.Remove(tunnel);
            }
        }

        /// <summary>Stops every tunnel started in <paramref name="runspace"/>.</summary>
        internal static void StopAll(Runspace? runspace)
        {
            if (runspace == null) return;
            List<IDisposable> stopping;
            lock (Gate)
            {
                if (!ByRunspace.TryGetValue(runspace, out var tunnels)) return;
                stopping = new List<IDisposable>(tunnels);
                tunnels.Clear();
            }
            foreach (var tunnel in stopping) tunnel.Dispose();
        }

        private static void OnStateChanged(object? sender, RunspaceStateEventArgs e)
        {
            var state = e.RunspaceStateInfo.State;
            if (state == RunspaceState.Closing || state == RunspaceState.Closed || state == RunspaceState.Broken) StopAll(sender as Runspace);
        }
    }
}
