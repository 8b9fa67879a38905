using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using GosApi.FnsMobileSign.Models;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.FnsMobileSign
{
    /// <summary>
    /// GET /api/rb/staff/agent, every page, filtered here by -Username (wildcards) and -Id. Paging stops as soon as
    /// the pipeline stops (Select-Object -First) or every exact name and id asked for was found.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "FnsAgent")]
    [OutputType(typeof(FnsAgent))]
    public sealed class GetFnsAgentCommand : FnsCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        public string[]? Username { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("AgentId")]
        public long[]? Id { get; set; }

        protected override void ProcessRecord()
        {
            var patterns = (Username ?? new string[0]).Select(u => WildcardPattern.Get(u, WildcardOptions.IgnoreCase)).ToArray();
            var exactNames = new HashSet<string>((Username ?? new string[0]).Where(u => !WildcardPattern.ContainsWildcardCharacters(u)), System.StringComparer.OrdinalIgnoreCase);
            var ids = new HashSet<long>(Id ?? new long[0]);
            var hasWildcard = exactNames.Count < (Username ?? new string[0]).Distinct(System.StringComparer.OrdinalIgnoreCase).Count();
            var filtered = patterns.Length > 0 || ids.Count > 0;
            var foundNames = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
            var foundIds = new HashSet<long>();
            var listed = TryRun(() => Run(ct => Client.ListAgentsAsync(agent =>
            {
                var byName = patterns.Length == 0 || patterns.Any(p => p.IsMatch(agent.Username ?? string.Empty));
                var byId = ids.Count == 0 || ids.Contains(agent.Id);
                if (byName && byId)
                {
                    if (agent.Username != null) foundNames.Add(agent.Username);
                    foundIds.Add(agent.Id);
                    PostObject(agent);
                }
                // Only exact names and ids: once each was seen there is nothing more to look for.
                var done = filtered && !hasWildcard
                    && exactNames.All(foundNames.Contains) && ids.All(foundIds.Contains);
                return !done;
            }, ct)), Username != null ? string.Join(",", Username) : (object?)null);
            if (!listed) return;
            foreach (var name in exactNames.Where(n => !foundNames.Contains(n)))
                WriteError(new ErrorRecord(new ItemNotFoundException($"There is no agent with the user name '{name}'."), "FnsMobileSign.AgentNotFound", ErrorCategory.ObjectNotFound, name));
            foreach (var id in ids.Where(i => !foundIds.Contains(i)))
                WriteError(new ErrorRecord(new ItemNotFoundException($"There is no agent with id {id}."), "FnsMobileSign.AgentNotFound", ErrorCategory.ObjectNotFound, id));
        }
    }
}
