using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Text;

namespace GosApi.PowerShell.Tests.Infrastructure;

/// <summary>
/// A real PowerShell engine in-process (Microsoft.PowerShell.SDK) with the staged module imported by its
/// manifest, exactly as a user imports it.
/// </summary>
public sealed class ModuleHost : IDisposable
{
    private readonly Runspace runspace;

    static ModuleHost() => Environment.SetEnvironmentVariable("POWERSHELL_TELEMETRY_OPTOUT", "1");

    public ModuleHost()
    {
        if (!File.Exists(RepoPaths.StagedManifest)) throw new InvalidOperationException("The staged module is missing: " + RepoPaths.StagedManifest + " (run dotnet build).");
        var state = InitialSessionState.CreateDefault2();
        state.ThrowOnRunspaceOpenError = true;
        state.ImportPSModule(new[] { RepoPaths.StagedManifest });
        runspace = RunspaceFactory.CreateRunspace(Host, state);
        runspace.Open();
    }

    public CapturingHost Host { get; } = new();

    public HostedResult Invoke(string script, IDictionary? variables = null)
    {
        Host.Clear();
        using var ps = System.Management.Automation.PowerShell.Create();
        ps.Runspace = runspace;
        if (variables != null)
            foreach (DictionaryEntry entry in variables) runspace.SessionStateProxy.SetVariable((string)entry.Key, entry.Value);
        ps.AddScript(script);
        var output = new List<PSObject>();
        Exception? terminating = null;
        try
        {
            output.AddRange(ps.Invoke());
        }
        catch (RuntimeException ex)
        {
            terminating = ex;
        }
        return new HostedResult(output, ps.Streams, Host.Text, terminating);
    }

    public void Dispose() => runspace.Dispose();
}

/// <summary>Everything one script produced, on every stream.</summary>
public sealed class HostedResult
{
    public HostedResult(List<PSObject> output, PSDataStreams streams, string hostText, Exception? terminating)
    {
        Output = output;
        Errors = streams.Error.ToList();
        Warnings = streams.Warning.Select(w => w.Message).ToList();
        Verbose = streams.Verbose.Select(v => v.Message).ToList();
        Debug = streams.Debug.Select(d => d.Message).ToList();
        Progress = streams.Progress.ToList();
        Information = streams.Information.Select(i => i.MessageData?.ToString() ?? string.Empty).ToList();
        HostText = hostText;
        Terminating = terminating;
    }

    public List<PSObject> Output { get; }
    public List<ErrorRecord> Errors { get; }
    public List<string> Warnings { get; }
    public List<string> Verbose { get; }
    public List<string> Debug { get; }
    public List<ProgressRecord> Progress { get; }
    public List<string> Information { get; }
    public string HostText { get; }
    public Exception? Terminating { get; }

    public IEnumerable<ErrorRecord> AllErrors => Terminating is IContainsErrorRecord c ? Errors.Append(c.ErrorRecord) : Errors;

    public PSObject Single(string typeName) => Assert.Single(Output.OfType(typeName));

    /// <summary>Fails with every error's text when the script did not run cleanly.</summary>
    public HostedResult AssertSuccess()
    {
        if (Terminating == null && Errors.Count == 0) return this;
        var text = new StringBuilder("The script failed:\n");
        foreach (var error in AllErrors) text.Append(error.FullyQualifiedErrorId).Append(": ").Append(error).Append('\n');
        if (Terminating != null && Terminating is not IContainsErrorRecord) text.Append(Terminating);
        Assert.Fail(text.ToString());
        return this;
    }

    /// <summary>Fails only on a terminating error; non-terminating errors are left for the test to check.</summary>
    public HostedResult AssertSuccessExceptErrors()
    {
        if (Terminating != null) Assert.Fail("The script stopped: " + Terminating.Message);
        return this;
    }

    /// <summary>All text that reached any stream, the host, or an error (to look for leaked secrets).</summary>
    public string Everything()
    {
        var text = new StringBuilder();
        foreach (var o in Output) text.Append(o).Append('\n');
        foreach (var e in AllErrors)
        {
            text.Append(e).Append('\n').Append(e.Exception).Append('\n').Append(e.ErrorDetails?.Message).Append(e.ErrorDetails?.RecommendedAction).Append('\n');
            text.Append(e.CategoryInfo).Append(e.TargetObject).Append('\n');
        }
        foreach (var s in Warnings.Concat(Verbose).Concat(Debug).Concat(Information)) text.Append(s).Append('\n');
        foreach (var p in Progress) text.Append(p.Activity).Append(p.StatusDescription).Append('\n');
        text.Append(HostText);
        return text.ToString();
    }
}
