using System.Security.Cryptography;
using GosApi.Sandbox.FnsMobileSign.Http;

namespace GosApi.Sandbox.FnsMobileSign.Domain;

/// <summary>Partner accounts and the tokens of POST /api/rb/auth (partners' and agents').</summary>
internal sealed class FnsPartnerRegistry
{
    private readonly object _gate = new();
    private readonly Dictionary<string, FnsAccount> _accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FnsCaller> _tokens = new(StringComparer.Ordinal);

    /// <summary>Creates a partner, or changes the password of an existing one (keeping its data). Defaults: random.</summary>
    public FnsPartner Register(string? username, string? password)
    {
        username = string.IsNullOrWhiteSpace(username) ? "partner_" + RandomNumberGenerator.GetHexString(8, lowercase: true) : username;
        password = string.IsNullOrEmpty(password) ? RandomNumberGenerator.GetHexString(16, lowercase: true) : password;
        var partner = new FnsPartner(username, password);
        lock (_gate)
        {
            if (_accounts.TryGetValue(username, out var existing)) existing.Partner = partner;
            else _accounts[username] = new FnsAccount(partner);
        }
        return partner;
    }

    public IReadOnlyList<FnsAccount> Accounts
    {
        get { lock (_gate) return _accounts.Values.ToArray(); }
    }

    /// <summary>A partner by its password, or an active agent of any partner.</summary>
    public FnsCaller? Authenticate(string username, string password)
    {
        FnsAccount[] accounts;
        lock (_gate)
        {
            if (_accounts.TryGetValue(username, out var account))
                return Equal(account.Partner.Password, password) ? new FnsCaller(account, null) : null;
            accounts = _accounts.Values.ToArray();
        }
        foreach (var account in accounts)
            lock (account.Gate)
            {
                var agent = account.Agents.Values.FirstOrDefault(a => a.IsActive && a.Username == username);
                if (agent is not null) return Equal(agent.Password, password) ? new FnsCaller(account, agent) : null;
            }
        return null;
    }

    public bool UsernameTaken(string username)
    {
        FnsAccount[] accounts;
        lock (_gate)
        {
            if (_accounts.ContainsKey(username)) return true;
            accounts = _accounts.Values.ToArray();
        }
        return accounts.Any(a => { lock (a.Gate) return a.Agents.Values.Any(x => x.Username == username); });
    }

    public string IssueToken(FnsCaller caller)
    {
        var token = FnsIds.Token();
        lock (_gate) _tokens[token] = caller;
        return token;
    }

    /// <summary>The caller of a token; null when unknown, expired, or its agent has been blocked.</summary>
    public FnsCaller? ByToken(string token)
    {
        FnsCaller? caller;
        lock (_gate) _tokens.TryGetValue(token, out caller);
        if (caller?.Agent is { } agent)
            lock (caller.Account.Gate)
                return caller.Account.Agents.TryGetValue(agent.Id, out var current) && current.IsActive ? caller with { Agent = current } : null;
        return caller;
    }

    /// <summary>Forgets every token: clients must call POST /api/rb/auth again.</summary>
    public void ExpireTokens()
    {
        lock (_gate) _tokens.Clear();
    }

    /// <summary>The account that holds the workflow.</summary>
    public FnsAccount? AccountOfWorkflow(long workflowId) =>
        Accounts.FirstOrDefault(a => { lock (a.Gate) return a.Workflows.ContainsKey(workflowId); });

    private static bool Equal(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(a), System.Text.Encoding.UTF8.GetBytes(b));
}
