using System.Management.Automation;
using GosApi.FnsMobileSign.Models;

namespace GosApi.PowerShell.FnsMobileSign
{
    /// <summary>PUT /api/rb/confirmation-document/{id}: uploads the file a confirmation-document slot asks for.</summary>
    [Cmdlet(VerbsCommunications.Send, "FnsConfirmationDocument", SupportsShouldProcess = true)]
    [OutputType(typeof(FnsUploadSlot))]
    public sealed class SendFnsConfirmationDocumentCommand : FnsUploadSlotCmdlet
    {
        protected override string Kind => "confirmation-document";
    }
}
