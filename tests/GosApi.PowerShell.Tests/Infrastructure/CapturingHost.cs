using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text;

namespace GosApi.PowerShell.Tests.Infrastructure;

/// <summary>A non-interactive host that records everything written to its UI (-WhatIf text goes only there).</summary>
public sealed class CapturingHost : PSHost
{
    private readonly CapturingUI ui = new();
    public string Text => ui.Text;
    public void Clear() => ui.Clear();

    public override string Name => "GosApiTestHost";
    public override Version Version => new(1, 0);
    public override Guid InstanceId { get; } = Guid.NewGuid();
    public override PSHostUserInterface UI => ui;
    public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;
    public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;
    public override void SetShouldExit(int exitCode) { }
    public override void EnterNestedPrompt() => throw new NotSupportedException();
    public override void ExitNestedPrompt() => throw new NotSupportedException();
    public override void NotifyBeginApplication() { }
    public override void NotifyEndApplication() { }

    private sealed class CapturingUI : PSHostUserInterface
    {
        private readonly StringBuilder text = new();
        private readonly object gate = new();
        public string Text { get { lock (gate) return text.ToString(); } }
        public void Clear() { lock (gate) text.Clear(); }
        private void Append(string value) { lock (gate) text.Append(value); }

        public override PSHostRawUserInterface? RawUI => null;
        public override string ReadLine() => throw new NotSupportedException("Non-interactive test host.");
        public override SecureString ReadLineAsSecureString() => throw new NotSupportedException("Non-interactive test host.");
        public override void Write(string value) => Append(value);
        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Append(value);
        public override void WriteLine(string value) => Append(value + "\n");
        public override void WriteErrorLine(string value) => Append("ERROR: " + value + "\n");
        public override void WriteDebugLine(string message) => Append("DEBUG: " + message + "\n");
        public override void WriteVerboseLine(string message) => Append("VERBOSE: " + message + "\n");
        public override void WriteWarningLine(string message) => Append("WARNING: " + message + "\n");
        public override void WriteProgress(long sourceId, ProgressRecord record) { }
        public override Dictionary<string, PSObject> Prompt(string caption, string message, System.Collections.ObjectModel.Collection<FieldDescription> descriptions) => throw new NotSupportedException("Non-interactive test host.");
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) => throw new NotSupportedException("Non-interactive test host.");
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw new NotSupportedException("Non-interactive test host.");
        public override int PromptForChoice(string caption, string message, System.Collections.ObjectModel.Collection<ChoiceDescription> choices, int defaultChoice) => throw new NotSupportedException("Non-interactive test host.");
    }
}
