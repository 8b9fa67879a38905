using System.Management.Automation;
using GosApi.Diagnostics;

namespace GosApi.PowerShell.Infrastructure
{
    /// <summary>Routes Core's Debug/Verbose/Warning messages to the cmdlet's streams on the pipeline thread.</summary>
    internal sealed class QueueReporter : IOperationReporter
    {
        private readonly PipelineThread thread;
        private readonly Cmdlet cmdlet;

        public QueueReporter(PipelineThread thread, Cmdlet cmdlet)
        {
            this.thread = thread;
            this.cmdlet = cmdlet;
        }

        public void Debug(string message) => thread.Post(() => cmdlet.WriteDebug(message));
        public void Verbose(string message) => thread.Post(() => cmdlet.WriteVerbose(message));
        public void Warning(string message) => thread.Post(() => cmdlet.WriteWarning(message));
    }
}
