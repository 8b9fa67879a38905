using System.Management.Automation;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.FnsMobileSign
{
    /// <summary>POST /api/rb/consumer/{id}/push_notification/: a push notification to the client's app (agreed templates only).</summary>
    /// <remarks>
    /// -ConsumerId binds the ConsumerId of a piped FnsWorkflow and, through its alias Id, the Id of a piped
    /// FnsConsumer; -WorkflowId therefore has no Id alias (a consumer's UUID would not bind to it).
    /// </remarks>
    [Cmdlet(VerbsCommunications.Send, "FnsPushNotification", SupportsShouldProcess = true)]
    public sealed class SendFnsPushNotificationCommand : FnsCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        public string ConsumerId { get; set; } = string.Empty;

        /// <summary>The heading, shown in bold.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        public string Title { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 2)]
        public string Message { get; set; } = string.Empty;

        /// <summary>The workflow the app opens when the notification is tapped.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public long? WorkflowId { get; set; }

        protected override void ProcessRecord()
        {
            var target = "client " + ConsumerId + (WorkflowId.HasValue ? ", workflow " + WorkflowId.Value : string.Empty);
            if (!ShouldProcess(target, $"Send push notification «{Title}»")) return;
            TryRun(() =>
            {
                Run(ct => Client.SendPushNotificationAsync(ConsumerId, Title, Message, WorkflowId, ct));
                WriteVerbose($"Push notification «{Title}» sent to {target}.");
            }, ConsumerId);
        }
    }
}
