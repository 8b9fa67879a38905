namespace GosApi.Sandbox;

/// <summary>Holds fault rules; the fault injection middleware asks it, first thing, for every request.</summary>
public sealed class FaultInjector
{
    private readonly object _gate = new();
    private readonly List<ActiveRule> _rules = new();

    public void Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (string.IsNullOrEmpty(rule.PathPrefix) || rule.PathPrefix[0] != '/')
            throw new ArgumentException($"PathPrefix '{rule.PathPrefix}' must start with '/'", nameof(rule));
        if (rule.Count < 1) throw new ArgumentException($"Count {rule.Count} must be at least 1", nameof(rule));
        if (rule.SkipFirst < 0) throw new ArgumentException($"SkipFirst {rule.SkipFirst} must not be negative", nameof(rule));
        if (rule.Kind == FaultKind.Status && (rule.StatusCode < 100 || rule.StatusCode > 599))
            throw new ArgumentException($"StatusCode {rule.StatusCode} is not an HTTP status", nameof(rule));
        if (rule.Kind == FaultKind.TooManyRequests && rule.RetryAfterSeconds < 0)
            throw new ArgumentException($"RetryAfterSeconds {rule.RetryAfterSeconds} must not be negative", nameof(rule));
        if (rule.Kind == FaultKind.Delay && rule.Delay < TimeSpan.Zero)
            throw new ArgumentException($"Delay {rule.Delay} must not be negative", nameof(rule));
        if (!Enum.IsDefined(rule.Kind)) throw new ArgumentException($"Kind {rule.Kind} is unknown", nameof(rule));

        lock (_gate) _rules.Add(new ActiveRule(rule.Copy()));
    }

    public void Clear()
    {
        lock (_gate) _rules.Clear();
    }

    /// <summary>Copies of the rules added so far, in order.</summary>
    public IReadOnlyList<FaultRule> Rules
    {
        get { lock (_gate) return _rules.Select(r => r.Rule.Copy()).ToArray(); }
    }

    /// <summary>
    /// Counts the request against every matching rule and returns the first rule that fires for it, if any.
    /// Each rule counts its matches on its own: SkipFirst matches pass, the next Count are affected.
    /// </summary>
    internal FaultRule? Match(string method, string path)
    {
        lock (_gate)
        {
            FaultRule? fired = null;
            foreach (var active in _rules)
            {
                if (!active.Matches(method, path)) continue;
                active.Seen++;
                if (fired is null && active.Seen > active.Rule.SkipFirst && active.Affected < active.Rule.Count)
                {
                    active.Affected++;
                    fired = active.Rule.Copy();
                }
            }
            return fired;
        }
    }

    private sealed class ActiveRule(FaultRule rule)
    {
        public FaultRule Rule { get; } = rule;
        public int Seen { get; set; }
        public int Affected { get; set; }

        public bool Matches(string method, string path) =>
            path.StartsWith(Rule.PathPrefix, StringComparison.OrdinalIgnoreCase)
            && (Rule.Method is null || string.Equals(Rule.Method, method, StringComparison.OrdinalIgnoreCase));
    }
}
