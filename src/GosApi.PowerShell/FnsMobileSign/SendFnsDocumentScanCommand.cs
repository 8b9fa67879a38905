using System.Management.Automation;
using GosApi.FnsMobileSign.Models;

namespace GosApi.PowerShell.FnsMobileSign
{
    /// <summary>PUT /api/rb/document-scan/{id}: uploads the scan a certificate-issuing slot asks for.</summary>
    [Cmdlet(VerbsCommunications.Send, "FnsDocumentScan", SupportsShouldProcess = true)]
    [OutputType(typeof(FnsUploadSlot))]
    public sealed class SendFnsDocumentScanCommand : FnsUploadSlotCmdlet
    {
        protected override string Kind => "document-scan";
    }
}
